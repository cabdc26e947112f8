// The seam between the orchestrator and whatever sends bytes: XMLHttpRequest in browsers, a Node
// HTTP client in the command-line uploader. A transport resolves with ANY HTTP answer (deciding
// success is the caller's job) and rejects with a `TransportError`, or with an `UploadError` when it
// knows better than the engine could (the CLI's "the file changed while it was being sent").

export type TransportRequest = {
  url: string;
  form: FormData;
  signal?: AbortSignal;
  /** Body bytes sent so far and the body's total size (multipart framing included). */
  onProgress?: (loaded: number, total: number) => void;
  /** Called once when the whole body has been sent and the answer is awaited ("finishing"). */
  onAllBytesSent?: () => void;
  /** Fail with `stalled` after this long with no progress, or no answer after the last byte. */
  stallTimeoutMs?: number;
};

export type TransportResponse = { status: number; body: string };

export type UploadTransport = (request: TransportRequest) => Promise<TransportResponse>;

export type TransportErrorKind = "network" | "stalled" | "aborted";

export class TransportError extends Error {
  override name = "TransportError";

  constructor(
    readonly kind: TransportErrorKind,
    /** Whether the whole body had been sent: a failure after that is ambiguous (F10). */
    readonly allBytesSent: boolean,
    message: string = kind,
  ) {
    super(message);
  }
}
