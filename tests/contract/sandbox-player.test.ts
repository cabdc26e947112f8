import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxHandle } from "../helpers/sandbox";
import { fixture, spawnSandbox } from "../helpers/sandbox";

type Otp = { otp: string; playbackInfo: string };

describe("sandbox player and media", () => {
  let sandbox: SandboxHandle;
  let readyId: string;
  beforeAll(async () => {
    sandbox = await spawnSandbox();
    const { clientPayload, videoId } = await sandbox.createUpload("playable");
    await sandbox.uploadFile(clientPayload, fixture("sample.mp4"));
    readyId = (await sandbox.waitForStatus(videoId, ["ready"])).id;
  });
  afterAll(() => sandbox.stop());

  const mintOtp = async (id: string, body: object = {}) =>
    (await (await sandbox.api(`/videos/${id}/otp`, { method: "POST", json: body })).json()) as Otp;
  const player = (query: string) => fetch(`${sandbox.url}/player/v2/?${query}`);
  const playerFor = ({ otp, playbackInfo }: Otp) =>
    player(`otp=${encodeURIComponent(otp)}&playbackInfo=${encodeURIComponent(playbackInfo)}`);
  const mediaSrc = (html: string) =>
    /<video[^>]* src="([^"]+)"/.exec(html)?.[1]?.replace(/&#38;/g, "&");

  it("plays a ready video with a valid OTP: an embeddable page with a <video> served from /media", async () => {
    const response = await playerFor(await mintOtp(readyId, { ttl: 300 }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("x-frame-options")).toBeNull();
    const html = await response.text();
    expect(html).toContain('data-testid="sandbox-player"');
    const src = mediaSrc(html);
    expect(src).toMatch(new RegExp(`^/media/${readyId}/video\\.mp4\\?`));
    const media = await fetch(`${sandbox.url}${src}`);
    expect(media.status).toBe(200);
    expect(media.headers.get("content-type")).toBe("video/mp4");
    expect(media.headers.get("accept-ranges")).toBe("bytes");
    const bytes = new Uint8Array(await media.arrayBuffer());
    expect(Buffer.from(bytes.subarray(4, 8)).toString()).toBe("ftyp");
  });

  it("serves byte ranges: 206 with Content-Range, suffix ranges, 416 when unsatisfiable", async () => {
    const src = mediaSrc(await (await playerFor(await mintOtp(readyId))).text());
    const url = `${sandbox.url}${src}`;
    const full = (await (await fetch(url)).arrayBuffer()).byteLength;
    const first = await fetch(url, { headers: { Range: "bytes=0-99" } });
    expect(first.status).toBe(206);
    expect(first.headers.get("content-range")).toBe(`bytes 0-99/${full}`);
    expect((await first.arrayBuffer()).byteLength).toBe(100);
    const tail = await fetch(url, { headers: { Range: "bytes=-10" } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get("content-range")).toBe(`bytes ${full - 10}-${full - 1}/${full}`);
    const open = await fetch(url, { headers: { Range: `bytes=${full - 5}-` } });
    expect((await open.arrayBuffer()).byteLength).toBe(5);
    const beyond = await fetch(url, { headers: { Range: `bytes=${full}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${full}`);
  });

  it("follows RFC 9110 for odd Range headers: ignores invalid ones and other units, several ranges get the full body", async () => {
    const src = mediaSrc(await (await playerFor(await mintOtp(readyId))).text());
    const url = `${sandbox.url}${src}`;
    const full = (await (await fetch(url)).arrayBuffer()).byteLength;
    const cases: [string, number, string | null, number][] = [
      // header, status, Content-Range, body length
      ["bytes=5-3", 200, null, full],
      ["bytes=abc", 200, null, full],
      ["bytes=", 200, null, full],
      ["bytes=--5", 200, null, full],
      ["items=0-5", 200, null, full],
      ["0-5", 200, null, full],
      ["bytes=0-0,5-10", 200, null, full],
      ["bytes=0-0, 0-", 200, null, full],
      ["BYTES=0-5", 206, `bytes 0-5/${full}`, 6],
      ["Bytes=2-3", 206, `bytes 2-3/${full}`, 2],
      ["bytes= 0-4 ,", 206, `bytes 0-4/${full}`, 5],
      ["bytes=0-", 206, `bytes 0-${full - 1}/${full}`, full],
      [`bytes=10-${full + 100}`, 206, `bytes 10-${full - 1}/${full}`, full - 10],
      [`bytes=-${full + 100}`, 206, `bytes 0-${full - 1}/${full}`, full],
      ["bytes=-0", 416, `bytes */${full}`, -1],
      [`bytes=${full}-${full + 10}`, 416, `bytes */${full}`, -1],
      [`bytes=${full}-,${full + 5}-`, 416, `bytes */${full}`, -1],
    ];
    for (const [range, status, contentRange, length] of cases) {
      const response = await fetch(url, { headers: { Range: range } });
      const body = await response.arrayBuffer();
      expect.soft(response.status, range).toBe(status);
      expect.soft(response.headers.get("content-range"), range).toBe(contentRange);
      if (length >= 0) expect.soft(body.byteLength, range).toBe(length);
    }
    const head = await fetch(url, { method: "HEAD", headers: { Range: "bytes=0-9" } });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(full));
  });

  it("honours a range only when If-Range names the current representation", async () => {
    const src = mediaSrc(await (await playerFor(await mintOtp(readyId))).text());
    const url = `${sandbox.url}${src}`;
    const first = await fetch(url);
    const full = (await first.arrayBuffer()).byteLength;
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const earlier = new Date(Date.parse(lastModified) - 86_400_000).toUTCString();
    const cases: [string, number][] = [
      [etag, 206],
      [lastModified, 206],
      ['"some-other-tag"', 200],
      [`W/${etag}`, 200],
      [earlier, 200],
      ["not a validator", 200],
    ];
    for (const [ifRange, status] of cases) {
      const response = await fetch(url, { headers: { Range: "bytes=0-9", "If-Range": ifRange } });
      const body = await response.arrayBuffer();
      expect.soft(response.status, ifRange).toBe(status);
      expect.soft(body.byteLength, ifRange).toBe(status === 206 ? 10 : full);
    }
  });

  it("refuses media without a valid token", async () => {
    const src = mediaSrc(await (await playerFor(await mintOtp(readyId))).text())!;
    expect((await fetch(`${sandbox.url}/media/${readyId}/video.mp4`)).status).toBe(403);
    const tampered = src.replace(
      /token=([0-9a-f])/,
      (_m, c: string) => `token=${c === "0" ? "1" : "0"}`,
    );
    expect((await fetch(`${sandbox.url}${tampered}`)).status).toBe(403);
  });

  it("shows the 'authentication token missing' error for a missing or 'undefined' token, and plays nothing", async () => {
    for (const query of ["", "otp=&playbackInfo=", "otp=undefined&playbackInfo=undefined"]) {
      const response = await player(query);
      const html = await response.text();
      expect.soft(response.status).toBe(400);
      expect.soft(html).toContain('data-error-code="60072017"');
      expect.soft(html).not.toContain("<video");
    }
  });

  it("refuses an unknown OTP, an OTP used with another video's playbackInfo, and garbage playbackInfo", async () => {
    const other = await sandbox.createUpload("other");
    const good = await mintOtp(readyId);
    const otherOtp = await mintOtp(other.videoId);
    const cases: Otp[] = [
      { otp: "x".repeat(64), playbackInfo: good.playbackInfo },
      { otp: otherOtp.otp, playbackInfo: good.playbackInfo },
      { otp: good.otp, playbackInfo: "not-base64-json" },
    ];
    for (const otp of cases) {
      const response = await playerFor(otp);
      const html = await response.text();
      expect.soft(response.status).toBe(403);
      expect.soft(html).toContain('data-testid="player-error"');
      expect.soft(html).not.toContain("<video");
    }
  });

  it("refuses an expired OTP", async () => {
    const otp = await mintOtp(readyId, { ttl: 1 });
    await sleep(1100);
    const response = await playerFor(otp);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("OTP has expired");
  });

  it("plays nothing for a video that is not ready yet", async () => {
    const { videoId } = await sandbox.createUpload("pending");
    const response = await playerFor(await mintOtp(videoId));
    expect(response.status).toBe(409);
    expect(await response.text()).not.toContain("<video");
  });

  it("serves posters of ready videos only", async () => {
    const video = await sandbox.getVideo(readyId);
    expect((await fetch(video.posters[0]!.posterUrl)).status).toBe(200);
    const { videoId } = await sandbox.createUpload("no poster");
    expect((await fetch(`${sandbox.url}/posters/${videoId}/320x180.jpeg`)).status).toBe(404);
  });
});
