import { Transform } from "node:stream";
import type { TransformCallback } from "node:stream";
import { crc32 } from "node:zlib";
import { setTimeout as sleep } from "node:timers/promises";
import type { UploadFault } from "./faults";

/**
 * Counts and checksums the file part, failing as soon as it exceeds `maxBytes`. The ETag is opaque
 * (S3 documents it so; it is not an MD5 for multipart uploads either): a CRC-32 keeps the receiver
 * close to disk speed, where MD5 would halve it on a small machine.
 */
export class FileMeter extends Transform {
  bytes = 0;
  private crc = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly onTooLarge: () => void,
  ) {
    super({ highWaterMark: 1 << 18 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.onTooLarge();
      return callback(new Error("EntityTooLarge"));
    }
    this.crc = crc32(chunk, this.crc);
    callback(undefined, chunk);
  }

  etag(): string {
    const size = this.bytes.toString(16).padStart(24, "0");
    return `"${this.crc.toString(16).padStart(8, "0")}${size}"`;
  }
}

/**
 * Sits between the request and the multipart parser when an upload fault is active: throttles to
 * `bytesPerSecond`, or calls `onDrop` once `dropAfter` of the declared body has arrived.
 */
export function faultMeter(
  fault: UploadFault,
  contentLength: number,
  onDrop: () => void,
): Transform {
  let seen = 0;
  let dropped = false;
  const started = Date.now();
  if ("dropAfter" in fault) {
    const threshold = Math.floor(fault.dropAfter * contentLength);
    return new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        if (dropped) return callback();
        const room = threshold - seen;
        seen += chunk.length;
        if (seen < threshold) return callback(undefined, chunk);
        dropped = true;
        if (room > 0) this.push(chunk.subarray(0, room));
        onDrop();
        callback();
      },
    });
  }
  if ("bytesPerSecond" in fault) {
    const rate = fault.bytesPerSecond;
    const slice = Math.max(1024, Math.floor(rate / 10));
    return new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        void (async () => {
          for (let offset = 0; offset < chunk.length; offset += slice) {
            const part = chunk.subarray(offset, offset + slice);
            seen += part.length;
            const due = started + (seen / rate) * 1000 - Date.now();
            if (due > 0) await sleep(due);
            this.push(part);
          }
        })().then(() => callback(), callback);
      },
    });
  }
  return new Transform({ transform: (chunk, _encoding, callback) => callback(undefined, chunk) });
}
