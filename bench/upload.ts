// `npm run bench:upload`: a 1 GiB file through the studio's real UI in headless Chromium to the
// sandbox, against `curl -F` posting the same file to the same S3 endpoint in the same run.
// Prints the throughput ratio browser/curl (target ≥ 0.9), the page's JS heap growth during the
// upload (target ≤ 50 MB) and the time from the drop to the first bytes at the sandbox (≤ 300 ms).
//
//   npm run bench:upload                    # next build, then measure
//   npm run bench:upload -- --no-build      # measure the existing .next
//   npm run bench:upload -- --xhr-baseline  # also a bare XHR from the same page (no app code)
//   BENCH_UPLOAD_BYTES=1073741824 BENCH_UPLOAD_ROUNDS=2 BENCH_APP_PORT/BENCH_SANDBOX_PORT (free ports)
//
// Rounds alternate browser, curl (, bare XHR without and with a progress listener). Throughput
// counts the best run of each kind (the median is shown too), heap and latency the worst run. CPU
// seconds per process role come from /proc. The server runs from a private copy of the build (see
// snapshotBuild), so the shared build lock is held only while building and copying. MB = 10^6 B.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { spawnSandbox, type SandboxHandle } from "../tests/helpers/sandbox";
import { bareXhrUpload } from "./upload-bare-xhr";
import { openStudio, uploadThroughStudio, type BrowserRun } from "./upload-browser";
import { cpuDelta, cpuSnapshot } from "./upload-cpu";
import {
  curlUpload,
  freePort,
  peakRssMb,
  snapshotBuild,
  startApp,
  waitFor,
  writeTestFile,
} from "./upload-servers";

const BYTES = Number(process.env.BENCH_UPLOAD_BYTES ?? 1024 ** 3);
const ROUNDS = Number(process.env.BENCH_UPLOAD_ROUNDS ?? 2);
const TARGET = { ratio: 0.9, heapMb: 50, firstByteMs: 300 };
const MB = 1e6;

type Kind = "browser (drop → 201)" | "curl -F" | "bare XHR" | "bare XHR + onprogress";
type Sample = { ms: number; cpu: Record<string, number> };

const rate = (ms: number) => BYTES / MB / (ms / 1000);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
};
const f1 = (n: number) => n.toFixed(1);
const list = (values: number[], digits = 1) => values.map((v) => v.toFixed(digits)).join(", ");
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

function printThroughput(samples: Map<Kind, Sample[]>, browser: BrowserRun[]) {
  const rows: [string, number[]][] = [...samples].map(([kind, runs]) => [
    kind,
    runs.map((run) => rate(run.ms)),
  ]);
  rows.splice(1, 0, ["browser (S3 POST only)", browser.map((run) => rate(run.postMs))]);
  console.log("\nthroughput, MB/s              best   median   runs");
  for (const [label, rates] of rows)
    console.log(
      `  ${label.padEnd(26)} ${f1(Math.max(...rates)).padStart(6)} ${f1(median(rates)).padStart(8)}   ${list(rates)}`,
    );
  console.log("CPU seconds per upload (median per role)");
  for (const [kind, runs] of samples) {
    const roles = Object.keys(runs[0]!.cpu).filter((role) =>
      runs.some((run) => (run.cpu[role] ?? 0) >= 0.05),
    );
    const text = roles.map(
      (role) => `${role} ${median(runs.map((r) => r.cpu[role] ?? 0)).toFixed(2)}`,
    );
    console.log(`  ${kind.padEnd(26)} ${text.join(", ")}`);
  }
}

