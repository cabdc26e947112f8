import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/videos/[id]/playback/route";
import { jsonReply, rawVideo, stubFetch } from "../vdocipher/fetch-stub";
import { callRoute, errorCode } from "./route-call";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const OTP = "a".repeat(64);
const idFor = (n: number) => n.toString(16).padStart(32, "0");
const play = (id: string) => callRoute(POST, { method: "POST", params: { id } });

describe("POST /api/videos/[id]/playback", () => {
  it("answers a fresh OTP and player URL for a ready video, uncached", async () => {
    const id = idFor(1);
    const playbackInfo = Buffer.from(JSON.stringify({ videoId: id })).toString("base64");
    let minted = 0;
    stubFetch((call) => {
      if (call.method === "GET") return jsonReply(rawVideo({ id }));
      minted += 1;
      return jsonReply({ otp: OTP.slice(1) + minted, playbackInfo });
    });
    const first = await play(id);
    const second = await play(id);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get("cache-control")).toBe("no-store");
    expect(first.body).toMatchObject({ otp: OTP.slice(1) + "1", playbackInfo });
    expect(second.body?.otp).toBe(OTP.slice(1) + "2");
    const url = new URL(String(first.body?.playerUrl));
    expect(url.origin + url.pathname).toBe("http://127.0.0.1:4100/player/v2/");
    expect(url.searchParams.get("playbackInfo")).toBe(playbackInfo);
    expect(Date.parse(String(first.body?.expiresAt)) - Date.now()).toBeGreaterThan(290_000);
  });

  it("answers 409 not_ready for a video still processing", async () => {
    const id = idFor(2);
    stubFetch(() => jsonReply(rawVideo({ id, status: "Queued" })));
    const { response, body } = await play(id);
    expect(response.status).toBe(409);
    expect(errorCode(body)).toBe("not_ready");
  });

  it("answers 404 for an unknown video and 422 for a bad id", async () => {
    stubFetch(() => jsonReply({ message: "nope" }, 404));
    expect((await play(idFor(3))).response.status).toBe(404);
    expect((await play("zz")).response.status).toBe(422);
  });

  it("answers 502 when the OTP call fails", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const id = idFor(4);
    stubFetch((call) =>
      call.method === "GET" ? jsonReply(rawVideo({ id })) : jsonReply({ message: "x" }, 500),
    );
    const { response, body } = await play(id);
    expect(response.status).toBe(502);
    expect(errorCode(body)).toBe("upstream_error");
  });
});
