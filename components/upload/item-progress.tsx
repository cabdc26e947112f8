"use client";

import { useEffect } from "react";
import { formatBytes } from "@/lib/format";
import type { QueueItem } from "./use-upload-queue";
import { ProgressBar } from "./progress-bar";

function formatEta(seconds: number | null): string {
  if (seconds === null) return "estimating…";
  if (seconds < 1) return "almost done";
  if (seconds < 60) return `${Math.ceil(seconds)} s left`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.ceil(seconds % 60)} s left`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

export function ItemProgress({
  item,
  onAnnounce,
}: {
  item: QueueItem;
  onAnnounce: (message: string, onceKey: string) => void;
}) {
  const { progress, phase, retrying } = item;
  const allSent = phase === "finishing" || phase === "uploaded";
  const percent = allSent ? 100 : (progress?.percent ?? 0);
  const milestone = Math.floor(percent / 25) * 25;
  // Imports (no file) are fetched by VdoCipher: there is no upload of ours to announce.
  const started = item.file !== null && (phase === "uploading" || allSent);

  // Small files can go from nothing to all sent between two renders: start and 100% are still
  // announced, each exactly once.
  useEffect(() => {
    if (!started) return;
    onAnnounce(`Uploading “${item.title}”.`, `${item.key}:start`);
    if (milestone > 0) {
      onAnnounce(`“${item.title}”: ${milestone}% uploaded.`, `${item.key}:${milestone}`);
    }
  }, [started, milestone, item.key, item.title, onAnnounce]);

  if (phase === "waiting") {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">Waiting to start…</p>;
  }
  if (phase !== "uploading" && phase !== "finishing") return null;

  const total = progress?.total ?? item.file?.size ?? 0;
  const loaded = phase === "finishing" ? total : (progress?.loaded ?? 0);
  const detail =
    phase === "finishing"
      ? "All bytes sent · waiting for storage to confirm…"
      : `${formatBytes(loaded)} of ${formatBytes(total)} · ${percent.toFixed(0)}%` +
        (progress && progress.bytesPerSecond > 0
          ? ` · ${formatBytes(progress.bytesPerSecond)}/s · ${formatEta(progress.etaSeconds)}`
          : "");

  return (
    <div className="space-y-1.5">
      <ProgressBar
        percent={percent}
        label={`Uploading ${item.title}`}
        valueText={phase === "finishing" ? "100%, finishing" : `${percent.toFixed(0)}%`}
      />
      <p
        className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400"
        data-testid="upload-detail"
      >
        {detail}
      </p>
      {retrying ? (
        <p className="text-sm text-amber-700 dark:text-amber-400">
          {retrying.reason} Trying again (attempt {retrying.attempt})…
        </p>
      ) : null}
    </div>
  );
}
