import type { UploadTicket, VideoStatus } from "@/lib/schemas";
import { buildUploadForm } from "./form";
import { createProgressTracker, type ProgressSnapshot } from "./progress";
import {
  abortedError,
  defaultRetry,
  retryDelay,
  sleep,
  ticketError,
  toUploadError,
  type RetryPolicy,
} from "./retry";
import { describeUploadFailure, isUploadSuccess } from "./s3-error";
import { TransportError, type UploadTransport } from "./transport";
import type { UploadError } from "./upload-error";

// One file to storage: fresh credentials for every attempt (F03), retries with backoff for what
// can heal, cleanup of the videos that attempts left behind, and a status check before calling an
// ambiguous failure a failure (F10). Plain async code with injected I/O, so the browser (XHR) and
// the command-line uploader (Node) share it.

export type UploadEvent =
  | { type: "ticket"; videoId: string; attempt: number }
  | ({ type: "progress" } & ProgressSnapshot)
  | { type: "finishing" }
  | { type: "retrying"; attempt: number; delayMs: number; reason: string; error: UploadError }
  | { type: "uploaded"; videoId: string };

export type UploadFileOptions = {
  file: Blob;
  filename: string;
  title: string;
  /** Called once per attempt: credentials are never reused (F03). */
  createTicket: (title: string) => Promise<UploadTicket>;
  transport: UploadTransport;
  /** Removes a video an attempt created but did not fill; failures here are ignored. */
  deleteVideo: (videoId: string) => Promise<void>;
  /** Asked after an ambiguous failure: did storage get the file after all? */
  getStatus?: (videoId: string) => Promise<VideoStatus | null>;
  signal?: AbortSignal;
  onEvent?: (event: UploadEvent) => void;
  retry?: Partial<RetryPolicy>;
  stallTimeoutMs?: number;
  /** Source of jitter in [0, 1). */
  random?: () => number;
  /** Clock in milliseconds for speed and ETA. */
  now?: () => number;
};

type Outcome =
  | { ok: true; videoId: string }
  | { ok: false; videoId?: string; error: UploadError; ambiguous: boolean };

// Anything but "awaiting-upload" means the bytes arrived ("failed" included: processing ran).
const RECEIVED: ReadonlySet<VideoStatus> = new Set(["queued", "processing", "ready", "failed"]);

async function storageGotIt(options: UploadFileOptions, videoId: string): Promise<boolean> {
  if (!options.getStatus) return false;
  try {
    const status = await options.getStatus(videoId);
    return status !== null && RECEIVED.has(status);
  } catch {
    return false;
  }
}

async function runAttempt(options: UploadFileOptions, attempt: number): Promise<Outcome> {
  const { signal, onEvent } = options;
  let ticket: UploadTicket;
  try {
    // Never aborted: the server creates the video whatever becomes of this request, and only its
    // answer names the video to delete after a cancel.
    ticket = await options.createTicket(options.title);
  } catch (error) {
    return {
      ok: false,
      error: signal?.aborted ? abortedError() : ticketError(error),
      ambiguous: false,
    };
  }
  const { videoId } = ticket;
  if (signal?.aborted) return { ok: false, videoId, error: abortedError(), ambiguous: false };
  onEvent?.({ type: "ticket", videoId, attempt });

  const tracker = createProgressTracker({ now: options.now });
  try {
    const response = await options.transport({
      url: ticket.uploadLink,
      form: buildUploadForm(ticket, options.file, options.filename),
      signal,
      stallTimeoutMs: options.stallTimeoutMs,
      onProgress: (loaded, total) =>
        onEvent?.({ type: "progress", ...tracker.update(loaded, total) }),
      onAllBytesSent: () => onEvent?.({ type: "finishing" }),
    });
    if (isUploadSuccess(response.status)) return { ok: true, videoId };
    const error = describeUploadFailure(response.status, response.body);
    return { ok: false, videoId, error, ambiguous: false };
  } catch (error) {
    const ambiguous =
      error instanceof TransportError && error.allBytesSent && error.kind !== "aborted";
    return { ok: false, videoId, error: toUploadError(error), ambiguous };
  }
}

/**
 * Uploads `file` and resolves with the video's id once storage answered 2xx (or, after an
 * ambiguous failure, once the video's status shows storage has it). Rejects with an
 * `UploadError` (kind `aborted` on cancel). Every video that an attempt created but did not fill
 * is deleted before the promise settles.
 */
export async function uploadFile(options: UploadFileOptions): Promise<{ videoId: string }> {
  const policy: RetryPolicy = { ...defaultRetry, ...options.retry };
  const random = options.random ?? Math.random;
  const { signal, onEvent } = options;
  const cleanups: Promise<void>[] = [];
  const abandon = (videoId: string) => {
    cleanups.push(
      Promise.resolve()
        .then(() => options.deleteVideo(videoId))
        .catch(() => undefined),
    );
  };
  const uploaded = (videoId: string) => {
    onEvent?.({ type: "uploaded", videoId });
    return { videoId };
  };

  try {
    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) throw abortedError();
      const outcome = await runAttempt(options, attempt);
      if (outcome.ok) return uploaded(outcome.videoId);
      if (outcome.videoId !== undefined) {
        if (outcome.ambiguous && (await storageGotIt(options, outcome.videoId))) {
          return uploaded(outcome.videoId);
        }
        abandon(outcome.videoId);
      }
      const { error } = outcome;
      const delayMs = error.kind === "aborted" ? null : retryDelay(error, attempt, policy, random);
      if (delayMs === null) throw error;
      onEvent?.({ type: "retrying", attempt: attempt + 1, delayMs, reason: error.message, error });
      await sleep(delayMs, signal);
    }
  } catch (error) {
    throw toUploadError(error);
  } finally {
    await Promise.all(cleanups);
  }
}

export { defaultRetry, backoffDelay, type RetryPolicy } from "./retry";
