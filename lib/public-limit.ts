import "server-only";
import { UNIDENTIFIED_CLIENT } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { appLimiter, consumePoint } from "@/lib/rate-limit";

// Viewers need no account, so each of these answers costs an upstream call anyone can trigger; a
// per-address allowance keeps one client from spending the account's VdoCipher quota.

// Without a trusted proxy every viewer shares one key (see client-ip.ts). A per-viewer allowance
// would then cap the whole site at one viewer's share, so the shared key gets a site-wide ceiling
// instead: still a stop to a flood, never to ordinary traffic.
const SHARED_KEY_FACTOR = 50;

function allowance(name: string, perMinute: number, ip: string) {
  const shared = ip === UNIDENTIFIED_CLIENT;
  return appLimiter(
    shared ? `${name}-site` : name,
    shared ? perMinute * SHARED_KEY_FACTOR : perMinute,
    60,
  );
}

/** A fresh OTP (the playback route and each watch-page view). */
export async function limitPlaybackMinting(ip: string): Promise<void> {
  await consumePoint(
    allowance("playback", env().publicLimits.playbackPerMinute, ip),
    ip,
    (wait) => `Too many videos started from your network. Try again in ${wait}.`,
  );
}

/** A video's status (polled by open watch pages and the studio, at most every 2 s per video). */
export async function limitStatusReads(ip: string): Promise<void> {
  await consumePoint(
    allowance("status", env().publicLimits.statusPerMinute, ip),
    ip,
    (wait) => `Too many requests from your network. Try again in ${wait}.`,
  );
}
