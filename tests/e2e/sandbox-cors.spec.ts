import { expect, test } from "@playwright/test";
import type { APIRequestContext, Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

// The sandbox bucket's CORS rule: the app's origin may POST uploads cross-origin, others may not.
const SANDBOX = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4310}`;
const AUTH = { Authorization: `Apisecret ${process.env.SANDBOX_API_SECRET ?? "sandbox-secret"}` };
const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_APP_PORT ?? 3310}`;
const FOREIGN_PORT = 3999;
const FOREIGN_ORIGIN = `http://127.0.0.1:${FOREIGN_PORT}`;

type Credentials = { videoId: string; clientPayload: Record<string, string> };
type Outcome = { status: number; body: string; progressEvents: number } | { error: string };

async function credentials(request: APIRequestContext, title: string) {
  const response = await request.put(`${SANDBOX}/api/videos?title=${encodeURIComponent(title)}`, {
    headers: AUTH,
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as Credentials;
}

// Real pages on loopback origins: Chromium's local-network checks treat a page fulfilled by
// page.route as public and block it before CORS is even consulted.
async function openAppPage(page: Page) {
  await page.goto(`${APP_ORIGIN}/api/health`);
}

async function openForeignPage(page: Page) {
  const server = createServer((_req, res) =>
    res
      .writeHead(200, { "Content-Type": "text/html" })
      .end("<!doctype html><title>elsewhere</title>"),
  );
  await new Promise<void>((resolve) => server.listen(FOREIGN_PORT, "127.0.0.1", resolve));
  await page.goto(`${FOREIGN_ORIGIN}/`);
  return server;
}

async function uploadFromPage(
  page: Page,
  creds: Credentials,
  mode: "fetch" | "xhr",
): Promise<Outcome> {
  const bytes = [
    ...(await readFile(fileURLToPath(new URL("../fixtures/sample.mp4", import.meta.url)))),
  ];
  return page.evaluate(
    async ({ payload, bytes, mode }) => {
      const { uploadLink, ...fields } = payload;
      const form = new FormData();
      for (const name of [
        "policy",
        "key",
        "x-amz-signature",
        "x-amz-algorithm",
        "x-amz-date",
        "x-amz-credential",
      ]) {
        form.append(name, fields[name]!);
      }
      form.append("success_action_status", "201");
      form.append("success_action_redirect", "");
      form.append("file", new File([new Uint8Array(bytes)], "sample.mp4", { type: "video/mp4" }));
      if (mode === "fetch") {
        try {
          const response = await fetch(uploadLink!, { method: "POST", body: form });
          return { status: response.status, body: await response.text(), progressEvents: 0 };
        } catch (error) {
          return { error: String(error) };
        }
      }
      // An upload progress listener makes the browser preflight, as the app's uploader does.
      return new Promise<Outcome>((resolve) => {
        const xhr = new XMLHttpRequest();
        let progressEvents = 0;
        xhr.upload.addEventListener("progress", () => progressEvents++);
        xhr.addEventListener("load", () =>
          resolve({ status: xhr.status, body: xhr.responseText, progressEvents }),
        );
        xhr.addEventListener("error", () => resolve({ error: "network error" }));
        xhr.open("POST", uploadLink!);
        xhr.send(form);
      });
    },
    { payload: creds.clientPayload, bytes, mode },
  );
}

const status = async (request: APIRequestContext, id: string) =>
  (
    (await (await request.get(`${SANDBOX}/api/videos/${id}`, { headers: AUTH })).json()) as {
      status: string;
    }
  ).status;

test("a page on the app's origin uploads a real video cross-origin and gets 201", async ({
  page,
  request,
}) => {
  await openAppPage(page);
  for (const mode of ["fetch", "xhr"] as const) {
    const creds = await credentials(request, `cors allowed ${mode}`);
    const outcome = await uploadFromPage(page, creds, mode);
    expect(outcome, mode).toMatchObject({ status: 201 });
    expect("body" in outcome && outcome.body).toContain(`<Key>orig/${creds.videoId}</Key>`);
    if (mode === "xhr")
      expect("progressEvents" in outcome && outcome.progressEvents).toBeGreaterThan(0);
    expect(await status(request, creds.videoId)).not.toBe("PRE-Upload");
  }
});

test("the same upload from a disallowed origin is blocked by CORS", async ({ page, request }) => {
  const server = await openForeignPage(page);
  const console: string[] = [];
  page.on("console", (message) => console.push(message.text()));
  try {
    const viaFetch = await uploadFromPage(
      page,
      await credentials(request, "cors refused fetch"),
      "fetch",
    );
    expect(viaFetch).toHaveProperty("error");

    // With a preflight (XHR with progress), the bucket refuses it and the body is never sent.
    const creds = await credentials(request, "cors refused xhr");
    const viaXhr = await uploadFromPage(page, creds, "xhr");
    expect(viaXhr).toEqual({ error: "network error" });
    expect(await status(request, creds.videoId)).toBe("PRE-Upload");

    // Blocked by the bucket's CORS rule, not by anything else.
    const blocked = console.filter((text) => text.includes("blocked by CORS policy"));
    expect(blocked).toHaveLength(2);
    expect(blocked.join("\n")).not.toContain("address space");
    expect(blocked[1]).toContain("preflight");
  } finally {
    server.close();
  }
});
