"use client";

import { useEffect, useState, type RefObject } from "react";

const DEBOUNCE_MS = 300;

type Props = {
  value: string;
  onSearch: (q: string) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
};

export function SearchBox({ value, onSearch, inputRef }: Props) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  // Back/forward changes the URL under us: adopt it, unless it is what the user already typed.
  if (value !== synced) {
    setSynced(value);
    if (text.trim() !== value) setText(value);
  }

  useEffect(() => {
    const q = text.trim();
    if (q === value) return;
    const timer = window.setTimeout(() => onSearch(q), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <div className="relative min-w-0 flex-1 basis-full sm:basis-0">
      <label htmlFor="library-search" className="sr-only">
        Search videos by title
      </label>
      <input
        ref={inputRef}
        id="library-search"
        type="search"
        className="input w-full"
        placeholder="Search by title"
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoComplete="off"
      />
    </div>
  );
}
