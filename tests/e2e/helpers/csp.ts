import type { Page } from "@playwright/test";

/**
 * Records every Content-Security-Policy violation in the page and its frames, from both the
 * `securitypolicyviolation` event and the browser's console report, across navigations.
 */
export async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__cipherdropCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __cipherdropCspViolation?: (text: string) => void })
        .__cipherdropCspViolation;
      report?.(`${event.violatedDirective} blocked ${event.blockedURI} on ${location.href}`);
    });
  });
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text()))
      violations.push(`console: ${message.text()}`);
  });
  return violations;
}
