// Display helpers shared by the upload UI and the library. Bytes use binary units (KiB, MiB, GiB)
// throughout, because upload limits and file managers' "size on disk" are powers of two.

const BYTE_UNITS = ["KiB", "MiB", "GiB", "TiB"] as const;

/** `512 B`, `1.2 MiB`, `5.0 GiB`; always one decimal above bytes so columns of sizes line up. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "–";
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1023.95 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** `0:07`, `1:05`, `1:02:03`; `–:––` when unknown (an ETA before any progress, say). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return "–:––";
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** A calendar date such as `3 Dec 2026`, or an empty string when the date is unknown or invalid. */
export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(date);
}
