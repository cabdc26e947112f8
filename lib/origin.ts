import "server-only";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function firstValue(header: string | null) {
  return header?.split(",")[0]?.trim() || undefined;
}

/** The app's own origin: APP_ORIGIN when set, else what the client (or Vercel's edge) addressed. */
export function appOrigin(request: Request): string {
  const configured = env().appOrigin;
  if (configured) return configured;
  const url = new URL(request.url);
  const host =
    firstValue(request.headers.get("x-forwarded-host")) ?? request.headers.get("host") ?? url.host;
  const proto = firstValue(request.headers.get("x-forwarded-proto")) ?? url.protocol.slice(0, -1);
  return `${proto}://${host}`.toLowerCase();
}

export function isHttps(request: Request) {
  return appOrigin(request).startsWith("https:");
}

function sameOrigin(origin: string, request: Request) {
  try {
    return new URL(origin).origin === appOrigin(request);
  } catch {
    return false;
  }
}

/**
 * Cross-site request forgery guard for mutating methods. A browser always sends `Origin` on a
 * cross-origin POST/PATCH/DELETE, so a foreign or `null` Origin is refused; with no Origin, the Fetch
 * Metadata header tells a browser (refused unless same-origin) from a script or server (allowed: it
 * cannot ride a creator's cookie without having the cookie itself).
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const allowed =
    origin !== null ? sameOrigin(origin, request) : site === null || site === "same-origin";
  if (!allowed) {
    throw new ApiError("forbidden", "This request came from another site and was refused.");
  }
}
