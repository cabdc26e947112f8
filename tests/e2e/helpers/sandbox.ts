import { openAsBlob } from "node:fs";
import { fixturePath } from "./drop";

// The e2e sandbox (started by playwright.config.ts) driven from the test process: the VdoCipher API
// with the sandbox secret, and the fault switches on its control surface.

export const sandboxUrl = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4310}`;
const secret = process.env.SANDBOX_API_SECRET ?? "sandbox-secret";

export async function sandboxApi<T = unknown>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${sandboxUrl}/api${path}`, {
    ...init,
    headers: { Authorization: `Apisecret ${secret}`, Accept: "application/json", ...init.headers },
  });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function setFaults(faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxUrl}/__sandbox/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`faults: ${response.status} ${await response.text()}`);
}

export async function clearFaults(): Promise<void> {
  await fetch(`${sandboxUrl}/__sandbox/faults`, { method: "DELETE" });
}

export type SandboxVideo = { id: string; title: string; status: string; length: number };

export const getSandboxVideo = (id: string) => sandboxApi<SandboxVideo>(`/videos/${id}`);

/** Creates a video and uploads a fixture to it straight from the test, as a server would. */
export async function uploadFixture(title: string, fixture = "sample.mp4"): Promise<string> {
  const { videoId, clientPayload } = await sandboxApi<{
    videoId: string;
    clientPayload: Record<string, string>;
  }>(`/videos?title=${encodeURIComponent(title)}`, { method: "PUT" });
  const { uploadLink, ...fields } = clientPayload;
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("success_action_status", "201");
  form.append("success_action_redirect", "");
  form.append("file", await openAsBlob(fixturePath(fixture)), fixture);
  const response = await fetch(uploadLink!, { method: "POST", body: form });
  if (response.status !== 201) throw new Error(`upload: ${response.status}`);
  return videoId;
}
