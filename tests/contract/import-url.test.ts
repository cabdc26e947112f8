import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as importRoute } from "@/app/api/imports/route";
import type { Video } from "@/lib/schemas";
import { spawnSandbox, type SandboxHandle } from "../helpers/sandbox";
import { callRoute, errorCode } from "../unit/routes/route-call";
import { runCli, serveFixtures, summaryOf } from "./cli-helpers";

// Import from a URL: VdoCipher (here the sandbox) downloads the file itself from a web server, here
// one on loopback serving the fixtures; the video then follows the usual processing states.

let sandbox: SandboxHandle;
let files: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  sandbox = await spawnSandbox();
  files = await serveFixtures();
  vi.stubEnv("CIPHERDROP_SANDBOX", "1");
  vi.stubEnv("VDOCIPHER_API_BASE_URL", sandbox.apiUrl);
  vi.stubEnv("SANDBOX_API_SECRET", sandbox.secret);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await files?.close();
  await sandbox?.stop();
});
beforeEach(async () => {
  await sandbox.resetStats();
});

describe("npm run upload -- --url", () => {
  it("imports a video served on loopback and waits until it is ready", async () => {
    const url = `${files.url}/sample.mp4`;
    const { code, lines } = await runCli(sandbox, [
      "--url",
      url,
      "--title",
      "Imported",
      "--wait",
      "--json",
    ]);
    expect(code).toBe(0);
    const [result] = summaryOf(lines).results;
    expect(result).toMatchObject({ file: url, status: "ready", reason: null });
    expect(result!.videoSeconds).toBeGreaterThan(0);
    const video = await sandbox.getVideo(result!.videoId!);
    expect(video).toMatchObject({ title: "Imported", status: "ready" });
    expect(lines.map((line) => line.event)).toContain("imported");
    const stats = await sandbox.stats();
    expect(stats["PUT /api/videos/importUrl"]).toBe(1);
    expect(stats["PUT /api/videos"]).toBeUndefined();
  });

  it("reports a URL that answers 404 as failed, with a reason, and exits 1", async () => {
    const url = `${files.url}/missing.mp4`;
    const { code, lines } = await runCli(sandbox, ["--url", url, "--wait", "--json"]);
    expect(code).toBe(1);
    const [result] = summaryOf(lines).results;
    expect(result).toMatchObject({ file: url, status: "failed" });
    expect(result!.reason).toContain(`could not download or process ${url}`);
    expect((await sandbox.getVideo(result!.videoId!)).status).toBe("Error");
  });

  it("refuses a non-http(s) URL before any request", async () => {
    const { code, stderr } = await runCli(sandbox, ["--url", "file:///etc/passwd"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--url: Enter a full http:// or https:// address");
    expect(await sandbox.stats()).toStrictEqual({});
  });
});

describe("POST /api/imports", () => {
  const post = (body: unknown, signedIn = true) =>
    callRoute(importRoute, {
      method: "POST",
      path: "/api/imports",
      body: JSON.stringify(body),
      signedIn,
    });

  it("answers 201 with the new video, which then becomes ready", async () => {
    const { response, body } = await post({
      url: `${files.url}/sample-b.mp4`,
      title: "From the web",
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const video = body as unknown as Video;
    expect(video).toMatchObject({ title: "From the web" });
    expect(["queued", "processing"]).toContain(video.status);
    expect((await sandbox.waitForStatus(video.id, ["ready", "Error"])).status).toBe("ready");
  });

  it("answers 422 for a URL that is not http(s), without calling VdoCipher", async () => {
    for (const url of ["ftp://127.0.0.1/a.mp4", "javascript:alert(1)", "not a url"]) {
      const { response, body } = await post({ url });
      expect(response.status).toBe(422);
      expect(errorCode(body)).toBe("invalid_request");
    }
    expect((await sandbox.stats())["PUT /api/videos/importUrl"]).toBeUndefined();
  });

  it("answers 401 to a visitor who is not signed in", async () => {
    const { response } = await post({ url: `${files.url}/sample.mp4` }, false);
    expect(response.status).toBe(401);
    expect((await sandbox.stats())["PUT /api/videos/importUrl"]).toBeUndefined();
  });
});
