"use client";

import { PlayerFrame } from "@/components/watch/player-frame";
import { useFreshPlayback } from "@/components/watch/use-fresh-playback";
import type { Playback } from "@/lib/schemas";

type Props = { videoId: string; title: string; initialPlayback: Playback; otpTtlMs: number };

export function WatchPlayer({ videoId, title, initialPlayback, otpTtlMs }: Props) {
  const { playback, generation, expired, refreshing, error, refresh, frameRef } = useFreshPlayback(
    videoId,
    initialPlayback,
    otpTtlMs,
  );
  const blocked = expired || refreshing || error !== null;

  return (
    <div className="space-y-2">
      <PlayerFrame playback={playback} title={title} frameKey={generation} frameRef={frameRef}>
        {blocked && (
          // The loaded player holds an expired OTP: cover it so the next click fetches a fresh one.
          <div className="absolute inset-0 flex items-center justify-center bg-black/60 backdrop-blur-sm">
            <button
              type="button"
              onClick={() => void refresh()}
              disabled={refreshing}
              className="btn-primary h-12 px-5 text-base"
            >
              <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-current">
                <path d="M8 5v14l11-7z" />
              </svg>
              {refreshing ? "Loading…" : error ? "Try again" : "Play"}
            </button>
          </div>
        )}
      </PlayerFrame>
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
