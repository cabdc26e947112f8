import "server-only";
import { env, type Env } from "@/lib/env";

/** The key every client falls under when its address cannot be trusted. */
export const UNIDENTIFIED_CLIENT = "unidentified";

function addresses(header: string | null): string[] {
  return (header ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The client address abuse limits count under. Without a proxy in front, X-Forwarded-For and
 * X-Real-IP are whatever the client sent (Next only fills X-Forwarded-For in when it is absent), and
 * a route handler cannot see the socket; a forged header per request would dodge every per-IP limit.
 * So untrusted headers are ignored and all clients share one key: the per-IP limits then cap the
 * whole site (a flood from anyone slows everyone), which is the safe side of the trade-off. Behind a
 * proxy, set TRUST_PROXY=1; Vercel is recognised by itself.
 */
export function clientIp(headers: Headers, proxy: Env["proxy"] = env().proxy): string {
  const forwarded = addresses(headers.get("x-forwarded-for"));
  const realIp = headers.get("x-real-ip")?.trim() || undefined;
  switch (proxy) {
    // Vercel's edge overwrites X-Forwarded-For with the address that connected to it.
    case "vercel":
      return forwarded[0] ?? realIp ?? UNIDENTIFIED_CLIENT;
    // One proxy of the operator's sets or appends to the header: its last entry is the address that
    // proxy saw; anything before it may have come from the client.
    case "trusted":
      return forwarded.at(-1) ?? realIp ?? UNIDENTIFIED_CLIENT;
    case "none":
      return UNIDENTIFIED_CLIENT;
  }
}
