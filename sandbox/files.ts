import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { publicAssetHeaders } from "./cors";
import { sendText } from "./http-util";

/** Serves a file with HTTP range support (one range; 206, or 416 when unsatisfiable). */
export async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  type: string,
): Promise<void> {
  const size = await stat(file).then(
    (info) => info.size,
    () => undefined,
  );
  publicAssetHeaders(res);
  if (size === undefined) return sendText(res, 404, "Not found");
  res.setHeader("Accept-Ranges", "bytes");
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", "private, max-age=60");

  let start = 0;
  let end = size - 1;
  let status = 200;
  const range = req.headers.range;
  if (range) {
    const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    const from = match?.[1] ?? "";
    const to = match?.[2] ?? "";
    if (match && from !== "") {
      start = Number(from);
      end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
    } else if (match && to !== "") {
      start = Math.max(0, size - Number(to));
    }
    if (!match || (from === "" && to === "") || start > end || start >= size) {
      res.setHeader("Content-Range", `bytes */${size}`);
      return sendText(res, 416, "Range Not Satisfiable");
    }
    status = 206;
    res.setHeader("Content-Range", `bytes ${start}-${end}/${size}`);
  }
  res.writeHead(status, { "Content-Length": end - start + 1 });
  if (req.method === "HEAD") return void res.end();
  await pipeline(createReadStream(file, { start, end }), res).catch(() => undefined);
}
