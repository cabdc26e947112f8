import { chromium, defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3310);
const baseURL = `http://127.0.0.1:${APP_PORT}`;

// Playwright's own Chromium when installed, else a system one: nothing here can download a browser.
function chromiumExecutable(): string | undefined {
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return undefined;
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE, "/usr/bin/chromium"];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found for the e2e tests. Install Debian's `chromium` (apt-get install chromium), " +
        "run `npx playwright install chromium`, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE.",
    );
  }
  return found;
}

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
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: [
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
      },
    },
  ],
});
