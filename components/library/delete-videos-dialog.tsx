"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/library/confirm-dialog";
import { ApiClientError, apiDeleteVideo } from "@/lib/api-client";
import type { Video } from "@/lib/schemas";

type Props = {
  videos: Video[] | null;
  onCancel: () => void;
  /** `remaining` are the videos that could not be deleted; the dialog stays open for them. */
  onDeleted: (ids: string[], remaining: Video[]) => void;
};

const CONCURRENCY = 4;

/** Deletes each video, a few at a time; one already gone (404) counts as deleted. */
async function deleteAll(videos: Video[]): Promise<{ deleted: string[]; failed: Video[] }> {
  const deleted: string[] = [];
  const failed: Video[] = [];
  const queue = [...videos];
  async function worker() {
    for (let video = queue.shift(); video; video = queue.shift()) {
      try {
        await apiDeleteVideo(video.id);
        deleted.push(video.id);
      } catch (error) {
        if (error instanceof ApiClientError && error.status === 404) deleted.push(video.id);
        else failed.push(video);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, videos.length) }, worker));
  return { deleted, failed };
}

export function DeleteVideosDialog({ videos, onCancel, onDeleted }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const count = videos?.length ?? 0;
  const single = count === 1 ? videos?.[0] : undefined;

  async function confirm() {
    if (!videos) return;
    setBusy(true);
    setError(null);
    const { deleted, failed } = await deleteAll(videos);
    setBusy(false);
    setError(
      failed.length
        ? `Could not delete ${failed.map((video) => `“${video.title}”`).join(", ")}. Try again.`
        : null,
    );
    onDeleted(deleted, failed);
  }

  return (
    <ConfirmDialog
      open={count > 0}
      title={single ? "Delete this video?" : `Delete ${count} videos?`}
      confirmLabel="Delete"
      busy={busy}
      error={error}
      onConfirm={confirm}
      onCancel={() => {
        setError(null);
        onCancel();
      }}
    >
      {single ? (
        <p>
          “<span className="font-medium text-zinc-900 dark:text-zinc-100">{single.title}</span>”
          will be deleted from VdoCipher. Its share link will stop working. This cannot be undone.
        </p>
      ) : (
        <p>
          These videos will be deleted from VdoCipher and their share links will stop working. This
          cannot be undone.
        </p>
      )}
    </ConfirmDialog>
  );
}
