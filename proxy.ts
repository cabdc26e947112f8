import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { REQUEST_PATH_HEADER, securityHeaders } from "@/lib/security-headers";

// Security headers on every response, with a fresh CSP nonce per request: Next.js reads it from the
// request's Content-Security-Policy header and puts it on its own scripts.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const https = (forwardedProto ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const headers = securityHeaders(env(), { nonce, pathname: request.nextUrl.pathname, https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  // Client navigations carry Next's `_rsc` cache-buster, which is no part of where the creator was going.
  const search = new URLSearchParams(request.nextUrl.search);
  search.delete("_rsc");
  const query = search.size > 0 ? `?${search}` : "";
  requestHeaders.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${query}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
