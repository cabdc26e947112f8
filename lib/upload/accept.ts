import { formatBytes } from "@/lib/format";

// What the dropzone takes. Browsers leave `type` empty for many containers (.mkv, .MOV on some
// systems, .ts), so every type also lists its extensions; react-dropzone (attr-accept) compares
// extensions case-insensitively, so `.mov` covers `CLIP.MOV`.

/** The accept map for react-dropzone's `accept` prop (and, through it, the input's `accept`). */
export const videoAccept: Record<string, string[]> = {
  "video/*": [],
  "video/mp4": [".mp4", ".m4v"],
  "video/quicktime": [".mov", ".qt"],
  "video/x-matroska": [".mkv"],
  "video/webm": [".webm"],
  "video/x-msvideo": [".avi"],
  "video/x-ms-wmv": [".wmv"],
  "video/x-ms-asf": [".asf"],
  "video/x-flv": [".flv"],
  "video/x-f4v": [".f4v"],
  "video/mpeg": [".mpg", ".mpeg", ".m2v"],
  "video/mp2t": [".ts", ".mts", ".m2ts"],
  "video/3gpp": [".3gp"],
  "video/3gpp2": [".3g2"],
  "video/ogg": [".ogv"],
};

export const videoExtensions: readonly string[] = Object.values(videoAccept).flat();

const extensionSet = new Set(videoExtensions);

export type FileLike = { name: string; size: number; type: string };

export type RejectionCode = "not-video" | "empty" | "too-large" | "too-many";

export type UploadRejection<F extends FileLike = FileLike> = {
  file: F;
  code: RejectionCode;
  message: string;
};

export type ValidateOptions = {
  maxBytes: number;
  /** Most files one drop may add. */
  maxFiles: number;
  /** Files already counted against `maxFiles` (for a limit on the whole queue). */
  existingCount?: number;
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/** Same rule as the accept map: a `video/*` type, or a video extension whatever the type says. */
export function isVideoFile(file: Pick<FileLike, "name" | "type">): boolean {
  return file.type.toLowerCase().startsWith("video/") || extensionSet.has(extensionOf(file.name));
}

const GIB = 1024 ** 3;

function formatLimit(bytes: number): string {
  return bytes % GIB === 0 ? `${bytes / GIB} GiB` : formatBytes(bytes);
}

function formatDecimal(bytes: number): string {
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

function describeSize(bytes: number, limit: number): string {
  const binary = formatBytes(bytes);
  // Just over the limit both figures can round to the limit itself; then only bytes tell.
  if (binary === formatBytes(limit)) return `${bytes.toLocaleString("en-US")} bytes`;
  return `${formatDecimal(bytes)} (${binary})`;
}

function reject<F extends FileLike>(file: F, options: ValidateOptions): UploadRejection<F> | null {
  const name = `“${file.name}”`;
  if (!isVideoFile(file)) {
    return {
      file,
      code: "not-video",
      message: `${name} is not a video. Choose a video file such as .mp4, .mov, .mkv or .webm.`,
    };
  }
  if (file.size <= 0) {
    return {
      file,
      code: "empty",
      message: `${name} is empty (0 bytes), so there is nothing to upload. If it lives in a cloud drive, download it to this device first.`,
    };
  }
  if (file.size > options.maxBytes) {
    return {
      file,
      code: "too-large",
      message: `${name} is ${describeSize(file.size, options.maxBytes)}; the limit is ${formatLimit(options.maxBytes)} per video.`,
    };
  }
  return null;
}

/**
 * Sorts picked or dropped files into those to upload and those refused, each refusal with a
 * message for people; runs before any network call. Order is kept; when there are more valid
 * files than room (`maxFiles - existingCount`), the first ones are accepted.
 */
export function validateFiles<F extends FileLike>(
  files: readonly F[],
  options: ValidateOptions,
): { accepted: F[]; rejected: UploadRejection<F>[] } {
  const accepted: F[] = [];
  const rejected: UploadRejection<F>[] = [];
  let room = Math.max(0, options.maxFiles - (options.existingCount ?? 0));
  for (const file of files) {
    const refusal = reject(file, options);
    if (refusal) {
      rejected.push(refusal);
    } else if (room > 0) {
      accepted.push(file);
      room -= 1;
    } else {
      rejected.push({
        file,
        code: "too-many",
        message: `“${file.name}” was not added: at most ${options.maxFiles} videos can be added at a time.`,
      });
    }
  }
  return { accepted, rejected };
}
