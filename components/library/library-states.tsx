import type { ReactNode } from "react";

export function LibrarySkeleton() {
  return (
    <ul aria-hidden className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {[0, 1, 2].map((row) => (
        <li key={row} className="flex gap-3 py-3">
          <div className="aspect-video w-24 shrink-0 animate-pulse rounded-md bg-zinc-100 sm:w-32 dark:bg-zinc-800" />
          <div className="flex-1 space-y-2 pt-1">
            <div className="h-4 w-2/3 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
            <div className="h-3 w-1/3 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function LibraryMessage({
  title,
  children,
  action,
  tone = "neutral",
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  tone?: "neutral" | "error";
}) {
  const border =
    tone === "error"
      ? "border-red-200 bg-red-50 dark:border-red-900/60 dark:bg-red-950/30"
      : "border-dashed border-zinc-300 dark:border-zinc-700";
  return (
    <div
      role={tone === "error" ? "alert" : undefined}
      className={`flex flex-col items-center gap-3 rounded-xl border px-4 py-10 text-center ${border}`}
    >
      <p className="font-medium">{title}</p>
      {children && (
        <div className="max-w-prose text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
      )}
      {action}
    </div>
  );
}
