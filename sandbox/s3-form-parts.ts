import { Transform } from "node:stream";
import type { TransformCallback } from "node:stream";

// Larger part headers are passed on untouched: the multipart parser rejects them anyway.
const MAX_HEADER_BYTES = 16 * 1024;
const HEADER_END = Buffer.from("\r\n\r\n");
const FILE_DISPOSITION = 'Content-Disposition: form-data; name="file"; filename="file"';

/** The boundary of a multipart Content-Type, quoted or not. */
export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * S3 takes the part named `file` as the upload whatever its filename, even none or an empty one;
 * busboy calls a part a file only when it has a filename. This pass-through gives such a part one
 * before busboy sees it. It reads part headers only up to the first file part: S3 ignores every
 * part after the file, so the file's bytes stream through unexamined.
 */
export function fileParts(boundary: string): Transform {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // A body opens with `--boundary`; a virtual leading CRLF lets one search find it like the rest.
  let pending = Buffer.from("\r\n");
  let virtual = 2;
  let state: "body" | "header" | "through" = "body";

  // Emits pending[virtual, cut) and keeps the rest.
  const emit = (stream: Transform, cut: number) => {
    if (cut > virtual) stream.push(pending.subarray(virtual, cut));
    virtual = Math.max(0, virtual - cut);
    pending = pending.subarray(cut);
  };

  // One parsing step; false when more input is needed.
  const step = (stream: Transform): boolean => {
    if (state === "body") {
      const at = pending.indexOf(delimiter);
      if (at === -1) {
        emit(stream, Math.max(0, pending.length - delimiter.length + 1));
        return false;
      }
      emit(stream, at + delimiter.length);
      state = "header";
      return true;
    }
    if (pending.length < 2) return false;
    const end = pending.indexOf(HEADER_END);
    if (
      pending.subarray(0, 2).toString() === "--" ||
      (end === -1 && pending.length > MAX_HEADER_BYTES)
    ) {
      state = "through";
      return true;
    }
    if (end === -1) return false;
    const { text, isFile } = fileHeader(pending.subarray(0, end).toString("latin1"));
    stream.push(Buffer.from(text, "latin1"));
    pending = pending.subarray(end);
    state = isFile ? "through" : "body";
    return true;
  };

  // `step` moves the state on; read it through a call so the checks below are not narrowed away.
  const through = () => state === "through";
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (through()) return callback(undefined, chunk);
      pending = Buffer.concat([pending, chunk]);
      while (!through() && step(this));
      if (through()) emit(this, pending.length);
      callback();
    },
    flush(callback: TransformCallback) {
      emit(this, pending.length);
      callback();
    },
  });
}

/** A part's header block, with a filename added when the part is `file`; and whether it is a file. */
function fileHeader(block: string): { text: string; isFile: boolean } {
  const lines = block.split("\r\n");
  const index = lines.findIndex((line) => /^content-disposition\s*:/i.test(line));
  const params = new Map<string, string>();
  for (const [, key, quoted, bare] of (lines[index] ?? "").matchAll(
    /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g,
  )) {
    params.set(key!.toLowerCase(), (quoted ?? bare ?? "").trim());
  }
  const named = params.get("name")?.toLowerCase() === "file";
  // RFC 5987 `filename*=charset'lang'value`: only the value counts.
  const extended = params.get("filename*")?.replace(/^[^']*'[^']*'/, "");
  const hasFilename = Boolean(params.get("filename") || extended);
  if (named && !hasFilename) lines[index] = FILE_DISPOSITION;
  return { text: lines.join("\r\n"), isFile: named || hasFilename };
}
