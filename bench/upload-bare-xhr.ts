// `npm run bench:upload -- --xhr-baseline`: the same file posted by a bare XMLHttpRequest from the
// studio's page, no app code involved. Chromium's own ceiling for a form upload, to tell what the
// app costs from what the browser itself does.
import type { Page } from "@playwright/test";
import type { SandboxHandle } from "../tests/helpers/sandbox";

type BareTicket = { uploadLink: string; fields: Record<string, string> };

/** A bare-XHR upload with fresh credentials; the video is deleted afterwards. */
export async function bareXhrUpload(
  sandbox: SandboxHandle,
  page: Page,
  file: string,
  withProgress: boolean,
): Promise<{ ms: number; progressEvents: number }> {
  const { clientPayload, videoId } = await sandbox.createUpload("bench bare xhr");
  const { uploadLink, ...fields } = clientPayload;
  const result = await uploadWithBareXhr(page, file, { uploadLink, fields }, withProgress);
  if (result.status !== 201) throw new Error(`bare XHR upload answered ${result.status}`);
  await sandbox.api(`/videos?videos=${videoId}`, { method: "DELETE" });
  return result;
}

/** Posts fields then the file, as S3 wants; `withProgress` adds an onprogress that only counts. */
async function uploadWithBareXhr(
  page: Page,
  file: string,
  ticket: BareTicket,
  withProgress: boolean,
): Promise<{ ms: number; status: number; progressEvents: number }> {
  await page.goto("/");
  await page.evaluate(() => {
    const input = document.createElement("input");
    input.type = "file";
    input.id = "bench-bare-input";
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator("#bench-bare-input").setInputFiles(file);
  return page.evaluate(
    ({ ticket, withProgress }) =>
      new Promise<{ ms: number; status: number; progressEvents: number }>((resolve, reject) => {
        const input = document.getElementById("bench-bare-input") as HTMLInputElement;
        const form = new FormData();
        for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
        form.append("success_action_status", "201");
        form.append("success_action_redirect", "");
        form.append("file", input.files![0]!);
        const xhr = new XMLHttpRequest();
        let progressEvents = 0;
        if (withProgress) xhr.upload.onprogress = () => (progressEvents += 1);
        xhr.open("POST", ticket.uploadLink);
        const started = performance.now();
        xhr.onload = () =>
          resolve({ ms: performance.now() - started, status: xhr.status, progressEvents });
        xhr.onerror = () => reject(new Error("bare XHR upload failed"));
        xhr.send(form);
      }),
    { ticket, withProgress },
  );
}
