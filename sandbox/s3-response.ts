import type { ServerResponse } from "node:http";
import type { requestIds, S3Error } from "./s3-errors";
import { errorXml, xmlDocument } from "./s3-errors";

export type Ids = ReturnType<typeof requestIds>;

export function sendS3Error(res: ServerResponse, error: S3Error, ids: Ids, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const body = errorXml(error, ids);
  res.writeHead(error.status, {
    "Content-Type": "application/xml",
    "Content-Length": Buffer.byteLength(body),
    "x-amz-request-id": ids.requestId,
    "x-amz-id-2": ids.hostId,
    ...(close ? { Connection: "close" } : {}),
  });
  res.end(body);
}

type Success = {
  location: string;
  bucket: string;
  key: string;
  etag: string;
  /** The form's success_action_status and success_action_redirect values. */
  status: string | undefined;
  redirect: string | undefined;
};

/** S3's success answer: a 303 to a non-empty redirect, else 201 XML, 200, or 204 (the default). */
export function sendS3Success(res: ServerResponse, ids: Ids, success: Success): void {
  const { location, bucket, key, etag, status, redirect } = success;
  const headers = { ETag: etag, Location: location, "x-amz-request-id": ids.requestId };
  const target = redirect ? URL.parse(redirect) : null;
  if (target) {
    target.searchParams.set("bucket", bucket);
    target.searchParams.set("key", key);
    target.searchParams.set("etag", etag);
    res.writeHead(303, { ...headers, Location: target.toString(), "Content-Length": 0 });
    return void res.end();
  }
  if (status === "201") {
    const body = xmlDocument("PostResponse", {
      Location: location,
      Bucket: bucket,
      Key: key,
      ETag: etag,
    });
    res.writeHead(201, {
      ...headers,
      "Content-Type": "application/xml",
      "Content-Length": Buffer.byteLength(body),
    });
    return void res.end(body);
  }
  res.writeHead(status === "200" ? 200 : 204, { ...headers, "Content-Length": 0 });
  res.end();
}
