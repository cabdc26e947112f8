"use client";

import { CopyLinkButton } from "@/components/copy-link-button";
import { useRef, useState } from "react";
import { StatusBadge } from "@/components/library/status-badge";
import { RenameForm } from "@/components/library/rename-form";
import { formatDate, formatDuration } from "@/lib/format";
import type { Video } from "@/lib/schemas";

type Props = {
  video: Video;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onRenamed: (video: Video) => void;
  onDelete: () => void;
};

export function VideoRow({ video, selected, onSelect, onRenamed, onDelete }: Props) {
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const watchPath = `/watch/${video.id}`;

  return (
    <li className="flex gap-3 py-3" data-testid="video-row" data-video-id={video.id}>
      <input
        type="checkbox"
        className="mt-1 size-4 shrink-0 accent-brand-600"
        checked={selected}
        onChange={(event) => onSelect(event.target.checked)}
        aria-label={`Select ${video.title}`}
      />
      <Poster video={video} />
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        {renaming ? (
          <RenameForm
            video={video}
            onDone={(renamed) => {
              setRenaming(false);
              if (renamed) onRenamed(renamed);
              requestAnimationFrame(() => renameButton.current?.focus());
            }}
          />
        ) : (
          <a href={watchPath} className="truncate font-medium hover:underline" title={video.title}>
            {video.title}
          </a>
        )}
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
          <StatusBadge status={video.status} />
          {video.durationSeconds != null && video.durationSeconds > 0 && (
            <span>
              <span className="sr-only">Duration </span>
              {formatDuration(video.durationSeconds)}
            </span>
          )}
          {video.uploadedAt && (
            <time dateTime={video.uploadedAt}>{formatDate(video.uploadedAt)}</time>
          )}
        </div>
        <div className="flex flex-wrap gap-1">
          <CopyLinkButton
            path={watchPath}
            className="btn-ghost"
            ariaLabel={`Copy share link for ${video.title}`}
          />
          <button
            ref={renameButton}
            type="button"
            className="btn-ghost"
            onClick={() => setRenaming(true)}
            disabled={renaming}
            aria-label={`Rename ${video.title}`}
          >
            Rename
          </button>
          <button
            type="button"
            className="btn-ghost text-red-700 dark:text-red-400"
            onClick={onDelete}
            aria-label={`Delete ${video.title}`}
          >
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}

function Poster({ video }: { video: Video }) {
  const frame =
    "relative aspect-video w-24 shrink-0 self-start overflow-hidden rounded-md bg-zinc-100 sm:w-32 dark:bg-zinc-800";
  if (!video.posterUrl) return <div aria-hidden className={frame} />;
  return (
    <div className={frame}>
      {/* Posters live on the video CDN; next/image would pull every one through our server. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={video.posterUrl}
        alt=""
        loading="lazy"
        decoding="async"
        className="size-full object-cover"
      />
    </div>
  );
}
