"use client";

import type { MouseEvent } from "react";

type Props = {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  onPage: (page: number) => void;
};

export function Pagination({ page, pageCount, hrefFor, onPage }: Props) {
  if (pageCount <= 1) return null;
  const go = (target: number) => (event: MouseEvent) => {
    // Plain links stay usable (open in new tab); a normal click pages without a navigation.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onPage(target);
  };
  return (
    <nav aria-label="Library pages" className="flex items-center justify-between gap-3 pt-2">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} onClick={go(page - 1)} className="btn-secondary" rel="prev">
          Previous
        </a>
      ) : (
        <span aria-hidden className="btn-secondary invisible">
          Previous
        </span>
      )}
      <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <a href={hrefFor(page + 1)} onClick={go(page + 1)} className="btn-secondary" rel="next">
          Next
        </a>
      ) : (
        <span aria-hidden className="btn-secondary invisible">
          Next
        </span>
      )}
    </nav>
  );
}
