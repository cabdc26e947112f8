"use client";

import { useId, useState, type FormEvent } from "react";
import { ApiClientError, fetchJson } from "@/lib/api-client";
import { importUrlProblem } from "@/lib/import-url";
import type { Video } from "@/lib/schemas";

// Beside the dropzone: VdoCipher fetches the video from an address, so nothing is uploaded from
// this browser; the new video then joins the upload list at its processing stage.

const input =
  "min-w-0 flex-1 rounded-md border border-zinc-300 bg-transparent px-3 py-1.5 text-sm focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none dark:border-zinc-700";
const button =
  "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-60";

export function ImportUrlForm({ onImported }: { onImported: (video: Video, url: string) => void }) {
  const id = useId();
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = url.trim();
    const problem = importUrlProblem(address);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const video = await fetchJson<Video>("/api/imports", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ url: address }),
      });
      onImported(video, address);
      setUrl("");
    } catch (failure) {
      setError(
        failure instanceof ApiClientError ? failure.message : "The import could not be started.",
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-1.5" aria-busy={busy}>
      <label htmlFor={id} className="text-sm font-medium">
        Import from URL
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          type="url"
          inputMode="url"
          placeholder="https://example.com/video.mp4"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          className={input}
        />
        <button type="submit" disabled={busy} className={button}>
          {busy ? "Importing…" : "Import"}
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          A direct link to a video file; VdoCipher downloads it itself.
        </p>
      )}
    </form>
  );
}
