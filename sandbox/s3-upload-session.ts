import busboy from "busboy";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Sandbox } from "./context";
import type { UploadFault } from "./faults";
import { drain } from "./http-util";
import { watchIdle } from "./idle-watch";
import type { S3Error } from "./s3-errors";
import { s3Errors } from "./s3-errors";
import { boundaryOf, fileParts } from "./s3-form-parts";
import { faultMeter, FileMeter } from "./s3-meter";
import type { Accepted } from "./s3-policy";
import { checkPostFields } from "./s3-policy";
import type { Ids } from "./s3-response";
import { sendS3Error, sendS3Success } from "./s3-response";
import { newId } from "./store";

// S3 caps the form fields that precede the file at 20 KB.
const PRE_DATA_LIMIT = 20 * 1024;

/** One upload that passed the header checks: the form streamed through busboy to disk. */
export class UploadSession {
  private fields = new Map<string, string>();
  private preBytes = 0;
  private fileSeen = false;
  private rejection: S3Error | undefined;
  private accepted: Accepted | undefined;
  private partPath: string | undefined;
  private written: Promise<{ size: number; etag: string }> | undefined;
  private done = false;
  private fileStream: Readable | undefined;
  private fault: UploadFault | undefined;
  private readonly contentLength: number;

  constructor(
    private sb: Sandbox,
    private req: IncomingMessage,
    private res: ServerResponse,
    private bucket: string,
    private ids: Ids,
  ) {
    this.contentLength = Number(req.headers["content-length"]);
  }

  start(): void {
    watchIdle(this.req, this.sb.config.uploadIdleTimeoutMs, () => void this.timedOut());
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: this.req.headers,
        limits: { fieldSize: PRE_DATA_LIMIT + 1, fieldNameSize: 1024 },
        highWaterMark: 1 << 18,
        fileHwm: 1 << 18,
      });
    } catch {
      void drain(this.req).then(() => sendS3Error(this.res, s3Errors.malformed(), this.ids));
      return;
    }
    parser.on("field", (name, value, info) => this.onField(name, value, info.valueTruncated));
    parser.on("file", (name, stream) => this.onFile(name, stream));
    parser.on("close", () => void this.onBodyEnd());
    parser.on("error", () => void this.fail(s3Errors.malformed()));
    this.req.on("close", () => {
      if (!this.req.complete) void this.abort();
    });

    this.fault = this.sb.faults.takeUpload();
    let source: Readable = this.req;
    if (this.fault && !("neverAnswer" in this.fault)) {
      source = this.req.pipe(
        faultMeter(this.fault, this.contentLength, () => this.req.socket.destroy()),
      );
    }
    const boundary = boundaryOf(this.req.headers["content-type"] ?? "");
    (boundary === undefined ? source : source.pipe(fileParts(boundary))).pipe(parser);
  }

  private onField(name: string, value: string, truncated: boolean): void {
    if (this.fileSeen) return;
    this.preBytes += name.length + Buffer.byteLength(value);
    if (truncated || this.preBytes > PRE_DATA_LIMIT) this.rejection ??= s3Errors.preDataTooLarge();
    this.fields.set(name.toLowerCase(), value);
  }

  private onFile(name: string, stream: Readable): void {
    if (this.fileSeen || this.rejection) return void stream.resume();
    this.fileSeen = true;
    if (name.toLowerCase() !== "file") {
      this.rejection = s3Errors.noFile();
      return void stream.resume();
    }
    const { signing, config } = this.sb;
    const result = checkPostFields(
      this.fields,
      this.bucket,
      signing,
      new Date(),
      config.maxUploadBytes,
    );
    if ("code" in result) {
      this.rejection = result;
      return void stream.resume();
    }
    this.accepted = result;
    const partPath = path.join(this.sb.store.incomingDir, `${newId()}.part`);
    this.partPath = partPath;
    this.fileStream = stream;
    const meter = new FileMeter(result.maxBytes, () => this.tooLarge(result.maxBytes));
    const out = createWriteStream(partPath, { highWaterMark: 1 << 18 });
    this.written = pipeline(stream, meter, out).then(() => ({
      size: meter.bytes,
      etag: meter.etag(),
    }));
    this.written.catch(() => undefined);
  }

  // EntityTooLarge may answer before the body ends, as S3 does; the connection is then closed.
  private tooLarge(maxBytes: number): void {
    if (this.done) return;
    this.done = true;
    this.req.unpipe();
    this.req.resume();
    void this.cleanup();
    sendS3Error(this.res, s3Errors.tooLarge(this.contentLength, maxBytes), this.ids, true);
    setTimeout(() => this.req.socket.destroy(), 1000).unref();
  }

  private async onBodyEnd(): Promise<void> {
    if (this.done) return;
    if (this.rejection) return this.fail(this.rejection);
    if (!this.fileSeen || !this.accepted || !this.written) {
      const { signing, config } = this.sb;
      const check = checkPostFields(
        this.fields,
        this.bucket,
        signing,
        new Date(),
        config.maxUploadBytes,
      );
      return this.fail("code" in check ? check : s3Errors.noFile());
    }
    let written: { size: number; etag: string };
    try {
      written = await this.written;
    } catch {
      return this.fail({
        status: 500,
        code: "InternalError",
        message: "We encountered an internal error. Please try again.",
      });
    }
    if (this.done) return;
    if (written.size < this.accepted.minBytes) {
      return this.fail(s3Errors.tooSmall(written.size, this.accepted.minBytes));
    }
    this.done = true;
    await this.sb.processing.acceptUpload(this.accepted.key, this.partPath!, written.size);
    if (this.fault && "neverAnswer" in this.fault) return;
    const key = this.accepted.key;
    sendS3Success(this.res, this.ids, {
      location: `${this.sb.publicUrl}/s3/${this.bucket}/${encodeURIComponent(key)}`,
      bucket: this.bucket,
      key,
      etag: written.etag,
      status: this.fields.get("success_action_status"),
      redirect: this.fields.get("success_action_redirect"),
    });
  }

  private async fail(error: S3Error): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.cleanup();
    // Fields-based rejections answer only after the whole body is read, so browsers see the XML.
    await drain(this.req);
    sendS3Error(this.res, error, this.ids);
  }

  // S3's RequestTimeout: the client stopped sending before the body ended, or while a rejection
  // waited for the rest of it. Any partial file goes; the connection is closed after the answer.
  private async timedOut(): Promise<void> {
    this.done = true;
    this.req.unpipe();
    this.fileStream?.destroy(new Error("timed out"));
    await this.cleanup();
    sendS3Error(this.res, s3Errors.requestTimeout(), this.ids, true);
  }

  // The client went away (or a drop fault cut it off): the parser will never finish this file.
  private async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.fileStream?.destroy(new Error("aborted"));
    await this.cleanup();
  }

  private async cleanup(): Promise<void> {
    if (!this.partPath) return;
    await this.written?.catch(() => undefined);
    await rm(this.partPath, { force: true });
  }
}
