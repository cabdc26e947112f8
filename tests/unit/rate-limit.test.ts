import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { POST as createUpload } from "@/app/api/uploads/route";
import { consumePoint, createLimiter } from "@/lib/rate-limit";
import { credentialsReply, jsonReply, policyFor, stubFetch } from "./vdocipher/fetch-stub";
import { appRequest, sessionCookie } from "./auth/helpers";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("upload credentials limit (memory)", () => {
  beforeAll(() => {
    vi.stubEnv("UPLOAD_RATE_LIMIT_PER_HOUR", "");
  });

  it("answers the 61st request of a creator in an hour with 429 and Retry-After", async () => {
    const calls = stubFetch(() =>
      jsonReply(credentialsReply(policyFor("2026-12-03T18:00:00.000Z"))),
    );
    const cookie = await sessionCookie();
    const upload = () =>
      createUpload(
        appRequest("/api/uploads", { method: "POST", body: { title: "clip.mp4" }, cookie }),
        {
          params: Promise.resolve({}),
        },
      );
    for (let request = 1; request <= 60; request += 1) {
      expect((await upload()).status).toBe(201);
    }
    const limited = await upload();
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const body = await limited.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/60 uploads in the last hour.*Try again in 60 minutes/);
    expect(calls).toHaveLength(60);
  }, 30_000);
});

describe("consumePoint", () => {
  it("keeps keys apart and reports the seconds until the window frees up", async () => {
    const limiter = createLimiter({ keyPrefix: "t", points: 2, durationSeconds: 90 });
    expect(limiter).toBeInstanceOf(RateLimiterMemory);
    const message = (wait: string) => `wait ${wait}`;
    await consumePoint(limiter, "a", message);
    await consumePoint(limiter, "a", message);
    await consumePoint(limiter, "b", message);
    const error = await consumePoint(limiter, "a", message).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "rate_limited", message: "wait 2 minutes" });
    const response = (error as { toResponse(): Response }).toResponse();
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(85);
  });
});
