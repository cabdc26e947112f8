import { expect, test } from "@playwright/test";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

// F15: the API secret lives only in server env. Nothing a browser can load — the built static
// assets or the HTML of our pages — may contain its value or the name of its auth scheme.

const SECRET = process.env.SANDBOX_API_SECRET ?? "sandbox-secret";
const sandbox = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4310}`;
const FORBIDDEN = [SECRET, "apisecret"];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function offences(where: string, text: string) {
  const lower = text.toLowerCase();
  return FORBIDDEN.filter((word) => lower.includes(word.toLowerCase())).map(
    (word) => `${where}: ${word}`,
  );
}

test("no file under .next/static, nor any prerendered page, contains the secret or Apisecret", async () => {
  const files = await filesUnder(".next/static");
  expect(files.filter((file) => file.endsWith(".js")).length).toBeGreaterThan(0);
  // Prerendered pages and their RSC payloads are sent to browsers as they were built.
  const prerendered = (await filesUnder(".next/server/app")).filter((file) =>
    /\.(html|rsc|body)$/.test(file),
  );
  expect(prerendered.length).toBeGreaterThan(0);
  const found: string[] = [];
  for (const file of [...files, ...prerendered]) {
    found.push(...offences(file, (await readFile(file)).toString("latin1")));
  }
  expect(found).toStrictEqual([]);
});

test("the HTML of the home, sign-in and a watch page contains neither", async ({ request }) => {
  const created = await fetch(`${sandbox}/api/videos?title=e2e%20secret%20scan`, {
    method: "PUT",
    headers: { Authorization: `Apisecret ${SECRET}` },
  });
  expect(created.status).toBe(200);
  const { videoId } = (await created.json()) as { videoId: string };

  const found: string[] = [];
  for (const path of ["/", "/sign-in", `/watch/${videoId}`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(500);
    const html = await response.text();
    expect(html, path).toContain("<html");
    found.push(...offences(path, html));
  }
  expect(found).toStrictEqual([]);
});
