import { ApiClientError, videoUrl } from "@/lib/api-client";
import type { UploadTicket, Video, VideoStatus } from "@/lib/schemas";
import type { UploadFileOptions } from "./upload-file";
import { sendWithXhr } from "./xhr-transport";

// Browser calls to our own route handlers, with the error contract `{error: {code, message}}`
// turned into a typed error. Messages in that contract are ours, written for people.

/** An `ApiClientError` that also carries `Retry-After`, for the credentials rate limit (429). */
export class ApiRequestError extends ApiClientError {
  override name = "ApiRequestError";

  constructor(
    /** Our error code (`rate_limited`, `unauthenticated`, …) or `network` when nothing answered. */
    code: string,
    message: string,
    /** HTTP status; 0 when the request never got an answer. */
    status: number,
    /** Seconds, from `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(status, code, message);
  }
}

function retryAfter(response: Response): number | undefined {
  const value = response.headers.get("Retry-After");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

async function toApiError(response: Response): Promise<ApiRequestError> {
  let code = "http_error";
  let message = `The server answered ${response.status}. Please try again.`;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === "string") code = body.error.code;
    if (typeof body.error?.message === "string" && body.error.message) message = body.error.message;
  } catch {
    // Not our JSON (a proxy's HTML page, say): keep the generic message.
  }
  return new ApiRequestError(code, message, response.status, retryAfter(response));
}

async function request(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { cache: "no-store", credentials: "same-origin", ...init });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiRequestError(
      "network",
      "Could not reach the server. Check your connection and try again.",
      0,
    );
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** `POST /api/uploads`: fresh credentials for one attempt. Never cache or prefetch them (F03). */
export async function requestUploadTicket(title: string): Promise<UploadTicket> {
  const response = await request("/api/uploads", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title }),
  });
  return (await response.json()) as UploadTicket;
}

/** `DELETE /api/videos/<id>`; a video that is already gone counts as deleted. */
export async function deleteVideo(id: string, signal?: AbortSignal): Promise<void> {
  try {
    await request(videoUrl(id), { method: "DELETE", signal });
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return;
    throw error;
  }
}

/** `GET /api/videos/<id>`; throws `ApiRequestError` on any non-2xx, 404 included. */
export async function getVideo(id: string, signal?: AbortSignal): Promise<Video> {
  const response = await request(videoUrl(id), { method: "GET", signal });
  return (await response.json()) as Video;
}

/** `GET /api/videos/<id>`, with 404 as null. */
export async function fetchVideoStatus(id: string, signal?: AbortSignal): Promise<Video | null> {
  try {
    return await getVideo(id, signal);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return null;
    throw error;
  }
}

/** The browser's I/O for `uploadFile`: spread it in and add the file, title, signal and events. */
export const browserUploadDeps: Pick<
  UploadFileOptions,
  "createTicket" | "transport" | "deleteVideo" | "getStatus"
> = {
  createTicket: requestUploadTicket,
  transport: sendWithXhr,
  deleteVideo: (id) => deleteVideo(id),
  getStatus: async (id): Promise<VideoStatus | null> =>
    (await fetchVideoStatus(id))?.status ?? null,
};
