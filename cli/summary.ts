import { formatDuration } from "@/lib/format";
import type { Outcome } from "./run-jobs";

/** A plain-text table: file, video id, status, time taken and, once ready, the video's length. */
export function summaryTable(outcomes: readonly Outcome[]): string {
  const header = ["File", "Video id", "Status", "Took", "Length"];
  const rows = outcomes.map((outcome) => [
    outcome.label,
    outcome.videoId ?? "–",
    outcome.status,
    formatDuration(outcome.seconds),
    outcome.videoSeconds === null ? "–" : formatDuration(outcome.videoSeconds),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "─".repeat(width)).join("  ");
  return [format(header), rule, ...rows.map(format)].join("\n");
}
