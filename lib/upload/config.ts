// Client-side upload settings, parsed by hand: zod would add ~40 kB to the studio's first load. `NEXT_PUBLIC_*` values are inlined at build time, so each one is read
// with its literal name below (a dynamic `process.env[name]` would be undefined in the browser).

const GIB = 1024 ** 3;

/** S3 caps a single POST upload at 5 GiB; a larger configured limit could only fail at storage. */
export const S3_POST_MAX_BYTES = 5 * GIB;

export type UploadConfig = {
  /** Largest file accepted at the dropzone, in bytes. */
  maxBytes: number;
  /** Uploads running at the same time. */
  concurrency: number;
  /** Files accepted from one drop or pick. */
  maxFiles: number;
  /** An upload with no progress (or no answer after the last byte) for this long is stalled. */
  stallTimeoutMs: number;
};

export const uploadDefaults: UploadConfig = {
  maxBytes: S3_POST_MAX_BYTES,
  concurrency: 2,
  maxFiles: 20,
  stallTimeoutMs: 30_000,
};

type Source = Record<string, string | undefined>;

function readInt(source: Source, name: string, min: number, max: number, problems: string[]) {
  const raw = source[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
    return undefined;
  }
  return value;
}

export function parseUploadConfig(source: Source): UploadConfig {
  const problems: string[] = [];
  const config: UploadConfig = {
    maxBytes:
      readInt(source, "NEXT_PUBLIC_MAX_UPLOAD_BYTES", 1, S3_POST_MAX_BYTES, problems) ??
      uploadDefaults.maxBytes,
    concurrency:
      readInt(source, "NEXT_PUBLIC_UPLOAD_CONCURRENCY", 1, 6, problems) ??
      uploadDefaults.concurrency,
    maxFiles:
      readInt(source, "NEXT_PUBLIC_UPLOAD_MAX_FILES", 1, 100, problems) ?? uploadDefaults.maxFiles,
    stallTimeoutMs:
      readInt(source, "NEXT_PUBLIC_UPLOAD_STALL_TIMEOUT_MS", 1000, 600_000, problems) ??
      uploadDefaults.stallTimeoutMs,
  };
  if (problems.length > 0) {
    throw new Error(`Invalid upload configuration: ${problems.join("; ")}`);
  }
  return config;
}

export const uploadConfig: UploadConfig = parseUploadConfig({
  NEXT_PUBLIC_MAX_UPLOAD_BYTES: process.env.NEXT_PUBLIC_MAX_UPLOAD_BYTES,
  NEXT_PUBLIC_UPLOAD_CONCURRENCY: process.env.NEXT_PUBLIC_UPLOAD_CONCURRENCY,
  NEXT_PUBLIC_UPLOAD_MAX_FILES: process.env.NEXT_PUBLIC_UPLOAD_MAX_FILES,
  NEXT_PUBLIC_UPLOAD_STALL_TIMEOUT_MS: process.env.NEXT_PUBLIC_UPLOAD_STALL_TIMEOUT_MS,
});
