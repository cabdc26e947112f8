import type { IncomingMessage, ServerResponse } from "node:http";

// Mirrors a bucket CORS rule for browser uploads: AllowedMethods POST (and GET/HEAD for reads),
// AllowedHeaders *, ExposeHeaders ETag/Location, for the configured origins only.
const ALLOWED_METHODS = ["GET", "HEAD", "POST"];

export function isAllowedOrigin(origin: string | undefined, allowed: string[]): origin is string {
  return origin !== undefined && allowed.includes(origin);
}

/** Adds the CORS headers of an actual (non-preflight) S3 response when the origin is allowed. */
export function applyBucketCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: string[],
): void {
  const origin = req.headers.origin;
  res.setHeader("Vary", "Origin");
  if (!isAllowedOrigin(origin, allowed)) return;
  res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS.join(", "));
  res.setHeader("Access-Control-Expose-Headers", "ETag, Location, x-amz-request-id");
}

/** Answers a preflight: no auth needed; 403 like S3 when the origin or method is not allowed. */
export function preflightAllowed(req: IncomingMessage, allowed: string[]): boolean {
  const method = req.headers["access-control-request-method"];
  return (
    isAllowedOrigin(req.headers.origin, allowed) &&
    typeof method === "string" &&
    ALLOWED_METHODS.includes(method)
  );
}

export function writePreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers["access-control-request-headers"];
  res.writeHead(200, {
    "Access-Control-Allow-Origin": req.headers.origin ?? "",
    "Access-Control-Allow-Methods": ALLOWED_METHODS.join(", "),
    ...(requested ? { "Access-Control-Allow-Headers": requested } : {}),
    "Access-Control-Expose-Headers": "ETag, Location, x-amz-request-id",
    "Access-Control-Max-Age": "3000",
    Vary: "Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
    "Content-Length": "0",
  });
  res.end();
}

/** Public assets (posters, media) are loaded by the app's pages and the player iframe. */
export function publicAssetHeaders(res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
  res.setHeader("Timing-Allow-Origin", "*");
}
