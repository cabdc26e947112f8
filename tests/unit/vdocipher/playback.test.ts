import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/errors";
import { mintPlayback } from "@/lib/playback";
import { VIDEO_ID, jsonReply, rawVideo, stubFetch } from "./fetch-stub";

const OTP = "20160313versASE323+/=otp&x";
const PLAYBACK_INFO = "eyJ2aWRlb0lkIjoiYWJjIn0+/==";

beforeAll(() => {
  vi.stubEnv("OTP_TTL_SECONDS", "120");
  vi.stubEnv("OTP_WATERMARK_TEXT", "Cipherdrop preview");
  vi.stubEnv("OTP_WHITELISTHREF", "cipherdrop.test");
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("mintPlayback", () => {
  it("mints an OTP with the configured ttl, watermark and host rule, and builds the player URL", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-03T17:00:00.000Z"), toFake: ["Date"] });
    const calls = stubFetch((call) =>
      call.method === "GET"
        ? jsonReply(rawVideo())
        : jsonReply({ otp: OTP, playbackInfo: PLAYBACK_INFO }),
    );
    const playback = await mintPlayback(VIDEO_ID);
    expect(playback).toStrictEqual({
      otp: OTP,
      playbackInfo: PLAYBACK_INFO,
      playerUrl: `http://127.0.0.1:4100/player/v2/?otp=${encodeURIComponent(OTP)}&playbackInfo=${encodeURIComponent(PLAYBACK_INFO)}`,
      expiresAt: "2026-12-03T17:02:00.000Z",
    });
    const url = new URL(playback.playerUrl);
    expect(url.searchParams.get("otp")).toBe(OTP);
    expect(url.searchParams.get("playbackInfo")).toBe(PLAYBACK_INFO);

    const otpCall = calls.find((call) => call.method === "POST");
    const body = JSON.parse(otpCall?.body ?? "") as {
      ttl: number;
      annotate: string;
      whitelisthref: string;
    };
    expect(body.ttl).toBe(120);
    expect(body.whitelisthref).toBe("cipherdrop.test");
    expect(JSON.parse(body.annotate)).toStrictEqual([
      expect.objectContaining({ type: "rtext", text: "Cipherdrop preview" }),
    ]);
  });

  it.each(["PRE-Upload", "Queued", "Processing", "Error"])(
    "refuses a video whose status is %s with not_ready, without minting",
    async (status) => {
      const id = Buffer.from(status).toString("hex").padEnd(32, "0");
      const calls = stubFetch(() => jsonReply(rawVideo({ id, status })));
      const error = await mintPlayback(id).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe("not_ready");
      expect(calls.every((call) => call.method === "GET")).toBe(true);
    },
  );
});
