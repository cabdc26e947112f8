import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixture, spawnSandbox, type SandboxHandle } from "../helpers/sandbox";
import { runCli, summaryOf } from "./cli-helpers";

// The command-line uploader end to end against the sandbox: real files, real S3 POSTs, real
// processing.

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

describe("npm run upload", () => {
  it("uploads several real videos and, with --wait, reports each one ready", async () => {
    const files = [
      "tests/fixtures/sample.mp4",
      "tests/fixtures/sample.mov",
      "tests/fixtures/sample-c.webm",
    ];
    const { code, lines, stderr } = await runCli(sandbox, [...files, "--wait", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);

    const summary = summaryOf(lines);
    expect(summary.ok).toBe(true);
    expect(summary.results.map((result) => result.file)).toStrictEqual(files);
    for (const result of summary.results) {
      expect(result).toMatchObject({ status: "ready", reason: null });
      expect(result.videoId).toMatch(/^[0-9a-f]{32}$/);
      expect(result.videoSeconds).toBeGreaterThan(0);
      const video = await sandbox.getVideo(result.videoId!);
      expect(video.status).toBe("ready");
      expect(video.length).toBe(result.videoSeconds);
    }
    const titles = await Promise.all(
      summary.results.map(async (result) => (await sandbox.getVideo(result.videoId!)).title),
    );
    expect(titles).toStrictEqual(["sample", "sample", "sample-c"]);

    // One credentials call and one storage POST per file: nothing fetched early or twice.
    const stats = await sandbox.stats();
    expect(stats["PUT /api/videos"]).toBe(3);
    expect(stats["POST /s3/:bucket"]).toBe(3);
    for (const file of files) {
      const events = lines.filter((line) => line.file === file).map((line) => line.event);
      expect(events[0]).toBe("start");
      expect(events).toContain("progress");
      expect(events.indexOf("finishing")).toBeLessThan(events.indexOf("uploaded"));
      expect(events.at(-1)).toBe("end");
    }
    const progress = lines.filter((line) => line.event === "progress" && line.file === files[2]);
    // The file's own bytes, not the multipart body's (signed fields and framing).
    const size = statSync(fixture("sample-c.webm")).size;
    expect(progress.at(-1)).toMatchObject({ percent: 100, loaded: size, total: size });
    for (const line of progress) expect(line.loaded).toBeLessThanOrEqual(size);
  });

  it("titles a single file with --title and stops at 'uploaded' without --wait", async () => {
    const { code, lines } = await runCli(sandbox, [
      "tests/fixtures/sample-b.mp4",
      "--title",
      "  Launch teaser ",
      "--json",
    ]);
    expect(code).toBe(0);
    const [result] = summaryOf(lines).results;
    expect(result).toMatchObject({ status: "uploaded", videoSeconds: null });
    expect((await sandbox.getVideo(result!.videoId!)).title).toBe("Launch teaser");
  });

  it("refuses a non-video, a missing path and a directory before any request", async () => {
    const { code, stderr, lines } = await runCli(sandbox, [
      "tests/fixtures/sample.mp4",
      "tests/fixtures/notes.txt",
      "tests/fixtures/no-such-video.mp4",
      "tests/fixtures",
      "tests/fixtures/empty.mp4",
      "--json",
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("“tests/fixtures/notes.txt” is not a video.");
    expect(stderr).toContain("“tests/fixtures/no-such-video.mp4” does not exist.");
    expect(stderr).toContain("“tests/fixtures” is a directory.");
    expect(stderr).toContain("“tests/fixtures/empty.mp4” is empty (0 bytes)");
    expect(stderr).toContain("Nothing was uploaded.");
    expect(lines.filter((line) => line.event === "rejected")).toHaveLength(4);
    expect(lines.some((line) => line.event === "start")).toBe(false);
    const stats = await sandbox.stats();
    expect(stats["PUT /api/videos"]).toBeUndefined();
    expect(stats["POST /s3/:bucket"]).toBeUndefined();
  });

  it("explains a usage mistake with exit code 2", async () => {
    const { code, stderr } = await runCli(sandbox, [
      "tests/fixtures/sample.mp4",
      "tests/fixtures/sample-b.mp4",
      "--title",
      "Both",
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("--title names one video");
    expect(stderr).toContain("Usage: npm run upload");
    expect((await sandbox.stats())["PUT /api/videos"]).toBeUndefined();
  });

  it("names an unknown option or a bad --concurrency in plain words, exit 2, before any request", async () => {
    const bogus = await runCli(sandbox, ["tests/fixtures/sample.mp4", "--bogus"]);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe(
      "cipherdrop-upload: Unknown option --bogus. Run with --help for usage.\n",
    );
    const concurrency = await runCli(sandbox, [
      "tests/fixtures/sample.mp4",
      "--concurrency",
      "1e0",
    ]);
    expect(concurrency.code).toBe(2);
    expect(concurrency.stderr).toContain("--concurrency must be a whole number from 1 to 6");
    expect((await sandbox.stats())["PUT /api/videos"]).toBeUndefined();
  });

  it("fails with exit code 1 when a video fails processing under --wait", async () => {
    const { code, lines } = await runCli(sandbox, [
      "tests/fixtures/random.mp4",
      "--wait",
      "--json",
    ]);
    expect(code).toBe(1);
    const [result] = summaryOf(lines).results;
    expect(result).toMatchObject({ status: "failed" });
    expect(result!.reason).toMatch(/could not process the file \(status “Error”\)/);
  });

  it("titles files by their names within the title rules: 250 characters, one line", async () => {
    const long = path.join(tmp, `${"a".repeat(251)}.mp4`);
    const broken = path.join(tmp, "line\nbreak.mp4");
    for (const file of [long, broken]) copyFileSync(fixture("sample-b.mp4"), file);
    const { code, lines } = await runCli(sandbox, [long, broken, "--json"]);
    expect(code).toBe(0);
    const titles = await Promise.all(
      summaryOf(lines).results.map(
        async (result) => (await sandbox.getVideo(result.videoId!)).title,
      ),
    );
    expect(titles).toStrictEqual(["a".repeat(250), "line break"]);
  });

  it("refuses, before any request, a file name that cannot be a title", async () => {
    const disguised = path.join(tmp, "\u202Egnp.mp4");
    copyFileSync(fixture("sample-b.mp4"), disguised);
    const { code, stderr } = await runCli(sandbox, [
      disguised,
      "tests/fixtures/sample.mp4",
      "--json",
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("cannot contain text-direction override characters");
    expect(stderr).toContain("give the video a title with --title");
    expect((await sandbox.stats())["PUT /api/videos"]).toBeUndefined();
  });

  it("takes an explicit --title on one line, and refuses one over 250 characters (exit 2)", async () => {
    const tooLong = await runCli(sandbox, [
      "tests/fixtures/sample-b.mp4",
      "--title",
      "t".repeat(251),
    ]);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain("--title: The title can be at most 250 characters.");
    expect((await sandbox.stats())["PUT /api/videos"]).toBeUndefined();

    const { code, lines } = await runCli(sandbox, [
      "tests/fixtures/sample-b.mp4",
      "--title",
      "Launch\nteaser",
      "--json",
    ]);
    expect(code).toBe(0);
    const [result] = summaryOf(lines).results;
    expect((await sandbox.getVideo(result!.videoId!)).title).toBe("Launch teaser");
  });
});
