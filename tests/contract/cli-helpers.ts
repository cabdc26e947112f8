import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { repoRoot, type SandboxHandle } from "../helpers/sandbox";

// Runs the command-line uploader as a child process exactly as `npm run upload` does, pointed at a
// sandbox through the same environment variables an operator would set.

export type CliLine = { event: string; file?: string; [key: string]: unknown };

export type CliRun = {
  child: ChildProcess;
  /** Resolves when the process exits. */
  done: Promise<{ code: number | null; stdout: string; stderr: string; lines: CliLine[] }>;
  /** Resolves with the first JSON line matching `test` (stdout must be JSON lines). */
  waitForLine(test: (line: CliLine) => boolean): Promise<CliLine>;
};

/** `env` is merged over the sandbox's settings (e.g. to point at another API). */
export function startCli(
  sandbox: Pick<SandboxHandle, "apiUrl" | "secret">,
  args: string[],
  env: Record<string, string> = {},
): CliRun {
  const child = spawn(process.execPath, ["cli/bin.mjs", ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      CIPHERDROP_SANDBOX: "1",
      VDOCIPHER_API_BASE_URL: sandbox.apiUrl,
      SANDBOX_API_SECRET: sandbox.secret,
      INIT_CWD: repoRoot,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const lines: CliLine[] = [];
  const waiters: { test: (line: CliLine) => boolean; resolve: (line: CliLine) => void }[] = [];
  let partial = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    partial += chunk.toString();
    const complete = partial.split("\n");
    partial = complete.pop() ?? "";
    for (const text of complete) {
      if (!text.trim()) continue;
      // Throws (and fails the test) on any line that is not JSON.
      const line = JSON.parse(text) as CliLine;
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.test(line))) waiter.resolve(line);
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
    lines: CliLine[];
  }>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr, lines })));
  return {
    child,
    done,
    waitForLine: (test) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(test);
        if (seen) return resolve(seen);
        waiters.push({ test, resolve });
        void done.then(() => reject(new Error(`CLI exited before the line; stderr:\n${stderr}`)));
      }),
  };
}

export const runCli = (
  sandbox: Pick<SandboxHandle, "apiUrl" | "secret">,
  args: string[],
  env?: Record<string, string>,
) => startCli(sandbox, args, env).done;

export const summaryOf = (lines: CliLine[]) => {
  const summary = lines.find((line) => line.event === "summary");
  if (!summary) throw new Error("no summary line");
  return summary as unknown as {
    ok: boolean;
    results: {
      file: string;
      videoId: string | null;
      status: string;
      reason: string | null;
      videoSeconds: number | null;
    }[];
  };
};

/** Serves files from tests/fixtures on 127.0.0.1, as a creator's own web server would. */
export async function serveFixtures(): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = path.join(repoRoot, "tests", "fixtures");
  const server = http.createServer((request, response) => {
    const name = path.basename(
      decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname),
    );
    const file = path.join(dir, name);
    stat(file).then(
      (info) => {
        response.writeHead(200, { "Content-Type": "video/mp4", "Content-Length": info.size });
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found"),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
