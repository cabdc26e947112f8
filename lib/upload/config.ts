import "@/lib/zod-config";
import { z } from "zod";

// Client-side upload settings. `NEXT_PUBLIC_*` values are inlined at build time, so each one is read
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

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const schema = z.object({
  NEXT_PUBLIC_MAX_UPLOAD_BYTES: optional(z.coerce.number().int().min(1).max(S3_POST_MAX_BYTES)),
  NEXT_PUBLIC_UPLOAD_CONCURRENCY: optional(z.coerce.number().int().min(1).max(6)),
  NEXT_PUBLIC_UPLOAD_MAX_FILES: optional(z.coerce.number().int().min(1).max(100)),
  NEXT_PUBLIC_UPLOAD_STALL_TIMEOUT_MS: optional(z.coerce.number().int().min(1000).max(600_000)),
});

export const uploadDefaults: UploadConfig = {
  maxBytes: S3_POST_MAX_BYTES,
  concurrency: 2,
  maxFiles: 20,
  stallTimeoutMs: 30_000,
};

export function parseUploadConfig(source: Record<string, string | undefined>): UploadConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid upload configuration: ${problems.join("; ")}`);
  }
  const raw = parsed.data;
  return {
    maxBytes: raw.NEXT_PUBLIC_MAX_UPLOAD_BYTES ?? uploadDefaults.maxBytes,
    concurrency: raw.NEXT_PUBLIC_UPLOAD_CONCURRENCY ?? uploadDefaults.concurrency,
    maxFiles: raw.NEXT_PUBLIC_UPLOAD_MAX_FILES ?? uploadDefaults.maxFiles,
    stallTimeoutMs: raw.NEXT_PUBLIC_UPLOAD_STALL_TIMEOUT_MS ?? uploadDefaults.stallTimeoutMs,
  };
}

export const uploadConfig: UploadConfig = parseUploadConfig({
  NEXT_PUBLIC_MAX_UPLOAD_BYTES: process.env.NEXT_PUBLIC_MAX_UPLOAD_BYTES,
  NEXT_PUBLIC_UPLOAD_CONCURRENCY: process.env.NEXT_PUBLIC_UPLOAD_CONCURRENCY,
  NEXT_PUBLIC_UPLOAD_MAX_FILES: process.env.NEXT_PUBLIC_UPLOAD_MAX_FILES,
  NEXT_PUBLIC_UPLOAD_STALL_TIMEOUT_MS: process.env.NEXT_PUBLIC_UPLOAD_STALL_TIMEOUT_MS,
});
