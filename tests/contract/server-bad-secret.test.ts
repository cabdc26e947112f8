import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createUpload } from "@/app/api/uploads/route";
import { spawnSandbox, type SandboxHandle } from "../helpers/sandbox";
import { callRoute, captureErrors, errorCode } from "../unit/routes/route-call";

// A server configured with the wrong secret: operators learn it from the log, clients get a 502.

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await spawnSandbox();
  vi.stubEnv("CIPHERDROP_SANDBOX", "1");
  vi.stubEnv("VDOCIPHER_API_BASE_URL", sandbox.apiUrl);
  vi.stubEnv("SANDBOX_API_SECRET", "not-the-sandbox-secret");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await sandbox?.stop();
});

describe("a wrong API secret", () => {
  it("is logged on the server and reported as 502 upstream_error, with no upstream text", async () => {
    const log = captureErrors();
    const { response, text, body } = await callRoute(createUpload, {
      method: "POST",
      body: JSON.stringify({ title: "t" }),
    });
    expect(response.status).toBe(502);
    expect(errorCode(body)).toBe("upstream_error");
    expect(text).not.toMatch(/secret|401|Apisecret/i);
    expect(log.mock.calls.flat().join(" ")).toMatch(/VDOCIPHER_API_SECRET/);
    expect((await sandbox.stats())["PUT /api/videos"]).toBe(1);
  });
});
