import { afterEach, describe, expect, it, vi } from "vitest";
import { DELETE, POST } from "@/app/api/session/route";
import { GET as listVideos } from "@/app/api/videos/route";
import { isSessionRevoked, revokeSession } from "@/lib/auth/revocation";
import { SESSION_COOKIE, openSession } from "@/lib/auth/session";
import { jsonReply, stubFetch } from "../vdocipher/fetch-stub";
import { appRequest, sessionCookie } from "./helpers";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const signOut = (cookie: string) =>
  DELETE(appRequest("/api/session", { method: "DELETE", cookie }));
const library = (cookie: string) =>
  listVideos(appRequest("/api/videos", { cookie }), { params: Promise.resolve({}) });

describe("signing out", () => {
  it("revokes the session: a kept copy of the cookie is refused afterwards", async () => {
    stubFetch(() => jsonReply({ count: 0, rows: [] }));
    const signedIn = await POST(
      appRequest("/api/session", {
        method: "POST",
        body: { email: "creator@cipherdrop.local", password: "sandbox" },
      }),
    );
    const token = /cipherdrop_session=([^;]*)/.exec(signedIn.headers.get("set-cookie") ?? "")?.[1];
    const cookie = `${SESSION_COOKIE}=${token}`;
    expect((await library(cookie)).status).toBe(200);

    const out = await signOut(cookie);
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/cipherdrop_session=;.*Max-Age=0/);

    expect(await openSession(token)).toBeNull();
    const refused = await library(cookie);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthenticated");
  });

  it("revokes only that session, not the creator's others", async () => {
    const phone = await sessionCookie();
    const laptop = await sessionCookie();
    expect((await signOut(phone)).status).toBe(204);
    expect(await openSession(phone.slice(SESSION_COOKIE.length + 1))).toBeNull();
    expect((await openSession(laptop.slice(SESSION_COOKIE.length + 1)))?.email).toBe(
      "creator@cipherdrop.local",
    );
  });

  it("answers 204 without a session or with a forged cookie", async () => {
    expect((await signOut(`${SESSION_COOKIE}=garbage`)).status).toBe(204);
    expect((await DELETE(appRequest("/api/session", { method: "DELETE" }))).status).toBe(204);
  });
});

describe("the revocation list", () => {
  it("keeps an entry until the token's own expiry, and no longer", async () => {
    // The memory store forgets an entry from a timer, so timers run on the fake clock too.
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    const id = crypto.randomUUID();
    await revokeSession(id, new Date(Date.now() + 5_000));
    expect(await isSessionRevoked(id)).toBe(true);
    vi.advanceTimersByTime(4_900);
    expect(await isSessionRevoked(id)).toBe(true);
    vi.advanceTimersByTime(200);
    expect(await isSessionRevoked(id)).toBe(false);
  });

  it("stores nothing for a token already expired", async () => {
    const id = crypto.randomUUID();
    await revokeSession(id, new Date(Date.now() - 1_000));
    expect(await isSessionRevoked(id)).toBe(false);
  });
});
