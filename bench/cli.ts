// The command-line uploader with a 2 GiB file against the sandbox: its peak RSS (target ≤ 120 MB)
// and its throughput as a ratio to `curl -F` posting the same file to the same endpoint in the
// same run (target ≥ 0.9).
//
//   npm run bench:cli
//   BENCH_CLI_BYTES=2147483648 BENCH_CLI_ROUNDS=2 (defaults)
//
// Each round runs curl, then the CLI, each with fresh credentials; the best round of each counts.
// The file is sparse (reads cost no disk I/O), so both clients are limited by themselves and the
// sandbox, not by this machine's disk. The CLI's time runs from its credentials to storage's 201
// (its own JSON events), curl's is the whole curl process: neither includes Node's startup.
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSandbox, type SandboxHandle } from "../tests/helpers/sandbox";
import { curlUpload } from "./upload-servers";

const BYTES = Number(process.env.BENCH_CLI_BYTES ?? 2 * 1024 ** 3);
const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 2);
const RSS_TARGET_MB = 120;
const RATIO_TARGET = 0.9;
const MB = 1024 * 1024;

type Measure = { seconds: number; peakRssMb?: number };

function peakRss(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function runCurl(sandbox: SandboxHandle, file: string): Promise<Measure> {
  return { seconds: (await curlUpload(sandbox, file)) / 1000 };
}

async function runCli(sandbox: SandboxHandle, file: string): Promise<Measure> {
  const child = spawn(process.execPath, ["cli/bin.mjs", file, "--json"], {
    env: {
      ...process.env,
      CIPHERDROP_SANDBOX: "1",
      VDOCIPHER_API_BASE_URL: sandbox.apiUrl,
      SANDBOX_API_SECRET: sandbox.secret,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, peakRss(child.pid!) ?? 0)), 50);
  const times: Record<string, number> = {};
  let videoId = "";
  let partial = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      const event = JSON.parse(line) as { event: string; videoId?: string };
      times[event.event] ??= performance.now();
      if (event.videoId) videoId = event.videoId;
    }
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  clearInterval(sampler);
  if (code !== 0 || !times.ticket || !times.uploaded) throw new Error(`CLI exited with ${code}`);
  await sandbox.api(`/videos?videos=${videoId}`, { method: "DELETE" });
  return { seconds: (times.uploaded - times.ticket) / 1000, peakRssMb: peak };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "cipherdrop-bench-cli-"));
  const file = path.join(dir, "big.mp4");
  const fd = openSync(file, "w");
  ftruncateSync(fd, BYTES);
  closeSync(fd);
  const sandbox = await spawnSandbox({ env: { SANDBOX_MAX_UPLOAD_BYTES: String(BYTES + MB) } });
  const curl: Measure[] = [];
  const cli: Measure[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      curl.push(await runCurl(sandbox, file));
      cli.push(await runCli(sandbox, file));
      const [c, n] = [curl.at(-1)!, cli.at(-1)!];
      console.log(
        `round ${round}: curl ${c.seconds.toFixed(2)} s, cli ${n.seconds.toFixed(2)} s, cli peak RSS ${n.peakRssMb!.toFixed(1)} MiB`,
      );
    }
  } finally {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const best = (runs: Measure[]) => Math.min(...runs.map((run) => run.seconds));
  const rate = (seconds: number) => BYTES / MB / seconds;
  const peak = Math.max(...cli.map((run) => run.peakRssMb ?? 0));
  const ratio = rate(best(cli)) / rate(best(curl));
  console.log(`file: ${(BYTES / 1024 ** 3).toFixed(2)} GiB, rounds: ${ROUNDS}`);
  console.log(`curl -F: ${rate(best(curl)).toFixed(0)} MiB/s (best ${best(curl).toFixed(2)} s)`);
  console.log(`cli:     ${rate(best(cli)).toFixed(0)} MiB/s (best ${best(cli).toFixed(2)} s)`);
  console.log(`throughput ratio cli/curl: ${ratio.toFixed(2)} (target ≥ ${RATIO_TARGET})`);
  console.log(`cli peak RSS: ${peak.toFixed(1)} MiB (target ≤ ${RSS_TARGET_MB} MB)`);
  const pass = ratio >= RATIO_TARGET && peak <= RSS_TARGET_MB;
  console.log(pass ? "PASS" : "FAIL");
  process.exitCode = pass ? 0 : 1;
}

void main();
