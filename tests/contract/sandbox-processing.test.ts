import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxHandle } from "../helpers/sandbox";
import { fixture, signedForm, spawnSandbox } from "../helpers/sandbox";

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("sandbox processing", () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await spawnSandbox({ env: { SANDBOX_MIN_PROCESSING_MS: "400" } });
  });
  afterAll(() => sandbox.stop());

  async function uploadBytes(bytes: Buffer, name: string, type = "video/mp4") {
    const { clientPayload, videoId } = await sandbox.createUpload(name);
    const form = signedForm(clientPayload, new Blob([new Uint8Array(bytes)], { type }), name);
    const response = await fetch(clientPayload.uploadLink, { method: "POST", body: form });
    expect(response.status).toBe(201);
    return videoId;
  }

  it("takes a real H.264/AAC file through Queued → Processing → ready with length, poster and files", async () => {
    const id = await uploadBytes(await readFile(fixture("sample.mp4")), "sample.mp4");
    const seen = new Set<string>();
    let video = await sandbox.getVideo(id);
    expect(video.status).toBe("Queued");
    while (video.status !== "ready" && video.status !== "Error") {
      seen.add(video.status);
      await new Promise((resolve) => setTimeout(resolve, 40));
      video = await sandbox.getVideo(id);
    }
    expect([...seen]).toEqual(["Queued", "Processing"]);
    expect(video.status).toBe("ready");
    expect(video.length).toBe(3);
    expect(video.totalSizeBytes).toBe(36935);
    expect(video.posters).toHaveLength(1);
    const [poster] = video.posters;
    expect(poster).toMatchObject({ width: 320, height: 180 });
    const image = await fetch(poster!.posterUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    expect(image.headers.get("access-control-allow-origin")).toBe("*");
    expect(image.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect([...new Uint8Array(await image.arrayBuffer()).subarray(0, 2)]).toEqual([0xff, 0xd8]);
    const files = (await (await sandbox.api(`/videos/${id}/files/`)).json()) as {
      format: string;
    }[];
    expect(files.map((file) => file.format).sort()).toEqual(["jpeg", "mp4"]);
  });

  it("processes QuickTime and VP9/Opus WebM uploads too", async () => {
    const mov = await uploadBytes(
      await readFile(fixture("sample.mov")),
      "sample.mov",
      "video/quicktime",
    );
    const webm = await uploadBytes(
      await readFile(fixture("sample-c.webm")),
      "sample-c.webm",
      "video/webm",
    );
    expect(await sandbox.waitForStatus(mov, ["ready", "Error"])).toMatchObject({
      status: "ready",
      length: 2,
    });
    expect(await sandbox.waitForStatus(webm, ["ready", "Error"])).toMatchObject({
      status: "ready",
      length: 5,
    });
  });

  it("ends random bytes named .mp4 and a 23-byte text file in Error (storage accepted both)", async () => {
    const random = await uploadBytes(await readFile(fixture("random.mp4")), "random.mp4");
    const text = await uploadBytes(
      Buffer.from("this is not a video 123"),
      "filename",
      "text/plain",
    );
    expect((await sandbox.waitForStatus(random, ["ready", "Error"])).status).toBe("Error");
    const failed = await sandbox.waitForStatus(text, ["ready", "Error"]);
    expect(failed.status).toBe("Error");
    expect(failed.posters).toEqual([]);
  });

  it("ends a truncated real file in Error, not ready with a wrong length", async () => {
    const mp4 = await readFile(fixture("sample.mp4"));
    const webm = await readFile(fixture("sample-c.webm"));
    const cutMp4 = await uploadBytes(mp4.subarray(0, Math.floor(mp4.length * 0.6)), "cut.mp4");
    const cutWebm = await uploadBytes(
      webm.subarray(0, Math.floor(webm.length * 0.7)),
      "cut.webm",
      "video/webm",
    );
    expect((await sandbox.waitForStatus(cutMp4, ["ready", "Error"])).status).toBe("Error");
    expect((await sandbox.waitForStatus(cutWebm, ["ready", "Error"])).status).toBe("Error");
  });

  it("POSTs video:ready to registered hooks", async () => {
    const received: { body: Record<string, unknown>; url: string; type?: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push({
          body: JSON.parse(body) as Record<string, unknown>,
          url: req.url ?? "",
          type: req.headers["content-type"],
        });
        res.end("ok");
      });
    });
    const base = await listen(receiver);
    try {
      const hook = await sandbox.api("/hooks", {
        method: "POST",
        json: { type: "http", value: `${base}/hook?token=t1`, event: "video:ready", status: 1 },
      });
      const { uuid } = (await hook.json()) as { uuid: string };
      const id = await uploadBytes(await readFile(fixture("sample-b.mp4")), "sample-b.mp4");
      await sandbox.waitForStatus(id, ["ready"]);
      await expect.poll(() => received.length).toBe(1);
      expect(received[0]!.url).toBe("/hook?token=t1");
      expect(received[0]!.type).toBe("application/json");
      expect(received[0]!.body).toMatchObject({
        hookId: uuid,
        event: "video:ready",
        payload: { id, status: "ready", length: 4, tags: [] },
      });
      expect(Math.abs((received[0]!.body.time as number) - Date.now())).toBeLessThan(60_000);
    } finally {
      receiver.close();
    }
  });

  it("imports a URL (streamed to disk) to ready, and a failed download to Error", async () => {
    const bytes = await readFile(fixture("sample.mp4"));
    const origin = createServer((req, res) => {
      if (req.url !== "/clip.mp4") return void res.writeHead(404).end();
      res.writeHead(200, { "Content-Type": "video/mp4" }).end(bytes);
    });
    const base = await listen(origin);
    try {
      const ok = await sandbox.api("/videos/importUrl", {
        method: "PUT",
        json: { url: `${base}/clip.mp4`, title: "Imported" },
      });
      const video = (await ok.json()) as { id: string; title: string; status: string };
      expect(ok.status).toBe(200);
      expect(video).toMatchObject({ title: "Imported", status: "Queued" });
      expect(video.id).toMatch(/^[0-9a-f]{32}$/);
      const missing = await sandbox.api("/videos/importUrl", {
        method: "PUT",
        json: { url: `${base}/missing.mp4` },
      });
      const failed = (await missing.json()) as { id: string; title: string };
      expect(failed.title).toBe("missing.mp4");
      expect(await sandbox.waitForStatus(video.id, ["ready", "Error"])).toMatchObject({
        status: "ready",
        length: 3,
      });
      expect((await sandbox.waitForStatus(failed.id, ["ready", "Error"])).status).toBe("Error");
    } finally {
      origin.close();
    }
  });
});

