import "server-only";
import type { Video } from "@/lib/schemas";
import type { RawVideo } from "./raw";
import { normaliseStatus } from "./status";

export function toVideo(raw: RawVideo): Video {
  return {
    id: raw.id,
    title: raw.title ?? "",
    status: normaliseStatus(raw.status),
    upstreamStatus: raw.status ?? "",
    durationSeconds: duration(raw.length),
    posterUrl: largestPoster(raw),
    uploadedAt: isoTime(raw.upload_time),
  };
}

function duration(length: number | null | undefined): number | null {
  return typeof length === "number" && Number.isFinite(length) && length > 0 ? length : null;
}

function largestPoster(raw: RawVideo): string | null {
  let best: { url: string; width: number } | undefined;
  for (const poster of raw.posters ?? []) {
    const url = poster.posterUrl ?? poster.url;
    const width = poster.width ?? 0;
    if (url && (!best || width > best.width)) best = { url, width };
  }
  return best?.url ?? raw.poster ?? null;
}

// `upload_time` is documented in seconds; a value that can only be milliseconds is accepted as such.
function isoTime(time: number | null | undefined): string | null {
  if (typeof time !== "number" || !Number.isFinite(time) || time <= 0) return null;
  const ms = time > 1e12 ? time : time * 1000;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
