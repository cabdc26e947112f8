import type { Env } from "@/lib/env";

/** Set by proxy.ts on each request so layouts can send a signed-out creator back where they were going. */
export const REQUEST_PATH_HEADER = "x-cipherdrop-path";

type Context = { nonce: string; pathname: string; https: boolean };

// Share links may be embedded by any https site (the video is public and the page has no actions);
// everything else, the studio first, must never be framed (clickjacking).
function embeddable(pathname: string) {
  return pathname.startsWith("/watch/");
}

export function contentSecurityPolicy(config: Env, { nonce, pathname, https }: Context): string {
  const dev = process.env.NODE_ENV === "development";
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic' lets the nonced Next.js bootstrap load its chunks; React needs eval only in dev.
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...config.csp.imgSrc],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...config.csp.connectSrc],
    "frame-src": [new URL(config.playerUrl).origin],
    "media-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": embeddable(pathname) ? ["'self'", "https:"] : ["'none'"],
  };
  const policy = Object.entries(directives).map(
    ([name, sources]) => `${name} ${sources.join(" ")}`,
  );
  if (https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

export function securityHeaders(config: Env, context: Context): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(config, context),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (!embeddable(context.pathname)) headers["X-Frame-Options"] = "DENY";
  if (config.production)
    headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
