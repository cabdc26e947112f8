import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, spawnSandbox, type SandboxHandle } from "../helpers/sandbox";

// The uploader at a real terminal (a pseudo-terminal from `script`): the live lines on stderr fit
// the terminal's width and count the file's own bytes.

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await spawnSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});

describe("npm run upload at a terminal", () => {
  it("at an 80-column terminal, fits each progress line and counts the file's own bytes", async () => {
    // `script` gives the uploader a real terminal, 80 columns wide.
    const command = `stty cols 80; exec ${process.execPath} cli/bin.mjs tests/fixtures/sample-b.mp4`;
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn("script", ["-qec", command, "/dev/null"], {
        cwd: repoRoot,
        env: {
          ...process.env,
          CIPHERDROP_SANDBOX: "1",
          VDOCIPHER_API_BASE_URL: sandbox.apiUrl,
          SANDBOX_API_SECRET: sandbox.secret,
        },
        stdio: ["ignore", "pipe", "ignore"],
      });
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.on("error", reject);
      child.on("close", () => resolve(text));
    });
    const frames = output.split(/\r|\n|\u001b\[[?\d;]*[A-Za-z]/).filter((frame) => frame.trim());
    const bars = frames.filter((frame) => frame.includes("█") || frame.includes("░"));
    expect(bars.length).toBeGreaterThan(0);
    for (const frame of bars) expect(frame.length).toBeLessThan(80);
    expect(bars.at(-1)).toMatch(/^…ures\/sample-b\.mp4 █{10} 100% 39\.0\/39\.0 KiB uploaded$/);
    expect(output).toContain("All done.");
  });
});
