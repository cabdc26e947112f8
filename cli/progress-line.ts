import { formatBytes, formatDuration } from "@/lib/format";
import type { ProgressSnapshot } from "@/lib/upload/progress";

// One terminal line per file, fitted to the terminal's width: the name gives way first (cut from
// the front, where paths repeat), then the state's tail; the figures never do.
//   clip.mp4         ██████░░░░  42% 12.3/45.6 MiB  3.2 MiB/s ETA 0:11 uploading

export type LineState = {
  label: string;
  /** Bytes of the file itself; null for a URL import. */
  size: number | null;
  progress: ProgressSnapshot | null;
  /** Speed and ETA mean something only while bytes are moving. */
  uploading: boolean;
  /** A full bar whatever the progress (an import VdoCipher took over). */
  complete: boolean;
  state: string;
  /** Shown after the state only when it fits whole (a video id cut short is of no use). */
  detail?: string;
};

const BAR_WIDTH = 10;
const NAME_MIN = 8;
const NAME_MAX = 30;
// What the figures after the name take on a typical line (bar, %, bytes, speed, ETA, a short
// state, spaces); the name gets the rest of the width, so lines stay aligned under one another.
const FIGURES_WIDTH = BAR_WIDTH + 4 + 13 + 10 + 8 + 10 + 6;

function cut(text: string, width: number): string {
  if (width <= 0) return "";
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function name(label: string, width: number): string {
  return label.length <= width ? label.padEnd(width) : `…${label.slice(-(width - 1))}`;
}

function bar(fraction: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
  return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
}

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

/** `12.3/45.6 MiB`: both figures in the unit `formatBytes` picks for the total. */
export function byteFigures(loaded: number, total: number): string {
  const [figure, unit] = formatBytes(total).split(" ") as [string, string];
  if (unit === "B") return `${Math.round(loaded)}/${figure} B`;
  const scale = 1024 ** UNITS.indexOf(unit);
  return `${(loaded / scale).toFixed(1)}/${figure} ${unit}`;
}

export function progressLine(line: LineState, columns: number): string {
  // The last column is left free: some terminals wrap as soon as it is written.
  const width = Math.max(20, columns - 1);
  const { progress, size } = line;
  const figures = [bar(line.complete ? 1 : (progress?.percent ?? 0) / 100)];
  if (size !== null) {
    figures.push(`${Math.floor(progress?.percent ?? 0)}%`.padStart(4));
    figures.push(byteFigures(progress?.loaded ?? 0, size).padStart(13));
    if (line.uploading) {
      const speed = progress && progress.bytesPerSecond > 0 ? progress.bytesPerSecond : null;
      figures.push((speed === null ? "" : `${formatBytes(speed)}/s`).padStart(10));
      figures.push(`ETA ${formatDuration(progress?.etaSeconds)}`);
    }
  }
  const rest = figures.join(" ");
  const nameWidth = Math.min(NAME_MAX, Math.max(NAME_MIN, width - FIGURES_WIDTH));
  const head = `${name(line.label, nameWidth)} ${rest}`;
  const full = line.detail ? `${line.state} ${line.detail}` : line.state;
  const state = head.length + 1 + full.length <= width ? full : line.state;
  return `${head} ${cut(state, width - head.length - 1)}`.trimEnd().slice(0, width);
}
