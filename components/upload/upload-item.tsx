"use client";

import { useEffect, useRef } from "react";
import { StatusBadge } from "@/components/library/status-badge";
import { CopyLinkButton } from "@/components/copy-link-button";
import { formatBytes, formatDuration } from "@/lib/format";
import { useVideoStatus } from "@/lib/hooks/use-video-status";
import { refreshVideoLists } from "@/lib/hooks/use-videos";
import type { QueueItem } from "./use-upload-queue";
import { ItemProgress } from "./item-progress";
import { TitleField } from "./title-field";

const button =
  "rounded-md px-2.5 py-1 text-sm font-medium ring-1 ring-zinc-300 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none dark:ring-zinc-700 dark:hover:bg-zinc-800";

// Moving focus to a finished upload helps only if the person is not busy elsewhere (typing a search,
// renaming): then focus is on the page body or already inside the upload area.
function focusIsFree(target: HTMLElement | null): boolean {
  const active = document.activeElement;
  if (!target || !active || active === document.body) return true;
  return !!target.closest("[data-upload-area]")?.contains(active);
}

type Props = {
  item: QueueItem;
  onRename: (title: string) => void;
  onCancel: () => void;
  onRetry: () => void;
  onRemove: () => void;
  onAnnounce: (message: string, onceKey: string) => void;
};

export function UploadItem({ item, onRename, onCancel, onRetry, onRemove, onAnnounce }: Props) {
  const uploaded = item.phase === "uploaded";
  const { video, notFound, slow, checkAgain } = useVideoStatus(item.videoId, { enabled: uploaded });
  const result = useRef<HTMLElement | null>(null);
  const setResult = (element: HTMLElement | null) => {
    result.current = element;
  };
  const status = uploaded ? (video?.status ?? "queued") : null;
  const terminal = status === "ready" || status === "failed" || notFound;
  const settled = terminal || item.phase === "failed";

  // A new video exists upstream: the library shows it at once, whatever page it is on.
  useEffect(() => {
    if (uploaded) void refreshVideoLists();
  }, [uploaded]);

  useEffect(() => {
    if (status === "ready") onAnnounce(`“${item.title}” is ready to watch.`, `${item.key}:ready`);
    if (status === "failed") onAnnounce(`“${item.title}” failed to process.`, `${item.key}:failed`);
    if (settled && focusIsFree(result.current)) result.current?.focus();
  }, [status, settled, item.key, item.title, onAnnounce]);

  return (
    <li
      className="space-y-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800"
      data-testid="upload-item"
      data-phase={status ?? item.phase}
      data-video-id={item.videoId ?? undefined}
    >
      <div className="flex items-start gap-3">
        {status === "ready" && video?.posterUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- posters live on VdoCipher's CDN
          <img
            src={video.posterUrl}
            alt=""
            className="aspect-video w-24 shrink-0 rounded-md bg-zinc-200 object-cover dark:bg-zinc-800"
          />
        ) : null}
        <div className="min-w-0 flex-1 space-y-1">
          <TitleField
            title={item.title}
            editable={item.phase === "waiting"}
            fallback={item.file?.name ?? item.title}
            onRename={onRename}
          />
          <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">
            {item.file
              ? `${item.file.name} · ${formatBytes(item.file.size)}`
              : `Imported from ${item.sourceUrl}`}
            {status === "ready" && video?.durationSeconds != null
              ? ` · ${formatDuration(video.durationSeconds)}`
              : null}
          </p>
        </div>
        {status ? <StatusBadge status={status} /> : null}
      </div>

      <ItemProgress item={item} onAnnounce={onAnnounce} />

      {uploaded && !terminal ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {status === "processing"
            ? "Processing on VdoCipher…"
            : item.file
              ? "Uploaded. Queued for processing…"
              : "VdoCipher is fetching the file…"}
          {slow ? (
            <>
              {" "}
              This is taking longer than usual.{" "}
              <button type="button" className={button} onClick={checkAgain}>
                Check again
              </button>
            </>
          ) : null}
        </p>
      ) : null}

      {item.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {item.error.message}
        </p>
      ) : null}
      {status === "failed" ? (
        <p className="text-sm text-red-700 dark:text-red-400">
          {item.file
            ? "The file was uploaded but could not be processed. It may be damaged or not a video."
            : "VdoCipher could not download or process the file at this address. Check that it links to the video file itself and is publicly reachable."}
        </p>
      ) : null}
      {notFound ? (
        <p className="text-sm text-red-700 dark:text-red-400">This video no longer exists.</p>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        {status === "ready" && item.videoId ? (
          <>
            <a
              ref={setResult}
              href={`/watch/${item.videoId}`}
              className="rounded-md bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 focus-visible:outline-none"
            >
              Watch
            </a>
            <CopyLinkButton path={`/watch/${item.videoId}`} className={button} />
          </>
        ) : null}
        {item.phase === "uploading" || item.phase === "finishing" ? (
          <button type="button" className={button} onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        {item.file &&
        (item.phase === "failed" || item.phase === "cancelled" || status === "failed") ? (
          <button ref={setResult} type="button" className={button} onClick={onRetry}>
            Retry
          </button>
        ) : null}
        {item.phase === "waiting" ||
        item.phase === "failed" ||
        item.phase === "cancelled" ||
        terminal ? (
          <button type="button" className={button} onClick={onRemove}>
            Remove
          </button>
        ) : null}
      </div>
    </li>
  );
}
