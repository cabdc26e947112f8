import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as play } from "@/app/api/videos/[id]/playback/route";
import { GET as status } from "@/app/api/videos/[id]/route";
import { parseEnv } from "@/lib/env";
import { jsonReply, rawVideo, stubFetch } from "../vdocipher/fetch-stub";

vi.stubEnv("TRUST_PROXY", "1");
vi.stubEnv("PLAYBACK_RATE_LIMIT_PER_MINUTE", "5");
vi.stubEnv("STATUS_RATE_LIMIT_PER_MINUTE", "20");

afterEach(() => {
  vi.unstubAllGlobals();
});

type Handler = (
  request: Request,
  context: { params: Promise<{ id: string }> },
) => Promise<Response>;

function call(handler: Handler, method: string, id: string, ip: string) {
  const request = new Request(`http://127.0.0.1:3310/api/videos/${id}`, {
    method,
    headers: { "x-forwarded-for": ip },
  });
  return handler(request, { params: Promise.resolve({ id }) });
}

const randomId = () => crypto.randomUUID().replaceAll("-", "");

describe("public routes, per client address", () => {
  it("mints at most PLAYBACK_RATE_LIMIT_PER_MINUTE OTPs, then answers 429 with Retry-After", async () => {
    const id = randomId();
    const calls = stubFetch((upstream) =>
      upstream.method === "GET"
        ? jsonReply(rawVideo({ id }))
        : jsonReply({ otp: "o".repeat(32), playbackInfo: "info" }),
    );
    for (let minted = 0; minted < 5; minted += 1) {
      expect((await call(play, "POST", id, "198.51.100.1")).status).toBe(200);
    }
    const limited = await call(play, "POST", id, "198.51.100.1");
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect(calls.filter((upstream) => upstream.method === "POST")).toHaveLength(5);

    expect((await call(play, "POST", id, "198.51.100.2")).status).toBe(200);
  });

  it("reads at most STATUS_RATE_LIMIT_PER_MINUTE statuses of made-up ids, each 404 once", async () => {
    const calls = stubFetch(() => jsonReply({ message: "Video not found" }, 404));
    const ids = Array.from({ length: 20 }, randomId);
    for (const id of ids) {
      expect((await call(status, "GET", id, "198.51.100.3")).status).toBe(404);
    }
    expect(calls).toHaveLength(20);
    const limited = await call(status, "GET", randomId(), "198.51.100.3");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(calls).toHaveLength(20);

    // Another address asking for the same made-up ids is answered from the 404 cache.
    for (const id of ids) {
      expect((await call(status, "GET", id, "198.51.100.4")).status).toBe(404);
    }
    expect(calls).toHaveLength(20);
  });

  it("defaults to 30 OTPs and 300 status reads a minute", () => {
    expect(parseEnv({}).publicLimits).toEqual({ playbackPerMinute: 30, statusPerMinute: 300 });
  });
});
