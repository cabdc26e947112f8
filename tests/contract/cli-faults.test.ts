import { randomBytes } from "node:crypto";
import { appendFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { spawnSandbox, type SandboxHandle } from "../helpers/sandbox";
import { runCli, startCli, summaryOf } from "./cli-helpers";

// The sandbox's fault switches against the command line: a dropped connection and an expired policy
// heal with fresh credentials (F03, F10), and Ctrl-C leaves no Pre-Upload video behind.

let sandbox: SandboxHandle;
let tmp: string;

beforeAll(async () => {
  sandbox = await spawnSandbox();
  tmp = mkdtempSync(path.join(os.tmpdir(), "cipherdrop-cli-"));
});
afterAll(async () => {
  await sandbox?.stop();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(async () => {
  await sandbox.clearFaults();
  await sandbox.resetStats();
});

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const gone = async (videoId: string) => (await sandbox.api(`/videos/${videoId}`)).status === 404;

describe("npm run upload under faults", () => {
  it("retries a connection dropped at 40% with fresh credentials, and deletes the first video", async () => {
    await sandbox.setFaults({ upload: { dropAfter: 0.4, count: 1 } });
    const { code, lines } = await runCli(sandbox, [
      "tests/fixtures/sample-c.webm",
      "--wait",
      "--json",
    ]);
    expect(code).toBe(0);

    const tickets = lines.filter((line) => line.event === "ticket");
    expect(tickets.map((line) => line.attempt)).toStrictEqual([1, 2]);
    expect(lines.find((line) => line.event === "retrying")).toMatchObject({ attempt: 2 });
    const [result] = summaryOf(lines).results;
    expect(result).toMatchObject({ status: "ready", videoId: tickets[1]!.videoId });
    expect(await gone(tickets[0]!.videoId as string)).toBe(true);
    const stats = await sandbox.stats();
    expect(stats["PUT /api/videos"]).toBe(2);
    expect(stats["POST /s3/:bucket"]).toBe(2);
  });

  it("starts again with fresh credentials when the policy expired before the file arrived", async () => {
    // A small file sent at 1 kB/s: the signed fields alone take over a second, so the file part
    // begins after the 1 s policy has expired. The switches are cleared once that first POST is
    // under way, so the retry meets the ordinary one-hour policy.
    const file = path.join(tmp, "small.mp4");
    writeFileSync(file, randomBytes(1500));
    await sandbox.setFaults({ policyTtlSeconds: 1, upload: { bytesPerSecond: 1000 } });
    const run = startCli(sandbox, [file, "--json"]);
    await until(async () => (await sandbox.stats())["POST /s3/:bucket"]);
    await sandbox.clearFaults();

    const { code, lines } = await run.done;
    expect(code).toBe(0);
    const retry = lines.find((line) => line.event === "retrying");
    expect(retry?.reason).toMatch(/expired/);
    expect(retry?.delayMs).toBe(0);
    const tickets = lines.filter((line) => line.event === "ticket");
    expect(tickets).toHaveLength(2);
    expect(summaryOf(lines).results[0]).toMatchObject({
      status: "uploaded",
      videoId: tickets[1]!.videoId,
    });
    expect((await sandbox.getVideo(tickets[1]!.videoId as string)).status).not.toBe("PRE-Upload");
    expect(await gone(tickets[0]!.videoId as string)).toBe(true);
  });

  it("on Ctrl-C aborts the upload, deletes its Pre-Upload video and exits non-zero", async () => {
    await sandbox.setFaults({ upload: { bytesPerSecond: 20_000 } });
    const run = startCli(sandbox, ["tests/fixtures/sample-c.webm", "--json"]);
    const ticket = await run.waitForLine((line) => line.event === "ticket");
    const videoId = ticket.videoId as string;
    await run.waitForLine((line) => line.event === "progress" && (line.loaded as number) > 0);
    expect((await sandbox.getVideo(videoId)).status).toBe("PRE-Upload");
    run.child.kill("SIGINT");

    const { code, lines } = await run.done;
    expect(code).toBe(130);
    expect(summaryOf(lines)).toMatchObject({ ok: false, results: [{ status: "cancelled" }] });
    expect(await gone(videoId)).toBe(true);
    expect((await sandbox.stats())["DELETE /api/videos"]).toBe(1);
  });

  it("fails a file that shrinks while it is sent, cleanly: no crash, video deleted, summary", async () => {
    const file = path.join(tmp, "shrinking.mp4");
    writeFileSync(file, randomBytes(32 * 1024 * 1024));
    await sandbox.setFaults({ upload: { bytesPerSecond: 2_000_000 } });
    const run = startCli(sandbox, [file, "--json"]);
    const ticket = await run.waitForLine((line) => line.event === "ticket");
    // A second progress line, a second after the first: by then the socket's buffers are full and
    // each chunk waits to be sent while the next one is read.
    const first = await run.waitForLine((line) => line.event === "progress");
    await run.waitForLine(
      (line) => line.event === "progress" && (line.loaded as number) > (first.loaded as number),
    );
    truncateSync(file, 512 * 1024);

    const { code, lines, stderr } = await run.done;
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(lines.find((line) => line.event === "end")).toMatchObject({ status: "failed" });
    const [result] = summaryOf(lines).results;
    expect(result).toMatchObject({ status: "failed", videoId: null });
    expect(result!.reason).toBe(
      "The file changed size while uploading (32.0 MiB, now 512.0 KiB); not uploaded.",
    );
    // Final, not retried: the same changed file would fail again.
    expect(lines.filter((line) => line.event === "ticket")).toHaveLength(1);
    expect(await gone(ticket.videoId as string)).toBe(true);
  });

  it("fails a file that grows while it is sent instead of uploading it cut short", async () => {
    const file = path.join(tmp, "growing.mp4");
    writeFileSync(file, randomBytes(12 * 1024 * 1024));
    // At 4 MB/s the last chunk leaves seconds after the start, long after the file has grown.
    await sandbox.setFaults({ upload: { bytesPerSecond: 4_000_000 } });
    const run = startCli(sandbox, [file, "--json"]);
    const ticket = await run.waitForLine((line) => line.event === "ticket");
    await run.waitForLine((line) => line.event === "progress");
    appendFileSync(file, randomBytes(1024 * 1024));

    const { code, lines } = await run.done;
    expect(code).toBe(1);
    expect(lines.some((line) => line.event === "uploaded")).toBe(false);
    const [result] = summaryOf(lines).results;
    expect(result).toMatchObject({
      status: "failed",
      videoId: null,
      reason: "The file changed size while uploading (12.0 MiB, now 13.0 MiB); not uploaded.",
    });
    expect(lines.filter((line) => line.event === "ticket")).toHaveLength(1);
    expect(await gone(ticket.videoId as string)).toBe(true);
  });

  it("says how to start the sandbox, or what to check for VdoCipher, when the API is unreachable", async () => {
    // A port that was free a moment ago: nothing answers there.
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const nowhere = { apiUrl: `http://127.0.0.1:${closed}/api`, secret: "secret" };
    const args = ["tests/fixtures/sample-b.mp4", "--json"];

    // Both at once: each spends a few seconds on its retries.
    const [sandboxRun, vdocipherRun] = await Promise.all([
      runCli(nowhere, args),
      runCli(nowhere, args, {
        CIPHERDROP_SANDBOX: "0",
        VDOCIPHER_API_SECRET: "a-real-looking-secret",
      }),
    ]);
    expect(sandboxRun.code).toBe(1);
    expect(summaryOf(sandboxRun.lines).results[0]!.reason).toBe(
      `VdoCipher could not be reached for PUT /videos (the sandbox at ${nowhere.apiUrl}). Is the sandbox running? Start it with \`npm run sandbox\` (or \`npm run dev\`).`,
    );

    expect(vdocipherRun.code).toBe(1);
    expect(summaryOf(vdocipherRun.lines).results[0]!.reason).toBe(
      `VdoCipher could not be reached for PUT /videos (${nowhere.apiUrl}). Check this machine's network connection, and VDOCIPHER_API_BASE_URL if it is set.`,
    );
  });
});
