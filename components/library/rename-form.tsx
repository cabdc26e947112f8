"use client";

import { useState, type FormEvent } from "react";
import { apiRenameVideo } from "@/lib/api-client";
import type { Video } from "@/lib/schemas";

type Props = { video: Video; onDone: (renamed: Video | null) => void };

const MAX_TITLE = 250;

export function RenameForm({ video, onDone }: Props) {
  const [title, setTitle] = useState(video.title);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = `rename-${video.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next = title.trim();
    if (!next) return setError("The title cannot be empty.");
    if (next === video.title) return onDone(null);
    setSaving(true);
    setError(null);
    try {
      const renamed = await apiRenameVideo(video.id, next);
      onDone({ ...video, title: renamed?.title ?? next });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not rename the video.");
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex min-w-0 flex-1 flex-col gap-1">
      <label htmlFor={inputId} className="sr-only">
        New title for {video.title}
      </label>
      <div className="flex min-w-0 flex-wrap gap-2">
        <input
          id={inputId}
          className="input min-w-0 flex-1 basis-40"
          value={title}
          maxLength={MAX_TITLE}
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => event.key === "Escape" && onDone(null)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          disabled={saving}
        />
        <button type="submit" className="btn-primary" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </button>
        <button type="button" className="btn-secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      {error && (
        <p id={`${inputId}-error`} role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}
