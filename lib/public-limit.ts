import "server-only";
import { env } from "@/lib/env";
import { appLimiter, consumePoint } from "@/lib/rate-limit";

// Viewers need no account, so each of these answers costs an upstream call anyone can trigger; a
// per-address allowance keeps one client from spending the account's VdoCipher quota.

/** A fresh OTP (the playback route and each watch-page view). */
export async function limitPlaybackMinting(ip: string): Promise<void> {
  const perMinute = env().publicLimits.playbackPerMinute;
  await consumePoint(
    appLimiter("playback", perMinute, 60),
    ip,
    (wait) => `Too many videos started from your network. Try again in ${wait}.`,
  );
}

/** A video's status (polled by open watch pages and the studio, at most every 2 s per video). */
export async function limitStatusReads(ip: string): Promise<void> {
  const perMinute = env().publicLimits.statusPerMinute;
  await consumePoint(
    appLimiter("status", perMinute, 60),
    ip,
    (wait) => `Too many requests from your network. Try again in ${wait}.`,
  );
}
