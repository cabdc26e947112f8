// `npm run bench:sandbox`: P2 (sandbox peak RSS while receiving a 2 GiB upload, target ≤ 150 MB) and
// the sandbox's S3 POST throughput against a bare receiver that only writes the body to disk, both
// fed by the same `curl -F` in the same run (target ratio ≥ 0.8).
import { execFile, spawn } from "node:child_process";
import { mkdtemp, open, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { ClientPayload } from "../tests/helpers/sandbox";
import { SIGNED_FIELDS, spawnSandbox } from "../tests/helpers/sandbox";

const SIZE = Number(process.env.BENCH_UPLOAD_BYTES ?? 2 * 1024 ** 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const run = promisify(execFile);

const BARE_RECEIVER = `
const http = require("node:http"), fs = require("node:fs"), path = require("node:path");
let n = 0;
const server = http.createServer((req, res) => {
  const file = path.join(process.argv[1], "body-" + n++);
  req.pipe(fs.createWriteStream(file)).on("finish", () => { fs.rmSync(file, { force: true }); res.writeHead(201).end(); });
});
server.requestTimeout = 0;
server.listen(0, "127.0.0.1", () => console.log("listening " + server.address().port));
`;

async function startBareReceiver(dir: string) {
  const child = spawn(process.execPath, ["-e", BARE_RECEIVER, dir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

async function curlUpload(url: string, fields: [string, string][], file: string) {
  const args = ["-sS", "-o", "/dev/null", "-w", "%{http_code} %{time_total}"];
  for (const [name, value] of fields) args.push("-F", `${name}=${value}`);
  args.push("-F", `file=@${file};type=video/mp4`, url);
  const started = process.hrtime.bigint();
  const { stdout } = await run("curl", args, { maxBuffer: 1 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [status] = stdout.trim().split(" ");
  return { status: Number(status), seconds, mbPerSecond: SIZE / 1024 ** 2 / seconds };
}

function formFields(payload: ClientPayload): [string, string][] {
  return [
    ...SIGNED_FIELDS.map((name): [string, string] => [name, payload[name]]),
    ["success_action_status", "201"],
    ["success_action_redirect", ""],
  ];
}

async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "cipherdrop-bench-"));
  const file = path.join(dir, "upload.bin");
  const handle = await open(file, "w");
  await handle.truncate(SIZE); // sparse: reading it costs no disk I/O, so the receivers are what is measured
  await handle.close();
  const sandbox = await spawnSandbox({ env: { SANDBOX_MIN_PROCESSING_MS: "0" } });
  const bare = await startBareReceiver(dir);
  try {
    const startRss = await peakRssMb(sandbox.pid);
    const sandboxRuns = [];
    const bareRuns = [];
    for (let i = 0; i < RUNS; i++) {
      const { clientPayload } = await sandbox.createUpload(`bench ${i}`);
      const fields = formFields(clientPayload);
      bareRuns.push(await curlUpload(bare.url, fields, file));
      const result = await curlUpload(clientPayload.uploadLink, fields, file);
      if (result.status !== 201)
        throw new Error(`sandbox answered ${result.status}\n${sandbox.output()}`);
      sandboxRuns.push(result);
    }
    const best = (runs: { mbPerSecond: number }[]) => Math.max(...runs.map((r) => r.mbPerSecond));
    const peak = await peakRssMb(sandbox.pid);
    const ratio = best(sandboxRuns) / best(bareRuns);
    const fmt = (n: number) => n.toFixed(1);
    console.log(
      `upload size:                 ${fmt(SIZE / 1024 ** 2)} MiB, ${RUNS} run(s) each, best shown`,
    );
    console.log(`sandbox RSS after start:     ${fmt(startRss)} MB`);
    console.log(
      `sandbox peak RSS (VmHWM):    ${fmt(peak)} MB   (target ≤ 150) ${peak <= 150 ? "PASS" : "FAIL"}`,
    );
    console.log(
      `bare receiver throughput:    ${fmt(best(bareRuns))} MiB/s  runs: ${bareRuns.map((r) => fmt(r.mbPerSecond)).join(", ")}`,
    );
    console.log(
      `sandbox S3 POST throughput:  ${fmt(best(sandboxRuns))} MiB/s  runs: ${sandboxRuns.map((r) => fmt(r.mbPerSecond)).join(", ")}`,
    );
    console.log(
      `throughput ratio:            ${ratio.toFixed(2)}   (target ≥ 0.8) ${ratio >= 0.8 ? "PASS" : "FAIL"}`,
    );
    process.exitCode = peak <= 150 && ratio >= 0.8 ? 0 : 1;
  } finally {
    bare.stop();
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
