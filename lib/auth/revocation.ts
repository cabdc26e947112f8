import "server-only";
import { appLimiter } from "@/lib/rate-limit";

// Sessions are stateless encrypted cookies, so signing out must also remember the session's id
// until the token would have expired anyway; otherwise a copied cookie stays valid for 7 days. The
// list lives in the rate limiters' store (Redis when REDIS_URL is set, else this instance's memory).
// While Redis is unreachable the store falls back to memory, where revocations made through Redis
// are unknown: those sessions work again until Redis is back.

// Entries are only ever set with their own lifetime; the limiter's window is never used.
const revoked = () => appLimiter("session-revoked", 1, 60);

/** Refuses the session `id` from now until `expiresAt`, when its token expires by itself. */
export async function revokeSession(id: string, expiresAt: Date, now = Date.now()) {
  const seconds = Math.ceil((expiresAt.getTime() - now) / 1000);
  // A duration of 0 would mean "forever" to the store; an expired token needs no entry.
  if (seconds <= 0) return;
  await revoked().set(id, 1, seconds);
}

export async function isSessionRevoked(id: string): Promise<boolean> {
  return (await revoked().get(id)) !== null;
}
