import { chromium } from "@playwright/test";
import { existsSync } from "node:fs";

// How every browser here is launched, for the e2e suite and the upload benchmark alike: Playwright's
// own Chromium when installed, else a system one (nothing here can download a browser), with the
// flags that keep it off the network.

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumExecutable(): string | undefined {
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return undefined;
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE, "/usr/bin/chromium"];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found. Install Debian's `chromium` (apt-get install chromium), " +
        "run `npx playwright install chromium`, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE.",
    );
  }
  return found;
}
