import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { newId } from "./store";

/**
 * Streams `url` to `dest` (via a temp file), returning its size, or undefined when the download
 * fails, answers non-2xx, is empty, or exceeds `maxBytes`.
 */
export async function downloadTo(
  url: string,
  tmpDir: string,
  dest: string,
  maxBytes: number,
  signal: AbortSignal,
): Promise<number | undefined> {
  const temp = path.join(tmpDir, `${newId()}.import`);
  try {
    const response = await fetch(url, { signal, redirect: "follow" });
    if (!response.ok || !response.body) return undefined;
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(size > maxBytes ? new Error("too large") : undefined, chunk);
      },
    });
    const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
    await pipeline(body, limit, createWriteStream(temp), { signal });
    if (size === 0) return undefined;
    await mkdir(path.dirname(dest), { recursive: true });
    await rename(temp, dest);
    return size;
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  } finally {
    await rm(temp, { force: true });
  }
}

/** Same rule as VdoCipher: HTTP(S) or FTP, never a YouTube page. */
export function importableUrl(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return undefined;
  }
  if (!["http:", "https:", "ftp:"].includes(parsed.protocol)) return undefined;
  if (/(^|\.)(youtube\.com|youtu\.be)$/i.test(parsed.hostname)) return undefined;
  return parsed.toString();
}
