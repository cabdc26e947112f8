// The one error the upload engine throws, whatever went wrong: storage, network, credentials.

export type UploadErrorKind =
  /** The upload policy expired before storage checked it; fresh credentials fix it. */
  | "expired"
  | "too-large"
  | "too-small"
  | "denied"
  | "signature"
  /** Storage refused the request as malformed (a bug on our side, not the user's file). */
  | "bad-request"
  /** Storage answered 5xx, SlowDown or a request timeout. */
  | "server"
  /** No HTTP answer: offline, connection dropped, or blocked by CORS (a browser cannot tell). */
  | "network"
  /** No progress (or no answer after the last byte) within the stall timeout. */
  | "stalled"
  | "aborted"
  /** Our `POST /api/uploads` failed, so there were no credentials to upload with. */
  | "ticket"
  | "unknown";

export type UploadErrorInit = {
  retryable: boolean;
  /** S3's `<Code>`, when storage answered with an XML error. */
  s3Code?: string;
  /** S3's `<Message>` (technical, for logs and a "details" disclosure). */
  detail?: string;
  /** The HTTP status from storage or our API; 0 when there was no answer. */
  status?: number;
  /** Seconds to wait before retrying, when the server said (429 `Retry-After`). */
  retryAfterSeconds?: number;
  cause?: unknown;
};

export class UploadError extends Error {
  override name = "UploadError";
  readonly retryable: boolean;
  readonly s3Code?: string;
  readonly detail?: string;
  readonly status?: number;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly kind: UploadErrorKind,
    message: string,
    init: UploadErrorInit,
  ) {
    super(message, { cause: init.cause });
    this.retryable = init.retryable;
    this.s3Code = init.s3Code;
    this.detail = init.detail;
    this.status = init.status;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}
