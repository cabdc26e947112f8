// P4: 200 concurrent pollers of one video's GET /api/videos/<id> against the production build and the
// sandbox, for 20 s. Prints requests served, latency percentiles and the upstream status calls per
// second the sandbox counted (targets: p95 ≤ 50 ms, ≤ 1 upstream call per second).
//
//   npm run bench:status                              # next build, then measure
//   npm run bench:status -- --no-build                # measure the existing .next
//   npm run bench:status -- --interval-ms=0           # closed loop: each poller asks again at once
//   BENCH_POLLERS=200 BENCH_SECONDS=20 BENCH_APP_PORT=3320 BENCH_SANDBOX_PORT=4320 (defaults)
//
// Each poller waits `--interval-ms` (default 1000, as a browser tab polls) between the start of one
// request and the next. The whole run holds the shared build lock, so no other build replaces .next
// under the running server.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { waitFor } from "./upload-servers";

const LOCK = "/tmp/cipherdrop-build.lock";
const args = process.argv.slice(2);
const flag = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];

if (!process.env.BENCH_LOCK_HELD && spawnSync("flock", ["--version"]).status === 0) {
  const child = spawnSync(
    "flock",
    [LOCK, process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: "inherit",
      env: { ...process.env, BENCH_LOCK_HELD: "1" },
    },
  );
  process.exit(child.status ?? 1);
}

const POLLERS = Number(process.env.BENCH_POLLERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const INTERVAL_MS = Number(flag("interval-ms") ?? 1000);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3320);
const SANDBOX_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 4320);
const SECRET = "sandbox-secret";
const app = `http://127.0.0.1:${APP_PORT}`;
const sandbox = `http://127.0.0.1:${SANDBOX_PORT}`;
const STATUS_ROUTE = "GET /api/videos/:id";

const children: ChildProcess[] = [];
const dataDir = mkdtempSync(join(tmpdir(), "cipherdrop-bench-"));

// Each server runs in its own process group, so stopping it also stops anything it spawned.
function start(commandArgs: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, commandArgs, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  children.push(child);
  return child;
}

async function statusCalls(): Promise<number> {
  const stats = (await (await fetch(`${sandbox}/__sandbox/stats`)).json()) as {
    requests?: Record<string, number>;
  };
  return stats.requests?.[STATUS_ROUTE] ?? 0;
}

/** A real video, uploaded and processed by the sandbox. */
async function createVideo(): Promise<string> {
  const auth = { Authorization: `Apisecret ${SECRET}` };
  const created = await fetch(`${sandbox}/api/videos?title=bench-status`, {
    method: "PUT",
    headers: auth,
  });
  const { videoId, clientPayload } = (await created.json()) as {
    videoId: string;
    clientPayload: Record<string, string>;
  };
  const { uploadLink, ...fields } = clientPayload;
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("success_action_status", "201");
  form.append("success_action_redirect", "");
  form.append("file", await openAsBlob("tests/fixtures/sample.mp4"), "sample.mp4");
  const uploaded = await fetch(uploadLink!, { method: "POST", body: form });
  if (uploaded.status !== 201) throw new Error(`upload answered ${uploaded.status}`);
  return videoId;
}

