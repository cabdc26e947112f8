export const errorStatus = {
  invalid_json: 400,
  invalid_request: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  not_ready: 409,
  rate_limited: 429,
  upstream_error: 502,
  upstream_timeout: 504,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorBody = {
  error: { code: ErrorCode; message: string; issues?: unknown[] };
};

/** The one error every route answers with: `{error: {code, message}}` and the code's status. */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { issues?: unknown[]; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = errorStatus[code];
  }

  toResponse(): Response {
    const body: ErrorBody = { error: { code: this.code, message: this.message } };
    if (this.options.issues) body.error.issues = this.options.issues;
    const headers = new Headers({ "Cache-Control": "no-store" });
    if (this.options.retryAfterSeconds !== undefined) {
      headers.set("Retry-After", String(Math.max(1, Math.ceil(this.options.retryAfterSeconds))));
    }
    return Response.json(body, { status: this.status, headers });
  }
}

/** Turns anything thrown in a route into the error contract, hiding internals of unknown errors. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) return error.toResponse();
  console.error("[cipherdrop] unexpected error", error);
  return new ApiError(
    "internal",
    "Something went wrong on our side. Please try again.",
  ).toResponse();
}
