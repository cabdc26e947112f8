import type { VideoStatus } from "@/lib/schemas";

const LABELS: Record<VideoStatus, string> = {
  "awaiting-upload": "Awaiting upload",
  queued: "Queued",
  processing: "Processing",
  ready: "Ready",
  failed: "Failed",
};

const TONES: Record<VideoStatus, string> = {
  "awaiting-upload": "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  queued: "bg-amber-100 text-amber-800 dark:bg-amber-500/15 dark:text-amber-300",
  processing: "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300",
  ready: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
};

export function StatusBadge({ status }: { status: VideoStatus }) {
  const busy = status === "queued" || status === "processing";
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status]}`}
    >
      {busy && <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-current" />}
      {LABELS[status]}
    </span>
  );
}
