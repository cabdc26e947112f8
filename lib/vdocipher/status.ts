import "server-only";
import type { VideoStatus } from "@/lib/schemas";

/**
 * Upstream status strings are inconsistent in case and not fully documented (`Pre-Upload`,
 * `PRE-Upload`, `Queued`, `ready`, …), so match loosely; anything unknown is still work in progress.
 */
export function normaliseStatus(raw: string | null | undefined): VideoStatus {
  const value = (raw ?? "").trim().toLowerCase();
  if (/^pre[-_ ]?upload$/.test(value)) return "awaiting-upload";
  if (value === "queued") return "queued";
  if (value === "ready") return "ready";
  if (value.includes("error") || value.includes("fail")) return "failed";
  return "processing";
}