function report(samples: Map<Kind, Sample[]>, browser: BrowserRun[], sandboxRssMb: number) {
  const best = (kind: Kind) => Math.max(...(samples.get(kind) ?? []).map((s) => rate(s.ms)));
  const mid = (kind: Kind) => median((samples.get(kind) ?? []).map((s) => rate(s.ms)));
  const ratio = best("browser (drop → 201)") / best("curl -F");
  const heap = browser.map((run) => run.heapPeakGrowthBytes / MB);
  const firstBytes = browser.map((run) => run.dropToSandboxFileMs ?? Infinity);
  const sends = browser.map((run) => run.dropToSendMs);
  const ok = {
    ratio: ratio >= TARGET.ratio,
    heap: Math.max(...heap) <= TARGET.heapMb,
    firstByte: Math.max(...firstBytes) <= TARGET.firstByteMs,
  };
  console.log(`\nfile ${f1(BYTES / MB)} MB (one random MiB repeated), ${ROUNDS} rounds`);
  printThroughput(samples, browser);
  console.log(
    `\nratio browser/curl:        ${ratio.toFixed(2)} best/best, ` +
      `${(mid("browser (drop → 201)") / mid("curl -F")).toFixed(2)} median/median` +
      `  (target ≥ ${TARGET.ratio}) ${verdict(ok.ratio)}`,
  );
  if (samples.has("bare XHR"))
    console.log(
      `Chromium's own ceiling:    bare XHR/curl ${(best("bare XHR") / best("curl -F")).toFixed(2)} best/best, ` +
        `browser/bare XHR ${(best("browser (drop → 201)") / best("bare XHR")).toFixed(2)}`,
    );
  console.log(
    `JS heap peak growth:       ${f1(Math.max(...heap))} MB worst, runs ${list(heap)}` +
      `  (target ≤ ${TARGET.heapMb}) ${verdict(ok.heap)};` +
      ` retained after GC ${list(
        browser.map((run) => run.heapRetainedBytes / MB),
        2,
      )} MB`,
  );
  console.log(
    `drop → sandbox file part:  ${f1(Math.max(...firstBytes))} ms worst, runs ${list(firstBytes)}` +
      `  (target ≤ ${TARGET.firstByteMs}) ${verdict(ok.firstByte)}`,
  );
  console.log(`drop → POST send start:    ${f1(Math.max(...sends))} ms worst, runs ${list(sends)}`);
  console.log(`sandbox peak RSS (VmHWM):  ${f1(sandboxRssMb)} MB`);
  console.log(
    "\nWhat is measured: drop = the dropzone input's change event (page clock). 201 = Chromium's\n" +
      "response-headers time of the S3 POST (CDP timing); send start = its CDP sendStart. Sandbox\n" +
      "file part = inotify sees the sandbox create incoming/<id>.part, once the request headers and\n" +
      "the signed form fields have arrived and the file part begins: an upper bound on the first\n" +
      "body byte. curl's time is its whole process; the browser's drop → 201 also includes\n" +
      "POST /api/uploads (credentials). Heap = CDP JSHeapUsedSize every 200 ms minus its value\n" +
      "after a forced GC before the drop. Bare XHR = send → load in the page, no app code.",
  );
  return ok.ratio && ok.heap && ok.firstByte;
}

async function measure(
  sandbox: SandboxHandle,
  samples: Map<Kind, Sample[]>,
  kind: Kind,
  upload: () => Promise<number>,
) {
  const before = cpuSnapshot(sandbox.pid);
  const ms = await upload();
  const cpu = cpuDelta(before, cpuSnapshot(sandbox.pid));
  samples.set(kind, [...(samples.get(kind) ?? []), { ms, cpu }]);
  return ms;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "cipherdrop-bench-upload-"));
  const appDir = path.join(dir, "app");
  const file = path.join(dir, "bench-upload.mp4");
  const appPort = Number(process.env.BENCH_APP_PORT ?? (await freePort()));
  const sandboxPort = Number(process.env.BENCH_SANDBOX_PORT ?? (await freePort()));
  const appUrl = `http://127.0.0.1:${appPort}`;
  let sandbox: SandboxHandle | undefined;
  let app: ChildProcess | undefined;
  let closeBrowser = async () => {};
  try {
    const build = !process.argv.includes("--no-build");
    const seconds = snapshotBuild(appDir, build);
    console.log(
      `${build ? "next build + copy" : "copy of .next"}: ${f1(seconds)} s (lock wait included)`,
    );
    writeTestFile(file, BYTES);
    sandbox = await spawnSandbox({
      env: {
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_ALLOWED_ORIGINS: appUrl,
        SANDBOX_MIN_PROCESSING_MS: "0",
      },
    });
    app = startApp(appDir, appPort, sandboxPort);
    await waitFor(`${appUrl}/api/health`);
    const { browser, page } = await openStudio(appUrl);
    closeBrowser = () => browser.close();
    const incomingDir = path.join(sandbox.dataDir, "incoming");
    const sb = sandbox;
    console.log(`load average at the start: ${list(loadavg(), 2)}`);

    const samples = new Map<Kind, Sample[]>();
    const browserRuns: BrowserRun[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      await measure(sb, samples, "browser (drop → 201)", async () => {
        const run = await uploadThroughStudio(page, file, incomingDir);
        await sb.api(`/videos?videos=${run.videoId}`, { method: "DELETE" });
        browserRuns.push(run);
        return run.dropTo201Ms;
      });
      await measure(sb, samples, "curl -F", () => curlUpload(sb, file));
      if (process.argv.includes("--xhr-baseline")) {
        const bare = (progress: boolean) => async () =>
          (await bareXhrUpload(sb, page, file, progress)).ms;
        await measure(sb, samples, "bare XHR", bare(false));
        await measure(sb, samples, "bare XHR + onprogress", bare(true));
      }
      const last = [...samples].map(([kind, runs]) => `${kind} ${f1(runs.at(-1)!.ms)} ms`);
      console.log(`round ${round}: ${last.join(", ")}`);
    }
    console.log(`load average at the end:   ${list(loadavg(), 2)}`);
    const pass = report(samples, browserRuns, peakRssMb(sandbox.pid));
    process.exitCode = pass ? 0 : 1;
  } finally {
    await closeBrowser();
    if (app?.pid) process.kill(-app.pid, "SIGTERM");
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