/** CPU seconds a process has used so far (Linux /proc), to tell server cost from machine contention. */
function cpuSeconds(pid: number | undefined): number {
  const file = `/proc/${pid}/stat`;
  if (!pid || !existsSync(file)) return NaN;
  const fields = readFileSync(file, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function poll(
  url: string,
  until: number,
  latencies: number[],
  failures: Map<string, number>,
) {
  await sleep(Math.random() * INTERVAL_MS);
  while (Date.now() < until) {
    const began = performance.now();
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      latencies.push(performance.now() - began);
      if (response.status !== 200)
        failures.set(String(response.status), (failures.get(String(response.status)) ?? 0) + 1);
    } catch (error) {
      const name = error instanceof Error ? error.message : String(error);
      failures.set(name, (failures.get(name) ?? 0) + 1);
    }
    const rest = INTERVAL_MS - (performance.now() - began);
    if (rest > 0) await sleep(rest);
  }
}

async function main() {
  if (!args.includes("--no-build")) {
    const build = spawnSync("npx", ["next", "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  start(["--import", "tsx", "sandbox/main.ts"], {
    SANDBOX_PORT: String(SANDBOX_PORT),
    SANDBOX_DATA_DIR: dataDir,
  });
  await waitFor(`${sandbox}/__sandbox/stats`);
  const server = start(
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(APP_PORT)],
    {
      NODE_ENV: "production",
      CIPHERDROP_SANDBOX: "1",
      SANDBOX_PORT: String(SANDBOX_PORT),
      // The pollers all come from one address; this measures the cache, not the per-address limit.
      STATUS_RATE_LIMIT_PER_MINUTE: "1000000",
    },
  );
  await waitFor(`${app}/api/health`);

  const videoId = await createVideo();
  const url = `${app}/api/videos/${videoId}`;
  // The sandbox's ffmpeg shares this machine's cores, which VdoCipher's encoders never would, so the
  // measurement starts once processing is over; the JIT is warmed up meanwhile.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const warm = await Promise.all(
      Array.from(
        { length: 20 },
        async () => (await (await fetch(url)).json()) as { status: string },
      ),
    );
    if (warm.some((video) => video.status === "ready" || video.status === "failed")) break;
    await sleep(100);
  }

  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const before = await statusCalls();
  const cpuBefore = cpuSeconds(server.pid);
  const startedAt = Date.now();
  const until = startedAt + SECONDS * 1000;
  await Promise.all(Array.from({ length: POLLERS }, () => poll(url, until, latencies, failures)));
  const elapsed = (Date.now() - startedAt) / 1000;
  const upstream = (await statusCalls()) - before;
  const serverCpu = cpuSeconds(server.pid) - cpuBefore;
  const status = ((await (await fetch(url)).json()) as { status?: string }).status;

  latencies.sort((a, b) => a - b);
  const result = {
    date: new Date().toISOString(),
    pollers: POLLERS,
    intervalMs: INTERVAL_MS,
    seconds: Number(elapsed.toFixed(1)),
    requestsServed: latencies.length,
    requestsPerSecond: Number((latencies.length / elapsed).toFixed(0)),
    failures: Object.fromEntries(failures),
    latencyMs: {
      p50: Number(percentile(latencies, 50).toFixed(1)),
      p95: Number(percentile(latencies, 95).toFixed(1)),
      p99: Number(percentile(latencies, 99).toFixed(1)),
      max: Number((latencies.at(-1) ?? NaN).toFixed(1)),
    },
    serverCpuMsPerRequest: Number(((serverCpu * 1000) / latencies.length).toFixed(2)),
    loadAverage: Number(os.loadavg()[0]?.toFixed(2)),
    upstreamStatusCalls: upstream,
    upstreamStatusCallsPerSecond: Number((upstream / elapsed).toFixed(2)),
    status,
  };
  const pass =
    result.latencyMs.p95 <= 50 && result.upstreamStatusCallsPerSecond <= 1 && failures.size === 0;
  console.log(JSON.stringify(result, null, 2));
  console.log(
    `P4: ${result.requestsServed} requests served (${result.requestsPerSecond}/s), p50 ${result.latencyMs.p50} ms, ` +
      `p95 ${result.latencyMs.p95} ms (target ≤ 50), upstream status calls ${result.upstreamStatusCallsPerSecond}/s ` +
      `(target ≤ 1) → ${pass ? "PASS" : "FAIL"}`,
  );
  writeFileSync(
    `bench/results/status-interval-${INTERVAL_MS}.json`,
    `${JSON.stringify({ ...result, pass }, null, 2)}\n`,
  );
  if (!pass) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) if (child.pid) process.kill(-child.pid, "SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  });
