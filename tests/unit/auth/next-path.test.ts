import { describe, expect, it } from "vitest";
import { safeNextPath, signInPath } from "@/lib/auth/next-path";

const APP = "https://videos.example.com";

// Where a browser on the app would land after `location.assign(target)` or a `Location: target`.
function landing(target: string) {
  return new URL(target, `${APP}/sign-in`);
}

const OFFSITE = [
  "//evil.com",
  "///evil.com",
  "/\\evil.com",
  "\\\\evil.com",
  "/..//evil.com",
  "/..//evil.com/x?y=1#z",
  "/a/..//evil.com/x",
  "/a/b/../..//evil.com",
  "/./\\evil.com",
  "/.//evil.com",
  "/%2E%2E//evil.com",
  "/%2e%2e/%2Fevil.com/..//evil.com",
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r\n/evil.com",
  "/\t\\evil.com",
  " //evil.com",
  "https:evil.com",
  "https://evil.com",
  "http:/evil.com",
  "evil.com",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "/javascript:alert(1)/..//evil.com",
  "data:text/html,<script>alert(1)</script>",
];

describe("safeNextPath", () => {
  it.each(OFFSITE)("never leaves the site for %j", (payload) => {
    const target = safeNextPath(payload);
    expect(target).toBe("/");
    expect(landing(target).origin).toBe(APP);
  });

  // Encoded slashes and backslashes are path characters to a browser, so these stay on the site;
  // the point is that what comes back can never be read as another host.
  it.each([
    "/%2F%2Fevil.com",
    "/%2F..%2F%2Fevil.com",
    "/%5Cevil.com",
    "/%5C%5Cevil.com",
    "/%09/evil.com",
    "/foo\\bar",
  ])("keeps %j on the site", (payload) => {
    const target = safeNextPath(payload);
    expect(target).toMatch(/^\/(?![/\\])/);
    expect(landing(target).origin).toBe(APP);
    expect(landing(target).pathname).toBe(target.split(/[?#]/)[0]);
  });

  it("keeps a path on the site with its query and hash", () => {
    expect(safeNextPath("/?q=holiday")).toBe("/?q=holiday");
    expect(safeNextPath("/watch/abc?t=3#player")).toBe("/watch/abc?t=3#player");
    expect(safeNextPath("/a/../b")).toBe("/b");
  });

  it("falls back for nothing, the sign-in page itself, or a custom fallback", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath("")).toBe("/");
    expect(safeNextPath("/sign-in?next=/x")).toBe("/");
    expect(safeNextPath("//evil.com", "/studio")).toBe("/studio");
  });

  it("is stable: a returned path passes through again unchanged", () => {
    for (const payload of [...OFFSITE, "/%2F%2Fevil.com", "/a/../b?c=d#e"]) {
      const target = safeNextPath(payload);
      expect(safeNextPath(target)).toBe(target);
    }
  });
});

describe("signInPath", () => {
  it("carries a safe path and drops an offsite one", () => {
    expect(signInPath("/?q=holiday")).toBe("/sign-in?next=%2F%3Fq%3Dholiday");
    expect(signInPath("/a/..//evil.com/x")).toBe("/sign-in");
    expect(signInPath("/")).toBe("/sign-in");
  });

  it("round-trips through the query string to the same safe path", () => {
    for (const payload of ["/..//evil.com", "/%2F%2Fevil.com", "/watch/abc?t=1"]) {
      const next = new URL(signInPath(payload), APP).searchParams.get("next");
      expect(safeNextPath(next)).toBe(safeNextPath(payload));
    }
  });
});
