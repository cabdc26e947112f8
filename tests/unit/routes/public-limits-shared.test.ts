import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as play } from "@/app/api/videos/[id]/playback/route";
import { jsonReply, rawVideo, stubFetch } from "../vdocipher/fetch-stub";

// No trusted proxy: every viewer falls under one key, which gets a site-wide ceiling (50× the
// per-viewer allowance) rather than one viewer's share.
vi.stubEnv("TRUST_PROXY", "");
vi.stubEnv("VERCEL", "");
vi.stubEnv("PLAYBACK_RATE_LIMIT_PER_MINUTE", "2");

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("public routes without a trusted proxy", () => {
  it("let many viewers through on the shared key, then stop a flood", async () => {
    const id = crypto.randomUUID().replaceAll("-", "");
    stubFetch((upstream) =>
      upstream.method === "GET"
        ? jsonReply(rawVideo({ id }))
        : jsonReply({ otp: "o".repeat(32), playbackInfo: "info" }),
    );
    const mint = (n: number) =>
      play(
        new Request(`http://127.0.0.1:3310/api/videos/${id}/playback`, {
          method: "POST",
          headers: { "x-forwarded-for": `203.0.113.${n}` },
        }),
        { params: Promise.resolve({ id }) },
      );
    for (let viewer = 1; viewer <= 100; viewer += 1) {
      expect((await mint(viewer)).status).toBe(200);
    }
    expect((await mint(101)).status).toBe(429);
  });
});
