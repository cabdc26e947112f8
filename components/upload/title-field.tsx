"use client";

import { useId, useState } from "react";

// Editable only before the upload starts: the title is sent with the credentials request.
export function TitleField({
  title,
  editable,
  fallback,
  onRename,
}: {
  title: string;
  editable: boolean;
  fallback: string;
  onRename: (title: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(title);
  if (!editable) {
    return <p className="truncate font-medium">{title}</p>;
  }
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Title
      </label>
      <input
        id={id}
        value={draft}
        maxLength={250}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          const next = draft.trim() || fallback;
          setDraft(next);
          onRename(next);
        }}
        className="w-full rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm font-medium focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none dark:border-zinc-700"
      />
    </div>
  );
}
