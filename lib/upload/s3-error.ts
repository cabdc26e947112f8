import { UploadError } from "./upload-error";

// Isomorphic: Node has no DOMParser, and S3's error document is flat, so a tag lookup is enough.

export type S3ErrorDetails = { code: string; message: string };

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const point =
        ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(point) && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return entities[ref.toLowerCase()] ?? whole;
  });
}

function tag(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return match?.[1] === undefined ? undefined : decodeXml(match[1].trim());
}

/** `<Error><Code>…</Code><Message>…</Message>…</Error>` → `{code, message}`; null for anything else. */
export function parseS3Error(body: string): S3ErrorDetails | null {
  const error = /<Error>([\s\S]*?)<\/Error>/.exec(body)?.[1];
  if (error === undefined) return null;
  const code = tag(error, "Code");
  if (!code) return null;
  return { code, message: tag(error, "Message") ?? "" };
}

/** F07: success is decided by the status alone; a 2xx may have an empty body. */
export function isUploadSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

const EXPIRED_CODES = new Set(["ExpiredToken", "RequestExpired", "TokenRefreshRequired"]);
const SERVER_CODES = new Set(["InternalError", "ServiceUnavailable", "SlowDown", "RequestTimeout"]);

function isExpired(s3: S3ErrorDetails | null): boolean {
  if (!s3) return false;
  return EXPIRED_CODES.has(s3.code) || (s3.code === "AccessDenied" && /expired/i.test(s3.message));
}

/** Turns a storage answer that was not a 2xx into an `UploadError` people can act on. */
export function describeUploadFailure(status: number, body: string): UploadError {
  const s3 = parseS3Error(body);
  const base = { status, s3Code: s3?.code, detail: s3?.message || undefined };
  if (status === 0) return networkFailure();
  if (isExpired(s3)) {
    return new UploadError(
      "expired",
      "The upload link expired before the upload finished. Starting again with a fresh link.",
      { ...base, retryable: true },
    );
  }
  switch (s3?.code) {
    case "EntityTooLarge":
      return new UploadError(
        "too-large",
        "The file is larger than the storage accepts for one video (at most 5 GiB).",
        { ...base, retryable: false },
      );
    case "EntityTooSmall":
      return new UploadError(
        "too-small",
        "The file is empty or too small for the storage to accept. Choose the video again.",
        { ...base, retryable: false },
      );
    case "AccessDenied":
      return new UploadError(
        "denied",
        "The storage refused the upload (access denied). Try again; if it keeps happening, contact support.",
        { ...base, retryable: false },
      );
    case "SignatureDoesNotMatch":
      return new UploadError(
        "signature",
        "The storage did not accept the upload credentials (signature mismatch). This is a problem on our side; please contact support.",
        { ...base, retryable: false },
      );
  }
  if (status >= 500 || status === 429 || status === 408 || (s3 && SERVER_CODES.has(s3.code))) {
    return new UploadError(
      "server",
      `The storage is busy or had a problem (HTTP ${status}). Trying again usually works.`,
      { ...base, retryable: true },
    );
  }
  if (status >= 400) {
    return new UploadError(
      "bad-request",
      `The storage rejected the upload request (HTTP ${status}${s3 ? `, ${s3.code}` : ""}). This is a problem on our side; please contact support.`,
      { ...base, retryable: false },
    );
  }
  return new UploadError("unknown", `The storage gave an unexpected answer (HTTP ${status}).`, {
    ...base,
    retryable: false,
  });
}

/** F09: no HTTP answer at all. A browser reports a CORS refusal and a dropped line the same way. */
export function networkFailure(cause?: unknown): UploadError {
  return new UploadError(
    "network",
    "The upload was blocked by the storage endpoint or the network: no answer came back. Check your connection; if it keeps happening, the storage may not accept uploads from this site.",
    { retryable: true, status: 0, cause },
  );
}
