"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type LibraryUrlState = { q: string; page: number };

export function readLibraryQuery(params: URLSearchParams): LibraryUrlState {
  const page = Number.parseInt(params.get("page") ?? "", 10);
  return { q: (params.get("q") ?? "").trim(), page: Number.isFinite(page) && page > 1 ? page : 1 };
}

export function libraryHref(state: LibraryUrlState): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.page > 1) params.set("page", String(state.page));
  const search = params.toString();
  return search ? `?${search}` : "?";
}

/**
 * Search and page live in the URL so a reload or a shared studio link shows the same list. The
 * History API keeps it client-side: Next.js syncs useSearchParams with pushState/replaceState.
 */
export function useLibraryQuery() {
  const params = useSearchParams();
  const state = readLibraryQuery(new URLSearchParams(params.toString()));
  const navigate = useCallback((next: LibraryUrlState, mode: "push" | "replace") => {
    const url = `${window.location.pathname}${libraryHref(next).replace(/^\?$/, "")}`;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);
  return { ...state, navigate };
}
