"use client";

import { useId, useState, useSyncExternalStore, type FormEvent } from "react";
import { ApiClientError, fetchJson } from "@/lib/api-client";
import { importUrlProblem } from "@/lib/import-url";
import type { Video } from "@/lib/schemas";

// Beside the dropzone: VdoCipher fetches the video from an address, so nothing is uploaded from
// this browser; the new video then joins the upload list at its processing stage.

const input =
  "min-w-0 flex-1 rounded-md border border-zinc-300 bg-transparent px-3 py-1.5 text-sm focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none dark:border-zinc-700";
const button =
  "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-60";

const noSubscription = () => () => {};

export function ImportUrlForm({ onImported }: { onImported: (video: Video, url: string) => void }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The server-rendered form cannot submit anything useful until this code runs.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    // Read from the form, not from state: what was typed before this chunk hydrated counts too.
    const address = String(new FormData(form).get("url") ?? "").trim();
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
      form.reset();
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
          name="url"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          className={input}
        />
        <button type="submit" disabled={busy || !hydrated} className={button}>
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
