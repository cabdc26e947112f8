import { afterEach, describe, expect, it, vi } from "vitest";
import { createOtp } from "@/lib/vdocipher";
import { API, VIDEO_ID, jsonReply, stubFetch } from "./fetch-stub";

afterEach(() => {
  vi.unstubAllGlobals();
});

const OTP = "20160313versASE323aB7c2fe9c1ca8f4a3d7e0b5c6d1e2f3a4b5c6d7e8f9a0b1";
const PLAYBACK_INFO = Buffer.from(JSON.stringify({ videoId: VIDEO_ID })).toString("base64");

describe("createOtp", () => {
  it("POSTs ttl, a JSON-string annotate, whitelisthref and userId", async () => {
    const calls = stubFetch(() => jsonReply({ otp: OTP, playbackInfo: PLAYBACK_INFO }));
    const annotate = [{ type: "rtext", text: "Ada", alpha: "0.60", size: "15", interval: 5000 }];
    await expect(
      createOtp(VIDEO_ID, {
        ttlSeconds: 300,
        annotate,
        whitelisthref: "cipherdrop.test",
        userId: "viewer_1",
      }),
    ).resolves.toStrictEqual({ otp: OTP, playbackInfo: PLAYBACK_INFO });
    const [call] = calls;
    expect(call?.method).toBe("POST");
    expect(call?.url.href).toBe(`${API}/videos/${VIDEO_ID}/otp`);
    expect(call?.headers.get("authorization")).toBe("Apisecret sandbox-secret");
    const body = JSON.parse(call?.body ?? "") as Record<string, unknown>;
    expect(body).toStrictEqual({
      ttl: 300,
      annotate: JSON.stringify(annotate),
      whitelisthref: "cipherdrop.test",
      userId: "viewer_1",
    });
    expect(typeof body.annotate).toBe("string");
  });

  it("sends an empty JSON object when no option is set", async () => {
    const calls = stubFetch(() => jsonReply({ otp: OTP, playbackInfo: PLAYBACK_INFO }));
    await createOtp(VIDEO_ID);
    expect(calls[0]?.body).toBe("{}");
  });

  it("ignores extra keys in the reply and rejects a reply without an otp", async () => {
    stubFetch(() => jsonReply({ otp: OTP, playbackInfo: PLAYBACK_INFO, extra: 1 }));
    await expect(createOtp(VIDEO_ID)).resolves.toStrictEqual({
      otp: OTP,
      playbackInfo: PLAYBACK_INFO,
    });
    stubFetch(() => jsonReply({ playbackInfo: PLAYBACK_INFO }));
    await expect(createOtp(VIDEO_ID)).rejects.toMatchObject({ code: "upstream_error" });
  });
});
