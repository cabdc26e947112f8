import type { ErrorBody } from "@/lib/errors";
import type { Playback, Video } from "@/lib/schemas";

// The browser's side of our HTTP API: one fetcher that turns the `{error:{code,message}}` contract
// into a thrown ApiClientError, so SWR and event handlers see the server's message and status.

export class ApiClientError extends Error {
  override name = "ApiClientError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", ...init });
  } catch {
    throw new ApiClientError(0, "network", "Could not reach the server. Check your connection.");
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as Partial<ErrorBody> | null)?.error;
    throw new ApiClientError(
      response.status,
      error?.code ?? "unknown",
      error?.message ?? `The server answered ${response.status}.`,
    );
  }
  return body as T;
}

const jsonInit = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: body === undefined ? undefined : { "Content-Type": "application/json" },
  body: body === undefined ? undefined : JSON.stringify(body),
});

export const videoUrl = (id: string) => `/api/videos/${encodeURIComponent(id)}`;

export function apiRenameVideo(id: string, title: string): Promise<Video> {
  return fetchJson<Video>(videoUrl(id), jsonInit("PATCH", { title }));
}

export function apiDeleteVideo(id: string): Promise<void> {
  return fetchJson<void>(videoUrl(id), jsonInit("DELETE"));
}

export function apiMintPlayback(id: string): Promise<Playback> {
  return fetchJson<Playback>(`${videoUrl(id)}/playback`, jsonInit("POST"));
}
