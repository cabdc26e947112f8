import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openAsBlob } from "node:fs";
import { POST as createUpload } from "@/app/api/uploads/route";
import { GET as listVideos } from "@/app/api/videos/route";
import { DELETE, GET as getVideo, PATCH } from "@/app/api/videos/[id]/route";
import { POST as playback } from "@/app/api/videos/[id]/playback/route";
import type { Playback, UploadTicket, Video, VideoList } from "@/lib/schemas";
import { fixture, spawnSandbox, type SandboxHandle } from "../helpers/sandbox";
import { callRoute } from "../unit/routes/route-call";

// Our route handlers, in process, against a real sandbox over HTTP: the whole server side of an upload.

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await spawnSandbox();
  // Read by env() on its first call in this file, which comes after this point.
  vi.stubEnv("CIPHERDROP_SANDBOX", "1");
  vi.stubEnv("VDOCIPHER_API_BASE_URL", sandbox.apiUrl);
  vi.stubEnv("VDOCIPHER_PLAYER_URL", `${sandbox.url}/player/v2/`);
  vi.stubEnv("SANDBOX_API_SECRET", sandbox.secret);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await sandbox?.stop();
});

async function statusOf(id: string): Promise<Video> {
  const { response, body } = await callRoute(getVideo, { params: { id } });
  expect(response.status).toBe(200);
  return body as unknown as Video;
}

/** The form a correct browser sends: the ticket's fields as issued, the two success fields, file last. */
async function sendFile(ticket: UploadTicket, file: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append("success_action_status", "201");
  form.append("success_action_redirect", "");
  form.append("file", await openAsBlob(fixture(file), { type: "video/mp4" }), file);
  return fetch(ticket.uploadLink, { method: "POST", body: form });
}

async function newTicket(title: string): Promise<UploadTicket> {
  const { response, body } = await callRoute(createUpload, {
    method: "POST",
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(201);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return body as unknown as UploadTicket;
}

describe("the server side of an upload, against the sandbox", () => {
  it("credentials → storage 201 → queued/processing → ready → an OTP the player accepts", async () => {
    const ticket = await newTicket("Contract flow ✓ + café");
    expect(Date.parse(ticket.expiresAt)).toBeGreaterThan(Date.now());
    expect(ticket.fields).not.toHaveProperty("uploadLink");
    expect((await statusOf(ticket.videoId)).status).toBe("awaiting-upload");

    const stored = await sendFile(ticket, "sample.mp4");
    expect(stored.status).toBe(201);
    expect(await stored.text()).toContain("<PostResponse>");

    // Polled past the 1 s reuse window of the status cache.
    const seen = new Set<string>();
    const deadline = Date.now() + 45_000;
    let video = await statusOf(ticket.videoId);
    while (video.status !== "ready" && Date.now() < deadline) {
      seen.add(video.status);
      expect(["queued", "processing"]).toContain(video.status);
      await new Promise((resolve) => setTimeout(resolve, 250));
      video = await statusOf(ticket.videoId);
    }
    expect(video).toMatchObject({
      id: ticket.videoId,
      status: "ready",
      title: "Contract flow ✓ + café",
    });
    expect(seen.size).toBeGreaterThan(0);
    expect(video.durationSeconds).toBeGreaterThan(0);
    expect(video.uploadedAt).not.toBeNull();

    const minted = await callRoute(playback, { method: "POST", params: { id: ticket.videoId } });
    expect(minted.response.status).toBe(200);
    const { otp, playbackInfo, playerUrl } = minted.body as unknown as Playback;
    expect(otp).toHaveLength(64);
    expect(JSON.parse(Buffer.from(playbackInfo, "base64").toString())).toMatchObject({
      videoId: ticket.videoId,
    });
    const player = await fetch(playerUrl);
    const html = await player.text();
    expect(player.status).toBe(200);
    expect(html).toContain(`data-video-id="${ticket.videoId}"`);
    expect(html).not.toContain("player-error");

    // The same page refuses a token that is not this video's.
    const forged = await fetch(playerUrl.replace(encodeURIComponent(otp), "f".repeat(64)));
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("player-error");
  });

  it("refuses playback while the video awaits its file", async () => {
    const ticket = await newTicket("Not yet");
    const { response } = await callRoute(playback, {
      method: "POST",
      params: { id: ticket.videoId },
    });
    expect(response.status).toBe(409);
  });

  it("lists, renames and deletes through the routes", async () => {
    const ticket = await newTicket(`library-${Date.now()}`);
    const listed = await callRoute(listVideos, { path: `/api/videos?q=${ticket.videoId}&limit=5` });
    expect(listed.response.status).toBe(200);
    const list = listed.body as unknown as VideoList;
    expect(list.videos.map((video) => video.id)).toContain(ticket.videoId);

    const renamed = await callRoute(PATCH, {
      method: "PATCH",
      params: { id: ticket.videoId },
      body: JSON.stringify({ title: "  Renamed 🎬  " }),
    });
    expect(renamed.response.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: ticket.videoId, title: "Renamed 🎬" });
    expect((await statusOf(ticket.videoId)).title).toBe("Renamed 🎬");

    const deleted = await callRoute(DELETE, { method: "DELETE", params: { id: ticket.videoId } });
    expect(deleted.response.status).toBe(204);
    const gone = await callRoute(getVideo, { params: { id: ticket.videoId } });
    expect(gone.response.status).toBe(404);
  });

  it("serves 100 concurrent status reads with one upstream call", async () => {
    const ticket = await newTicket("coalesced");
    const before = (await sandbox.stats())["GET /api/videos/:id"] ?? 0;
    const reads = await Promise.all(
      Array.from({ length: 100 }, () => callRoute(getVideo, { params: { id: ticket.videoId } })),
    );
    expect(reads.every(({ response }) => response.status === 200)).toBe(true);
    expect((await sandbox.stats())["GET /api/videos/:id"]).toBe(before + 1);
  });
});
