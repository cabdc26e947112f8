import "server-only";

/** What went wrong upstream, in our own vocabulary; routes turn it into the error contract. */
export type VdoCipherErrorCode =
  | "unauthenticated"
  | "invalid_request"
  | "not_found"
  | "rate_limited"
  | "upstream_timeout"
  | "upstream_error";

export type VdoCipherErrorDetails = {
  /** HTTP status VdoCipher answered with, when it answered at all. */
  status?: number;
  retryAfterSeconds?: number;
  /** Upstream's own `message`: for server logs only, never for clients. */
  upstreamMessage?: string;
  cause?: unknown;
};

export class VdoCipherError extends Error {
  override name = "VdoCipherError";

  constructor(
    readonly code: VdoCipherErrorCode,
    message: string,
    readonly details: VdoCipherErrorDetails = {},
  ) {
    super(message, { cause: details.cause });
  }
}
