import { expect } from "@playwright/test";

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

/** Waits until the sandbox answers 404 for a video: it was deleted. */
export async function expectVideoGone(id: string | null | undefined): Promise<void> {
  await expect
    .poll(async () => {
      try {
        await sandboxApi(`/videos/${id}`);
        return "exists";
      } catch (error) {
        return String(error).includes(": 404") ? "gone" : String(error);
      }
    })
    .toBe("gone");
}