describe("sandbox durability", () => {
  it("keeps every video across restarts and finishes one that was mid-processing", async () => {
    const sandbox = await spawnSandbox({ env: { SANDBOX_MIN_PROCESSING_MS: "2500" } });
    try {
      const pending = await sandbox.createUpload("never uploaded");
      const { clientPayload, videoId } = await sandbox.createUpload("mid-processing");
      expect((await sandbox.uploadFile(clientPayload, fixture("sample.mp4"))).status).toBe(201);
      await sandbox.api("/videos/tags", {
        method: "POST",
        json: { videos: [videoId], tags: ["kept"] },
      });
      await sandbox.waitForStatus(videoId, ["Processing"]);
      await sandbox.restart({ hard: true });

      expect(await sandbox.getVideo(pending.videoId)).toMatchObject({
        status: "PRE-Upload",
        title: "never uploaded",
      });
      const resumed = await sandbox.waitForStatus(videoId, ["ready", "Error"]);
      expect(resumed).toMatchObject({ status: "ready", length: 3, tags: ["kept"] });

      const otp = (await (
        await sandbox.api(`/videos/${videoId}/otp`, { method: "POST", json: {} })
      ).json()) as { otp: string; playbackInfo: string };
      await sandbox.restart();
      expect(await sandbox.getVideo(videoId)).toMatchObject({ status: "ready", length: 3 });
      const list = (await (await sandbox.api("/videos")).json()) as { count: number };
      expect(list.count).toBe(2);
      const player = await fetch(
        `${sandbox.url}/player/v2/?otp=${otp.otp}&playbackInfo=${encodeURIComponent(otp.playbackInfo)}`,
      );
      expect(player.status).toBe(200);
    } finally {
      await sandbox.stop();
    }
  });
});
