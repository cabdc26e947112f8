import { defineConfig, devices } from "@playwright/test";
import os from "node:os";
import path from "node:path";
import { chromiumArgs, chromiumExecutable } from "./tests/helpers/chromium";

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3310);
const baseURL = `http://127.0.0.1:${APP_PORT}`;
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4310);
// Deterministic (the config is also loaded in workers) and wiped by the command, so each run starts empty.
const sandboxDataDir = path.join(os.tmpdir(), `cipherdrop-e2e-sandbox-${SANDBOX_PORT}`);

export default defineConfig({
  testDir: "./tests/e2e",
  outputDir: "./test-results",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: chromiumArgs,
        },
      },
    },
  ],
  webServer: [
    {
      // The sandbox stands in for VdoCipher and its bucket; the app's origins may upload to it.
      command: `rm -rf '${sandboxDataDir}' && node --import tsx sandbox/main.ts`,
      url: `http://127.0.0.1:${SANDBOX_PORT}/__sandbox/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        SANDBOX_PORT: String(SANDBOX_PORT),
        SANDBOX_HOST: "127.0.0.1",
        SANDBOX_DATA_DIR: sandboxDataDir,
        SANDBOX_ALLOWED_ORIGINS: `http://127.0.0.1:${APP_PORT},http://localhost:${APP_PORT}`,
        SANDBOX_MIN_PROCESSING_MS: "1500",
      },
    },
    {
      // A production build, so caching and static-rendering bugs cannot hide behind dev mode.
      command: `npm run build && npm run start -- -H 127.0.0.1 -p ${APP_PORT}`,
      url: `${baseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        CIPHERDROP_SANDBOX: "1",
        SANDBOX_PORT: String(SANDBOX_PORT),
        // Inlined at build time: stalls show within seconds instead of the default 30 s.
        NEXT_PUBLIC_UPLOAD_STALL_TIMEOUT_MS: "3000",
        // The whole suite uploads as one creator, far more than a person would in an hour.
        UPLOAD_RATE_LIMIT_PER_HOUR: "1000",
        // Every request comes from 127.0.0.1 (one key for all), polling and watching far more than a viewer.
        PLAYBACK_RATE_LIMIT_PER_MINUTE: "100000",
        STATUS_RATE_LIMIT_PER_MINUTE: "100000",
        // The shortest ttl the app accepts, so watch-expiry.spec.ts sees a real OTP expire.
        OTP_TTL_SECONDS: "30",
      },
    },
  ],
});
