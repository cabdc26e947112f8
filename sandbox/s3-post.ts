import type { IncomingMessage, ServerResponse } from "node:http";
import type { Sandbox } from "./context";
import { applyBucketCors } from "./cors";
import { drain } from "./http-util";
import { watchIdle } from "./idle-watch";
import type { S3Error } from "./s3-errors";
import { requestIds, s3Errors } from "./s3-errors";
import { sendS3Error } from "./s3-response";
import { UploadSession } from "./s3-upload-session";
import { BUCKET } from "./sigv4";

/** POST /s3/<bucket>: a SigV4 browser-form upload, as strict as S3, streamed to disk. */
export async function handleS3Post(
  sb: Sandbox,
  req: IncomingMessage,
  res: ServerResponse,
  bucket: string,
): Promise<void> {
  applyBucketCors(req, res, sb.config.allowedOrigins);
  const ids = requestIds();
  const type = req.headers["content-type"] ?? "";
  let early: S3Error | undefined;
  if (bucket !== BUCKET) early = s3Errors.noSuchBucket(bucket);
  else if (!/^multipart\/form-data\s*;.*\bboundary=\S/i.test(type)) early = s3Errors.malformed();
  else if (req.headers["content-length"] === undefined) early = s3Errors.missingLength();
  if (early) {
    const stopIdle = watchIdle(req, sb.config.uploadIdleTimeoutMs, () =>
      sendS3Error(res, s3Errors.requestTimeout(), ids, true),
    );
    await drain(req);
    stopIdle();
    return sendS3Error(res, early, ids);
  }
  new UploadSession(sb, req, res, bucket, ids).start();
}
