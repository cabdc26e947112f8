"use client";

import { useEffect, useState } from "react";
import { StatusBadge } from "@/components/library/status-badge";
import { FailedMessage } from "@/components/watch/failed-message";
import { WatchPlayer } from "@/components/watch/watch-player";
import { apiMintPlayback } from "@/lib/api-client";
import { useVideoStatus } from "@/lib/hooks/use-video-status";
import type { Playback, Video } from "@/lib/schemas";

type Props = { video: Video; otpTtlMs: number };

/** Polls a video that is not ready yet and swaps the player in, without a reload, once it is. */
export function ProcessingWatch({ video: initial, otpTtlMs }: Props) {
  const { video = initial } = useVideoStatus(initial.id, { enabled: true });
  const [playback, setPlayback] = useState<Playback | null>(null);
  const [mintError, setMintError] = useState<string | null>(null);
  const ready = video.status === "ready";

  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    apiMintPlayback(video.id).then(
      (minted) => !cancelled && setPlayback(minted),
      (error: unknown) =>
        !cancelled &&
        setMintError(error instanceof Error ? error.message : "Could not load the player."),
    );
    return () => {
      cancelled = true;
    };
  }, [ready, video.id]);

  if (video.status === "failed") return <FailedMessage />;
  if (playback) {
    return (
      <WatchPlayer
        videoId={video.id}
        title={video.title}
        initialPlayback={playback}
        otpTtlMs={otpTtlMs}
      />
    );
  }
  return (
    <div className="flex aspect-video w-full flex-col items-center justify-center gap-3 rounded-xl border border-dashed border-zinc-300 bg-zinc-50 px-6 text-center dark:border-zinc-700 dark:bg-zinc-900">
      <span
        aria-hidden
        className="size-8 animate-spin rounded-full border-2 border-zinc-300 border-t-brand-600 dark:border-zinc-700 dark:border-t-brand-400"
      />
      <div role="status" className="space-y-1">
        <p className="font-medium">
          {mintError
            ? "The video is ready, but the player could not load."
            : ready
              ? "Ready, loading the player…"
              : "Still processing"}
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {mintError ??
            "This page will start playing as soon as the video is ready. No need to reload."}
        </p>
      </div>
      <StatusBadge status={video.status} />
    </div>
  );
}
