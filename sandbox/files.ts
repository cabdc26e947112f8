import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { decideRange, ifRangeHolds } from "./byte-range";
import { publicAssetHeaders } from "./cors";
import { sendText } from "./http-util";

/** Serves a file with HTTP range support as RFC 9110 has it (one range per response). */
export async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  type: string,
): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  publicAssetHeaders(res);
  if (!info) return sendText(res, 404, "Not found");
  const { size } = info;
  // Files here are written once, so size and mtime identify the bytes: a strong validator.
  const etag = `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const lastModified = info.mtime.toUTCString();
  res.setHeader("Accept-Ranges", "bytes");
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", "private, max-age=60");
  res.setHeader("ETag", etag);
  res.setHeader("Last-Modified", lastModified);

  // Range is defined for GET only; a failed If-Range asks for the whole current representation.
  const ranged =
    req.method === "GET" && ifRangeHolds(req.headers["if-range"]?.toString(), etag, lastModified);
  const range = ranged ? decideRange(req.headers.range, size) : ({ kind: "full" } as const);
  if (range.kind === "unsatisfiable") {
    res.setHeader("Content-Range", `bytes */${size}`);
    return sendText(res, 416, "Range Not Satisfiable");
  }
  const { start, end } = range.kind === "partial" ? range : { start: 0, end: size - 1 };
  if (range.kind === "partial") res.setHeader("Content-Range", `bytes ${start}-${end}/${size}`);
  res.writeHead(range.kind === "partial" ? 206 : 200, { "Content-Length": end - start + 1 });
  if (req.method === "HEAD" || size === 0) return void res.end();
  await pipeline(createReadStream(file, { start, end }), res).catch(() => undefined);
}
