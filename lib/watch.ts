import "server-only";
import { ApiError } from "@/lib/errors";
import { mintPlayback } from "@/lib/playback";
import { limitPlaybackMinting, limitStatusReads } from "@/lib/public-limit";
import type { Playback, Video } from "@/lib/schemas";
import { getVideoStatus } from "@/lib/vdocipher";

// The watch page costs the same upstream calls as the public routes, so it draws on the same
// per-address allowances; when one is spent the page says how long to wait instead of failing.

export type RateLimited = { retryAfterSeconds: number };

export function isRateLimited(value: object): value is RateLimited {
  return "retryAfterSeconds" in value;
}

async function unlessLimited<T extends object>(load: () => Promise<T>): Promise<T | RateLimited> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof ApiError && error.code === "rate_limited")) throw error;
    return { retryAfterSeconds: error.options.retryAfterSeconds ?? 60 };
  }
}

/** The video a viewer opened, counted as one status read of their address. */
export function watchVideo(id: string, ip: string): Promise<Video | RateLimited> {
  return unlessLimited(async () => {
    await limitStatusReads(ip);
    return getVideoStatus(id);
  });
}

/** A fresh OTP for this view, counted as one playback of the viewer's address. */
export function watchPlayback(id: string, ip: string): Promise<Playback | RateLimited> {
  return unlessLimited(async () => {
    await limitPlaybackMinting(ip);
    return mintPlayback(id);
  });
}
