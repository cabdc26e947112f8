/**
 * Test helper: runs the sandbox (sandbox/main.ts) as a child process on a free port with its own
 * temp data dir, for contract tests, e2e setup and benchmarks.
 *
 *   const sandbox = await spawnSandbox({ env: { SANDBOX_MIN_PROCESSING_MS: "300" } });
 *   const res = await sandbox.api("/videos?title=x", { method: "PUT" });  // adds Apisecret auth
 *   await sandbox.setFaults({ api: { status: 503, count: 1 } });        // POST /__sandbox/faults
 *   (await sandbox.stats())["GET /api/videos/:id"];                       // upstream call counts
 *   await sandbox.restart({ hard: true });                                // SIGKILL, same port + data
 *   await sandbox.stop();                                                 // removes a temp data dir
 *
 * - `url` is the sandbox origin, `apiUrl` is `${url}/api`; `secret` the API secret in use.
 * - `env` is merged over the defaults below (SANDBOX_MIN_PROCESSING_MS defaults to 300 here).
 * - `dataDir`: reuse a directory (kept on stop); otherwise a fresh one under os.tmpdir() is used.
 * - `api(path, init)`: `path` is relative to `apiUrl` ("/videos/…") or absolute ("/api/…");
 *   `init.json` is sent as a JSON body.
 * - `createUpload(title)` mints credentials; `uploadFile(payload, file)` posts the form the way a
 *   correct client does (signed fields, success_action_status, success_action_redirect, file last);
 *   `waitForStatus(id, statuses)` polls until the video reaches one of `statuses`.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const fixture = (name: string) => path.join(repoRoot, "tests", "fixtures", name);

export type ClientPayload = {
  policy: string;
  key: string;
  "x-amz-signature": string;
  "x-amz-algorithm": string;
  "x-amz-date": string;
  "x-amz-credential": string;
  uploadLink: string;
};
export type Credentials = { clientPayload: ClientPayload; videoId: string };

/** The fields VdoCipher signs, in its documented order. */
export const SIGNED_FIELDS = [
  "policy",
  "key",
  "x-amz-signature",
  "x-amz-algorithm",
  "x-amz-date",
  "x-amz-credential",
] as const;

/** The form every real client sends: the signed fields, the two success fields, the file last. */
export function signedForm(payload: ClientPayload, file: Blob, name: string): FormData {
  const form = new FormData();
  for (const field of SIGNED_FIELDS) form.append(field, payload[field]);
  form.append("success_action_status", "201");
  form.append("success_action_redirect", "");
  form.append("file", file, name);
  return form;
}
export type SandboxVideo = {
  id: string;
  title: string;
  status: string;
  length: number;
  upload_time: number;
  posters: { width: number; height: number; posterUrl: string }[];
  tags: string[];
  [key: string]: unknown;
};

export type SpawnOptions = { env?: Record<string, string>; dataDir?: string };

export type SandboxHandle = {
  url: string;
  apiUrl: string;
  secret: string;
  dataDir: string;
  port: number;
  /** The sandbox process id (a plain node process, so /proc/<pid> is the server itself). */
  pid: number;
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  setFaults(faults: object): Promise<unknown>;
  clearFaults(): Promise<void>;
  reset(): Promise<void>;
  stats(): Promise<Record<string, number>>;
  resetStats(): Promise<void>;
  createUpload(title?: string): Promise<Credentials>;
  uploadFile(payload: ClientPayload, file: string, name?: string): Promise<Response>;
  getVideo(id: string): Promise<SandboxVideo>;
  waitForStatus(id: string, statuses: string[], timeoutMs?: number): Promise<SandboxVideo>;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
  restart(options?: { hard?: boolean }): Promise<void>;
};

const DEFAULT_SECRET = "sandbox-secret";

type Started = { child: ChildProcess; url: string };

function start(env: NodeJS.ProcessEnv, log: { text: string }): Promise<Started> {
  // `node --import tsx` keeps the server in this one process (the tsx CLI would add a wrapper).
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`sandbox did not start within 20 s:\n${log.text}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      log.text += chunk.toString();
      const match = /sandbox listening on (http:\/\/\S+)/.exec(log.text);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (log.text += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with code ${code} before listening:\n${log.text}`));
    });
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

export async function spawnSandbox(options: SpawnOptions = {}): Promise<SandboxHandle> {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "cipherdrop-sandbox-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SANDBOX_PORT: "0",
    SANDBOX_HOST: "127.0.0.1",
    SANDBOX_MIN_PROCESSING_MS: "300",
    ...options.env,
    SANDBOX_DATA_DIR: dataDir,
  };
  const secret = env.SANDBOX_API_SECRET || DEFAULT_SECRET;
  const log = { text: "" };
  let current = await start(env, log);
  const port = Number(new URL(current.url).port);

  const control = async (route: string, method: string, body?: unknown) => {
    const response = await fetch(`${current.url}/__sandbox/${route}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json()) as unknown;
    if (!response.ok) throw new Error(`${method} /__sandbox/${route}: ${JSON.stringify(parsed)}`);
    return parsed;
  };

  const handle: SandboxHandle = {
    get url() {
      return current.url;
    },
    get apiUrl() {
      return `${current.url}/api`;
    },
    get pid() {
      return current.child.pid!;
    },
    secret,
    dataDir,
    port,
    api(apiPath, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (!headers.has("Authorization")) headers.set("Authorization", `Apisecret ${secret}`);
      if (json !== undefined) headers.set("Content-Type", "application/json");
      const target = apiPath.startsWith("/api") ? apiPath : `/api${apiPath}`;
      return fetch(`${current.url}${target}`, {
        ...rest,
        headers,
        body: json === undefined ? rest.body : JSON.stringify(json),
      });
    },
    setFaults: (faults) => control("faults", "POST", faults),
    clearFaults: async () => void (await control("faults", "DELETE")),
    reset: async () => void (await control("reset", "POST")),
    stats: async () =>
      ((await control("stats", "GET")) as { requests: Record<string, number> }).requests,
    resetStats: async () => void (await control("stats/reset", "POST")),
    async createUpload(title = "fixture upload") {
      const response = await handle.api(`/videos?title=${encodeURIComponent(title)}`, {
        method: "PUT",
      });
      if (!response.ok) throw new Error(`credentials: ${response.status} ${await response.text()}`);
      return (await response.json()) as Credentials;
    },
    async uploadFile(payload, file, name = path.basename(file)) {
      const blob = new Blob([await readFile(file)], { type: "video/mp4" });
      const form = signedForm(payload, blob, name);
      return fetch(payload.uploadLink, { method: "POST", body: form });
    },
    async getVideo(id) {
      const response = await handle.api(`/videos/${id}`);
      if (!response.ok)
        throw new Error(`GET video ${id}: ${response.status} ${await response.text()}`);
      return (await response.json()) as SandboxVideo;
    },
    async waitForStatus(id, statuses, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const video = await handle.getVideo(id);
        if (statuses.includes(video.status)) return video;
        if (Date.now() > deadline) {
          throw new Error(
            `video ${id} still "${video.status}" after ${timeoutMs} ms, wanted ${statuses.join("|")}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    output: () => log.text,
    async stop() {
      await stopChild(current.child, "SIGTERM");
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async restart({ hard = false } = {}) {
      await stopChild(current.child, hard ? "SIGKILL" : "SIGTERM");
      current = await start({ ...env, SANDBOX_PORT: String(port) }, log);
    },
  };
  return handle;
}
