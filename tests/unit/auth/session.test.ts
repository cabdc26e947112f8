import { describe, expect, it } from "vitest";
import {
  SESSION_MAX_AGE_SECONDS,
  openSession,
  readCookie,
  requireCreator,
  sealSession,
} from "@/lib/auth/session";
import { ApiError } from "@/lib/errors";
import { APP, appRequest, sessionCookie } from "./helpers";

const EMAIL = "creator@cipherdrop.local";

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("session tokens", () => {
  it("round-trip a creator with a 7-day expiry, and are encrypted", async () => {
    const before = Date.now();
    const token = await sealSession(EMAIL);
    expect(token.split(".")).toHaveLength(5);
    expect(Buffer.from(token, "latin1").toString()).not.toContain(EMAIL);
    const session = await openSession(token);
    expect(session?.email).toBe(EMAIL);
    const lifetime = session!.expiresAt.getTime() - before;
    expect(Math.abs(lifetime - SESSION_MAX_AGE_SECONDS * 1000)).toBeLessThan(5_000);
  });

  it("are new on every sealing", async () => {
    expect(await sealSession(EMAIL)).not.toBe(await sealSession(EMAIL));
  });

  it("refuse a tampered token", async () => {
    const token = await sealSession(EMAIL);
    const parts = token.split(".");
    const ciphertext = parts[3]!;
    const flipped = (ciphertext[0] === "A" ? "B" : "A") + ciphertext.slice(1);
    expect(await openSession([...parts.slice(0, 3), flipped, parts[4]].join("."))).toBeNull();
    expect(await openSession(token.slice(0, -2))).toBeNull();
    expect(await openSession("not.a.token")).toBeNull();
    expect(await openSession(undefined)).toBeNull();
  });

  it("refuse an expired token", async () => {
    const eightDaysAgo = Date.now() - 8 * 24 * 3600 * 1000;
    expect(await openSession(await sealSession(EMAIL, eightDaysAgo))).toBeNull();
    const sixDaysAgo = Date.now() - 6 * 24 * 3600 * 1000;
    expect(await openSession(await sealSession(EMAIL, sixDaysAgo))).not.toBeNull();
  });

  it("refuse a creator who is no longer configured", async () => {
    expect(await openSession(await sealSession("gone@example.com"))).toBeNull();
  });
});

describe("requireCreator", () => {
  it("answers unauthenticated without a cookie, with a bad one, and with an expired one", async () => {
    const expired = await sessionCookie(EMAIL, Date.now() - 8 * 24 * 3600 * 1000);
    for (const cookie of [undefined, "cipherdrop_session=garbage", expired]) {
      const error = await rejection(requireCreator(appRequest("/api/videos", { cookie })));
      expect(error.code).toBe("unauthenticated");
      expect(error.toResponse().status).toBe(401);
    }
  });

  it("returns the session for a signed-in creator", async () => {
    const request = appRequest("/api/videos", { cookie: `a=1; ${await sessionCookie()}; b=2` });
    expect((await requireCreator(request)).email).toBe(EMAIL);
  });

  it("refuses a cross-site write even with a valid session (403 before 401)", async () => {
    const cookie = await sessionCookie();
    for (const method of ["POST", "PATCH", "DELETE"]) {
      const request = appRequest("/api/uploads", {
        method,
        cookie,
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      });
      expect((await rejection(requireCreator(request))).code).toBe("forbidden");
    }
    const anonymous = appRequest("/api/uploads", {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect((await rejection(requireCreator(anonymous))).status).toBe(403);
  });

  it("reads exactly the named cookie", () => {
    const request = new Request(APP, {
      headers: { cookie: "x_cipherdrop_session=1; cipherdrop_session=t=v" },
    });
    expect(readCookie(request, "cipherdrop_session")).toBe("t=v");
    expect(readCookie(request, "missing")).toBeUndefined();
  });
});
