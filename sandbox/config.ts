import { accessSync, constants } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type SandboxOptions = {
  port?: number;
  host?: string;
  dataDir?: string;
  apiSecret?: string;
  allowedOrigins?: string[];
  minProcessingMs?: number;
  maxUploadBytes?: number;
  /** S3's RequestTimeout: an upload whose client sends nothing for this long is answered 400; 0 = never. */
  uploadIdleTimeoutMs?: number;
  /** Base URL written into upload links, poster and player URLs; defaults to the listening address. */
  publicUrl?: string;
  ffmpegPath?: string;
  ffprobePath?: string;
};

export type SandboxConfig = Required<Omit<SandboxOptions, "publicUrl">> & { publicUrl?: string };

export const GIB = 1024 ** 3;

export function resolveConfig(options: SandboxOptions): SandboxConfig {
  return {
    port: options.port ?? 4100,
    host: options.host ?? "127.0.0.1",
    dataDir: path.resolve(options.dataDir ?? ".sandbox"),
    apiSecret: options.apiSecret ?? "sandbox-secret",
    allowedOrigins: options.allowedOrigins ?? ["http://localhost:3000", "http://127.0.0.1:3000"],
    minProcessingMs: options.minProcessingMs ?? 2000,
    maxUploadBytes: options.maxUploadBytes ?? 5 * GIB,
    uploadIdleTimeoutMs: options.uploadIdleTimeoutMs ?? 20_000,
    publicUrl: options.publicUrl,
    ffmpegPath: options.ffmpegPath ?? findTool("ffmpeg", "@ffmpeg-installer/ffmpeg"),
    ffprobePath: options.ffprobePath ?? findTool("ffprobe", "@ffprobe-installer/ffprobe"),
  };
}

function intFrom(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  }
  return parsed;
}

/** Reads the SANDBOX_* variables; an empty value counts as unset. */
export function optionsFromEnv(source: NodeJS.ProcessEnv): SandboxOptions {
  const text = (name: string) => (source[name] === "" ? undefined : source[name]);
  return {
    port: intFrom(source.SANDBOX_PORT, "SANDBOX_PORT"),
    host: text("SANDBOX_HOST"),
    dataDir: text("SANDBOX_DATA_DIR"),
    apiSecret: text("SANDBOX_API_SECRET"),
    allowedOrigins: text("SANDBOX_ALLOWED_ORIGINS")
      ?.split(",")
      .map((origin) => origin.trim().replace(/\/+$/, ""))
      .filter(Boolean),
    minProcessingMs: intFrom(source.SANDBOX_MIN_PROCESSING_MS, "SANDBOX_MIN_PROCESSING_MS"),
    maxUploadBytes: intFrom(source.SANDBOX_MAX_UPLOAD_BYTES, "SANDBOX_MAX_UPLOAD_BYTES"),
    uploadIdleTimeoutMs: intFrom(
      source.SANDBOX_UPLOAD_IDLE_TIMEOUT_MS,
      "SANDBOX_UPLOAD_IDLE_TIMEOUT_MS",
    ),
    publicUrl: text("SANDBOX_PUBLIC_URL")?.replace(/\/+$/, ""),
    ffmpegPath: text("FFMPEG_PATH"),
    ffprobePath: text("FFPROBE_PATH"),
  };
}

// PATH first (a system build is usually newer), then the binary an npm package ships, so that
// `npm install` alone is enough on a machine without ffmpeg.
function findTool(name: string, npmPackage: string): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  try {
    const shipped = createRequire(import.meta.url)(npmPackage) as { path: string };
    return shipped.path;
  } catch {
    return name;
  }
}
