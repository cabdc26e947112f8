import { expect, test } from "@playwright/test";
import { openAsBlob } from "node:fs";

// F13: in a production build, GET /api/videos/<id> must be computed per request. A video is created
// and uploaded on the sandbox directly, and the route must follow it from awaiting-upload onwards.

const sandbox = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4310}`;
const auth = { Authorization: `Apisecret ${process.env.SANDBOX_API_SECRET ?? "sandbox-secret"}` };

test("two successive status calls on the production build see two different states", async ({
  request,
}) => {
  const created = await fetch(`${sandbox}/api/videos?title=e2e%20dynamic%20status`, {
    method: "PUT",
    headers: auth,
  });
  expect(created.status).toBe(200);
  const { videoId, clientPayload } = (await created.json()) as {
    videoId: string;
    clientPayload: Record<string, string>;
  };

  const before = await request.get(`/api/videos/${videoId}`);
  expect(before.status()).toBe(200);
  expect(before.headers()["cache-control"]).toBe("no-store");
  expect(await before.json()).toMatchObject({ id: videoId, status: "awaiting-upload" });

  const { uploadLink, ...fields } = clientPayload;
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("success_action_status", "201");
  form.append("success_action_redirect", "");
  form.append("file", await openAsBlob("tests/fixtures/sample.mp4"), "sample.mp4");
  const uploaded = await fetch(uploadLink!, { method: "POST", body: form });
  expect(uploaded.status).toBe(201);

  // The status may be reused for up to a second after the first read, then must move on.
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/videos/${videoId}`)).json()) as { status: string }).status,
      {
        timeout: 10_000,
        intervals: [250],
      },
    )
    .toMatch(/^(queued|processing|ready)$/);

  await fetch(`${sandbox}/api/videos?videos=${videoId}`, { method: "DELETE", headers: auth });
});
