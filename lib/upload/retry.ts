import { TransportError } from "./transport";
import { UploadError } from "./upload-error";
import { networkFailure } from "./s3-error";

// Retry policy and error normalisation for the upload orchestrator.

export type RetryPolicy = {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
};

export const defaultRetry: RetryPolicy = { attempts: 3, baseDelayMs: 1000, maxDelayMs: 8000 };

export function abortedError(): UploadError {
  return new UploadError("aborted", "The upload was cancelled.", { retryable: false });
}

/** Anything thrown during an attempt, as an `UploadError`. */
export function toUploadError(error: unknown): UploadError {
  if (error instanceof UploadError) return error;
  if (error instanceof TransportError) {
    if (error.kind === "aborted") return abortedError();
    if (error.kind === "network") return networkFailure(error);
    return new UploadError(
      "stalled",
      error.allBytesSent
        ? "The storage received the file but did not answer in time."
        : "The upload stopped making progress (the connection may have dropped).",
      { retryable: true, cause: error },
    );
  }
  if (error instanceof DOMException && error.name === "AbortError") return abortedError();
  return new UploadError("unknown", "The upload failed unexpectedly.", {
    retryable: false,
    cause: error,
  });
}

/** A failed credentials request. Duck-typed: the browser's ApiRequestError and ApiError both fit. */
export function ticketError(error: unknown): UploadError {
  if (error instanceof UploadError) return error;
  const { status, retryAfterSeconds } = error as { status?: unknown; retryAfterSeconds?: unknown };
  const known = typeof status === "number";
  const message =
    known && error instanceof Error && error.message
      ? error.message
      : "Could not get upload credentials. Please try again.";
  return new UploadError("ticket", message, {
    retryable: !known || status === 0 || status === 429 || status >= 500,
    status: known ? status : undefined,
    retryAfterSeconds: typeof retryAfterSeconds === "number" ? retryAfterSeconds : undefined,
    cause: error,
  });
}

/** Jitter over the upper half of an exponential ceiling: grows per attempt, never bunches up. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The wait before the attempt after `attempt`, or null when the error should not be retried. */
export function retryDelay(
  error: UploadError,
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
): number | null {
  if (!error.retryable || attempt >= policy.attempts) return null;
  // An expired policy only needs new credentials; waiting would not help.
  if (error.kind === "expired") return 0;
  const delay = Math.max(
    backoffDelay(attempt, policy, random),
    (error.retryAfterSeconds ?? 0) * 1000,
  );
  // A server asking for a longer pause than we would ever wait: tell the person instead.
  return delay <= policy.maxDelayMs ? delay : null;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
