import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createUpload } from "@/app/api/uploads/route";
import { GET as getVideo } from "@/app/api/videos/[id]/route";
import { spawnSandbox, type SandboxHandle } from "../helpers/sandbox";
import { callRoute, captureErrors, errorCode } from "../unit/routes/route-call";

// Upstream failures, injected with the sandbox's fault switches, as our routes report them.

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await spawnSandbox();
  vi.stubEnv("CIPHERDROP_SANDBOX", "1");
  vi.stubEnv("VDOCIPHER_API_BASE_URL", sandbox.apiUrl);
  vi.stubEnv("SANDBOX_API_SECRET", sandbox.secret);
  vi.stubEnv("UPSTREAM_TIMEOUT_MS", "500");
});
afterEach(async () => {
  vi.restoreAllMocks();
  await sandbox.clearFaults();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await sandbox?.stop();
});

const upload = () =>
  callRoute(createUpload, { method: "POST", body: JSON.stringify({ title: "t" }) });

describe("upstream failures through our routes", () => {
  it.each([
    [503, 502, "upstream_error"],
    [500, 502, "upstream_error"],
    [429, 429, "rate_limited"],
    // Creating credentials names no video: a 404 there is upstream's fault, not a missing video.
    [404, 502, "upstream_error"],
  ] as const)("upstream %i → %i %s, without upstream text", async (injected, status, code) => {
    captureErrors();
    await sandbox.setFaults({ api: { status: injected, count: 1 } });
    const { response, text, body } = await upload();
    expect(response.status).toBe(status);
    expect(errorCode(body)).toBe(code);
    expect(text).not.toMatch(/sandbox|injected/i);
    if (status === 429) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await upload()).response.status).toBe(201);
  });

  it("answers 504 when upstream hangs past the timeout", async () => {
    captureErrors();
    await sandbox.setFaults({ api: { hang: true, count: 1 } });
    const started = Date.now();
    const { response, body } = await upload();
    expect(response.status).toBe(504);
    expect(errorCode(body)).toBe("upstream_timeout");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("answers 404 for a well-formed id the sandbox does not know", async () => {
    const { response, body } = await callRoute(getVideo, { params: { id: "ab".repeat(16) } });
    expect(response.status).toBe(404);
    expect(errorCode(body)).toBe("not_found");
  });

  it("answers 502 when the sandbox is down", async () => {
    captureErrors();
    await sandbox.stop();
    try {
      const { response, body } = await callRoute(getVideo, { params: { id: "cd".repeat(16) } });
      expect(response.status).toBe(502);
      expect(errorCode(body)).toBe("upstream_error");
    } finally {
      await sandbox.restart();
    }
  });
});
