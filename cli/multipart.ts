import { randomBytes } from "node:crypto";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { formatBytes } from "@/lib/format";

// Encodes a FormData as multipart/form-data with its exact length known up front: S3's POST
// rejects a chunked body, and Node's own encoder (fetch/undici) neither reports upload progress nor
// exposes the length. Values go out byte for byte (no newline normalisation), as the signed policy
// expects (F04); file parts are read from their Blob only while sending.

export type EncodedForm = {
  contentType: string;
  /** Bytes of the whole body, framing included. */
  length: number;
  /** The body, in order: framing and fields as bytes, files as Blobs to stream. */
  parts: ReadonlyArray<Uint8Array | Blob>;
};

const encoder = new TextEncoder();
const CRLF = "\r\n";

// The WHATWG multipart rule for names and filenames inside a quoted header parameter.
function escapeQuoted(value: string): string {
  return value.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");
}

export function encodeForm(form: FormData): EncodedForm {
  const boundary = `----cipherdrop-${randomBytes(16).toString("hex")}`;
  const parts: Array<Uint8Array | Blob> = [];
  let length = 0;
  const push = (part: Uint8Array | Blob) => {
    parts.push(part);
    length += part instanceof Uint8Array ? part.byteLength : part.size;
  };

  for (const [name, value] of form) {
    let head = `--${boundary}${CRLF}Content-Disposition: form-data; name="${escapeQuoted(name)}"`;
    if (typeof value === "string") {
      push(encoder.encode(`${head}${CRLF}${CRLF}${value}${CRLF}`));
      continue;
    }
    head += `; filename="${escapeQuoted(value.name)}"${CRLF}`;
    head += `Content-Type: ${value.type || "application/octet-stream"}${CRLF}${CRLF}`;
    push(encoder.encode(head));
    push(value);
    push(encoder.encode(CRLF));
  }
  push(encoder.encode(`--${boundary}--${CRLF}`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, length, parts };
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * The body's bytes, one chunk at a time; a file is never held in memory whole. With `filePath`
 * (where the form's file came from), the file is read straight from disk into two buffers used in
 * turn, the next read overlapping the send: Node's Blob reader costs several times the CPU, and
 * fresh buffers per chunk grow memory until a collection. A chunk's memory is therefore reused
 * once the chunk after it is requested: send (and flush) each chunk before asking for the next.
 */
export async function* bodyChunks(
  encoded: EncodedForm,
  filePath?: string,
): AsyncGenerator<Uint8Array> {
  for (const part of encoded.parts) {
    if (part instanceof Uint8Array) yield part;
    else if (filePath) yield* fileChunks(filePath, part.size);
    else yield* Readable.fromWeb(part.stream() as WebReadableStream<Uint8Array>);
  }
}

/** The file on disk no longer has the size it had when its upload began. */
export class FileChangedError extends Error {
  override name = "FileChangedError";

  constructor(was: number, now: number) {
    let [before, after] = [formatBytes(was), formatBytes(now)];
    if (before === after) [before, after] = [`${was} bytes`, `${now} bytes`];
    super(`The file changed size while uploading (${before}, now ${after}); not uploaded.`);
  }
}

async function* fileChunks(filePath: string, size: number): AsyncGenerator<Uint8Array> {
  const file = await open(filePath, "r");
  const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)] as const;
  const read = async (position: number, index: 0 | 1) => {
    const length = Math.min(CHUNK_BYTES, size - position);
    const { bytesRead } = await file.read(buffers[index], 0, length, position);
    // A file that shrank while being sent would otherwise end the body short of its length.
    if (bytesRead < length) throw new FileChangedError(size, (await file.stat()).size);
    return buffers[index].subarray(0, bytesRead);
  };
  try {
    let position = 0;
    let index: 0 | 1 = 0;
    let next = size > 0 ? read(0, 0) : null;
    while (next) {
      const chunk = await next;
      position += chunk.byteLength;
      index = index === 0 ? 1 : 0;
      next = position < size ? read(position, index) : null;
      // The read runs while this generator waits at `yield`; its failure is rethrown by the
      // `await` above, but until then nothing listens, and Node would end the process.
      next?.catch(() => undefined);
      yield chunk;
    }
    // A file that grew would go out cut at its old length and look uploaded. Checked after the last
    // chunk, while the body still lacks its closing boundary and storage cannot accept it.
    const now = (await file.stat()).size;
    if (now !== size) throw new FileChangedError(size, now);
  } finally {
    await file.close();
  }
}
