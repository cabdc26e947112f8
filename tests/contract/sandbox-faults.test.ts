import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SandboxHandle } from "../helpers/sandbox";
import { fixture, signedForm, spawnSandbox } from "../helpers/sandbox";

describe("sandbox fault switches", () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await spawnSandbox();
  });
  afterAll(() => sandbox.stop());
  beforeEach(() => sandbox.reset());

  const control = (method: string, body?: unknown) =>
    fetch(`${sandbox.url}/__sandbox/faults`, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("sets, reads and clears the active set; a POST replaces it", async () => {
    expect(await (await control("GET")).json()).toEqual({});
    const set = await control("POST", { api: { status: 503, count: 2 }, policyTtlSeconds: 5 });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ api: { status: 503, count: 2 }, policyTtlSeconds: 5 });
    await control("POST", { processing: { fail: true, count: 1 } });
    expect(await (await control("GET")).json()).toEqual({ processing: { fail: true, count: 1 } });
    expect(await (await control("DELETE")).json()).toEqual({});
    expect(await (await control("GET")).json()).toEqual({});
  });

  it.each([
    { nope: true },
    { api: { status: 99 } },
    { api: { status: 503, hang: true } },
    { upload: { dropAfter: 1.5 } },
    { upload: { bytesPerSecond: 0 } },
    { policyTtlSeconds: "2" },
    { processing: { fail: false } },
    [],
  ])("answers 400 for the malformed set %j", async (body) => {
    const response = await control("POST", body);
    expect(response.status).toBe(400);
    expect(await (await control("GET")).json()).toEqual({});
  });

  it("api status: the next N API calls answer that status with JSON {message}, then normal service", async () => {
    await sandbox.setFaults({ api: { status: 503, count: 2 } });
    const first = await sandbox.api("/videos");
    expect(first.status).toBe(503);
    expect(typeof ((await first.json()) as { message: unknown }).message).toBe("string");
    expect((await sandbox.api("/videos?title=x", { method: "PUT" })).status).toBe(503);
    expect((await sandbox.api("/videos")).status).toBe(200);
    expect(await (await control("GET")).json()).toEqual({});
  });

  it("api hang: the next call never answers; the one after does", async () => {
    await sandbox.setFaults({ api: { hang: true, count: 1 } });
    await expect(sandbox.api("/videos", { signal: AbortSignal.timeout(700) })).rejects.toThrow();
    expect((await sandbox.api("/videos")).status).toBe(200);
  });

  it("upload dropAfter: the connection is cut part-way; nothing is stored; the next upload works", async () => {
    await sandbox.setFaults({ upload: { dropAfter: 0.4, count: 1 } });
    const { clientPayload, videoId } = await sandbox.createUpload("dropped");
    await expect(sandbox.uploadFile(clientPayload, fixture("sample-c.webm"))).rejects.toThrow();
    expect((await sandbox.getVideo(videoId)).status).toBe("PRE-Upload");
    await expect.poll(() => readdir(path.join(sandbox.dataDir, "incoming"))).toEqual([]);
    expect((await sandbox.uploadFile(clientPayload, fixture("sample-c.webm"))).status).toBe(201);
  });

  it("upload neverAnswer: the body is read and stored but no reply ever comes", async () => {
    await sandbox.setFaults({ upload: { neverAnswer: true, count: 1 } });
    const { clientPayload, videoId } = await sandbox.createUpload("unanswered");
    const upload = fetch(clientPayload.uploadLink, {
      method: "POST",
      body: await formFor(clientPayload),
      signal: AbortSignal.timeout(1500),
    });
    await expect(upload).rejects.toThrow();
    expect((await sandbox.getVideo(videoId)).status).not.toBe("PRE-Upload");
    const next = await sandbox.createUpload("answered");
    expect((await sandbox.uploadFile(next.clientPayload, fixture("sample.mp4"))).status).toBe(201);
  });

  it("upload bytesPerSecond: every upload is throttled until cleared", async () => {
    await sandbox.setFaults({ upload: { bytesPerSecond: 200_000 } });
    const timed = async () => {
      const { clientPayload } = await sandbox.createUpload("throttled");
      const started = Date.now();
      expect((await sandbox.uploadFile(clientPayload, fixture("sample-c.webm"))).status).toBe(201);
      return Date.now() - started;
    };
    // 165 kB at 200 kB/s.
    expect(await timed()).toBeGreaterThanOrEqual(700);
    expect(await timed()).toBeGreaterThanOrEqual(700);
    await sandbox.clearFaults();
    expect(await timed()).toBeLessThan(500);
  });

  it("policyTtlSeconds: policies issued from now expire after N seconds", async () => {
    await sandbox.setFaults({ policyTtlSeconds: 30 });
    const { clientPayload } = await sandbox.createUpload("short policy");
    const policy = JSON.parse(Buffer.from(clientPayload.policy, "base64").toString()) as {
      expiration: string;
    };
    const ttl = Date.parse(policy.expiration) - Date.now();
    expect(ttl).toBeGreaterThan(28_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it("processing fail: the next N processed videos end in Error, then processing works", async () => {
    await sandbox.setFaults({ processing: { fail: true, count: 1 } });
    const failing = await sandbox.createUpload("fails");
    await sandbox.uploadFile(failing.clientPayload, fixture("sample.mp4"));
    expect((await sandbox.waitForStatus(failing.videoId, ["ready", "Error"])).status).toBe("Error");
    const working = await sandbox.createUpload("works");
    await sandbox.uploadFile(working.clientPayload, fixture("sample.mp4"));
    expect((await sandbox.waitForStatus(working.videoId, ["ready", "Error"])).status).toBe("ready");
  });

  it("reset clears every video and the faults; health answers 200", async () => {
    await sandbox.createUpload("gone");
    await sandbox.setFaults({ policyTtlSeconds: 5 });
    expect((await fetch(`${sandbox.url}/__sandbox/reset`, { method: "POST" })).status).toBe(200);
    expect(((await (await sandbox.api("/videos")).json()) as { count: number }).count).toBe(0);
    expect(await (await control("GET")).json()).toEqual({});
    expect((await fetch(`${sandbox.url}/__sandbox/health`)).status).toBe(200);
  });

  async function formFor(
    payload: Awaited<ReturnType<SandboxHandle["createUpload"]>>["clientPayload"],
  ) {
    return signedForm(payload, new Blob([await readFile(fixture("sample.mp4"))]), "sample.mp4");
  }
});
