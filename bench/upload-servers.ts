// Servers and the curl client for `npm run bench:upload` (bench/upload.ts): a private copy of the
// production build, the app on it, the test file, and `curl -F` against the sandbox's S3 endpoint.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync, symlinkSync, writeSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { SandboxHandle } from "../tests/helpers/sandbox";

const LOCK = "/tmp/cipherdrop-build.lock";
const ROOT = process.cwd();
const MB = 1e6;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function waitFor(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(200);
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

/** Random-ish content: one random MiB repeated, so nothing downstream can shortcut zeros. */
export function writeTestFile(file: string, bytes: number) {
  const block = randomBytes(1024 ** 2);
  const fd = openSync(file, "w");
  for (let written = 0; written < bytes; written += block.length)
    writeSync(fd, block, 0, Math.min(block.length, bytes - written));
  closeSync(fd);
}

export function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? (Number(match[1]) * 1024) / MB : NaN;
}

/** curl's whole process, from spawn to exit, posting fresh fields then the file, as S3 wants. */
export async function curlUpload(sandbox: SandboxHandle, file: string): Promise<number> {
  const { clientPayload, videoId } = await sandbox.createUpload("bench curl");
  const { uploadLink, ...fields } = clientPayload;
  const args = ["-sS", "-o", "/dev/null", "-w", "%{http_code}"];
  for (const [name, value] of Object.entries(fields))
    args.push("--form-string", `${name}=${value}`);
  args.push(
    "--form-string",
    "success_action_status=201",
    "--form-string",
    "success_action_redirect=",
  );
  args.push("-F", `file=@${file};type=video/mp4`, uploadLink);
  const started = performance.now();
  const child = spawn("curl", args, { stdio: ["ignore", "pipe", "inherit"] });
  let status = "";
  child.stdout.on("data", (chunk: Buffer) => (status += chunk.toString()));
  await new Promise((resolve) => child.on("close", resolve));
  const ms = performance.now() - started;
  if (status !== "201") throw new Error(`curl upload answered ${status}`);
  await sandbox.api(`/videos?videos=${videoId}`, { method: "DELETE" });
  return ms;
}

/**
 * Builds (unless told not to) and copies the build into `appDir` under the shared build lock, then
 * lets go of it: the server runs from the copy, so other helpers' builds cannot replace .next under
 * it during the minutes of uploads, and they need not wait for them. Returns the seconds taken,
 * waiting for the lock included.
 */
export function snapshotBuild(appDir: string, build: boolean): number {
  const started = performance.now();
  const script = [
    build ? "npx next build >/dev/null" : "test -f .next/BUILD_ID",
    'mkdir -p "$1/.next"',
    'tar -C .next --exclude=./cache --exclude=./dev -cf - . | tar -xf - -C "$1/.next"',
  ].join(" && ");
  const copy = spawnSync("flock", [LOCK, "sh", "-c", script, "sh", appDir], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (copy.status !== 0) throw new Error(build ? "next build failed" : "no build in .next");
  for (const name of ["node_modules", "package.json", "next.config.mjs", "public"])
    symlinkSync(path.join(ROOT, name), path.join(appDir, name));
  return (performance.now() - started) / 1000;
}

export function startApp(appDir: string, port: number, sandboxPort: number): ChildProcess {
  // Its own process group, so stopping it stops next-server too.
  return spawn(
    process.execPath,
    [
      path.join(ROOT, "node_modules/next/dist/bin/next"),
      "start",
      appDir,
      "-H",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    {
      cwd: appDir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        CIPHERDROP_SANDBOX: "1",
        SANDBOX_PORT: String(sandboxPort),
      },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    },
  );
}
