import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import {
  REQUEST_PATH_HEADER,
  contentSecurityPolicy,
  securityHeaders,
} from "@/lib/security-headers";

const context = { nonce: "bm9uY2U=", pathname: "/", https: false };

function directives(policy: string) {
  return Object.fromEntries(
    policy.split("; ").map((directive) => {
      const [name, ...sources] = directive.split(" ");
      return [name!, sources];
    }),
  );
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("Content-Security-Policy", () => {
  it("on the sandbox allows only the sandbox for frames, uploads and posters", () => {
    const csp = directives(contentSecurityPolicy(parseEnv({ SANDBOX_PORT: "4310" }), context));
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["frame-src"]).toEqual(["http://127.0.0.1:4310"]);
    expect(csp["connect-src"]).toEqual(["'self'", "http://127.0.0.1:4310"]);
    expect(csp["img-src"]).toEqual(["'self'", "data:", "blob:", "http://127.0.0.1:4310"]);
    expect(csp["script-src"]).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("on VdoCipher allows the player, the S3 buckets, the CDN and configured extras", () => {
    const env = parseEnv({
      VDOCIPHER_API_SECRET: "s",
      CSP_CONNECT_ORIGINS: "https://*.s3.ap-south-1.amazonaws.com",
      CSP_IMG_ORIGINS: "https://d1.cloudfront.net, https://img.example.com",
    });
    const csp = directives(contentSecurityPolicy(env, { ...context, https: true }));
    expect(csp["frame-src"]).toEqual(["https://player.vdocipher.com"]);
    expect(csp["connect-src"]).toEqual([
      "'self'",
      "https://*.s3.amazonaws.com",
      "https://*.s3-accelerate.amazonaws.com",
      "https://*.s3.ap-south-1.amazonaws.com",
    ]);
    expect(csp["img-src"]).toEqual([
      "'self'",
      "data:",
      "blob:",
      "https://*.vdocipher.com",
      "https://d1.cloudfront.net",
      "https://img.example.com",
    ]);
    expect(csp["upgrade-insecure-requests"]).toEqual([]);
  });

  it("refuses extra origins that would inject directives", () => {
    expect(() => parseEnv({ CSP_IMG_ORIGINS: "https://a.test; script-src *" })).toThrow(
      /CSP origin/,
    );
    expect(() => parseEnv({ CSP_CONNECT_ORIGINS: "*" })).toThrow(/CSP origin/);
  });

  it("has no unsafe-eval outside development", () => {
    for (const mode of ["production", "test"]) {
      vi.stubEnv("NODE_ENV", mode);
      expect(contentSecurityPolicy(parseEnv({}), context)).not.toContain("unsafe-eval");
    }
    vi.stubEnv("NODE_ENV", "development");
    expect(contentSecurityPolicy(parseEnv({}), context)).toContain("'unsafe-eval'");
  });

  it("lets share links be embedded by https sites, never the studio", () => {
    const env = parseEnv({});
    const watch = securityHeaders(env, { ...context, pathname: "/watch/abc" });
    expect(directives(watch["Content-Security-Policy"]!)["frame-ancestors"]).toEqual([
      "'self'",
      "https:",
    ]);
    expect(watch["X-Frame-Options"]).toBeUndefined();
    const studio = securityHeaders(env, context);
    expect(studio["X-Frame-Options"]).toBe("DENY");
  });
});

describe("security headers", () => {
  it("are the fixed set, with HSTS in production only", () => {
    const dev = securityHeaders(parseEnv({}), context);
    expect(dev).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": expect.stringContaining("camera=()"),
    });
    expect(dev["Strict-Transport-Security"]).toBeUndefined();
    const production = securityHeaders(
      parseEnv({ NODE_ENV: "production", CIPHERDROP_SANDBOX: "1" }),
      context,
    );
    expect(production["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
  });

  it("are set by the proxy with a fresh nonce it also hands to Next.js", async () => {
    const { proxy } = await import("@/proxy");
    const request = new NextRequest("http://127.0.0.1:3310/watch/x?t=1");
    const first = proxy(request);
    const second = proxy(request);
    const csp = first.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]{20,}' 'strict-dynamic'/);
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    // NextResponse.next passes overridden request headers to the app in this header list.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get(`x-middleware-request-${REQUEST_PATH_HEADER}`)).toBe("/watch/x?t=1");
    const navigation = proxy(new NextRequest("http://127.0.0.1:3310/?q=a&_rsc=1x2y"));
    expect(navigation.headers.get(`x-middleware-request-${REQUEST_PATH_HEADER}`)).toBe("/?q=a");
  });
});
