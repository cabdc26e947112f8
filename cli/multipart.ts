import { randomBytes } from "node:crypto";

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

/** The body's bytes, one chunk at a time; a file is never held in memory whole. */
export async function* bodyChunks(encoded: EncodedForm): AsyncGenerator<Uint8Array> {
  for (const part of encoded.parts) {
    if (part instanceof Uint8Array) {
      yield part;
      continue;
    }
    const reader = part.stream().getReader();
    try {
      for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
    } finally {
      // Also reached when the sender stops early: closes the file.
      await reader.cancel();
    }
  }
}
