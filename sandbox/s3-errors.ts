import { randomBytes } from "node:crypto";

export type S3Error = {
  status: number;
  code: string;
  message: string;
  extra?: Record<string, string | number>;
};

const escapeXml = (value: string) =>
  value.replace(
    /[<>&'"]/g,
    (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[char]!,
  );

export function xmlDocument(root: string, fields: Record<string, string | number>): string {
  const body = Object.entries(fields)
    .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>${body}</${root}>`;
}

export function requestIds() {
  return {
    requestId: randomBytes(8).toString("hex").toUpperCase(),
    hostId: randomBytes(48).toString("base64"),
  };
}

export function errorXml(error: S3Error, ids: { requestId: string; hostId: string }): string {
  return xmlDocument("Error", {
    Code: error.code,
    Message: error.message,
    ...error.extra,
    RequestId: ids.requestId,
    HostId: ids.hostId,
  });
}

const fieldMissing = (name: string): S3Error => ({
  status: 400,
  code: "InvalidArgument",
  message: `Bucket POST must contain a field named '${name}'.  If it is specified, please check the order of the fields.`,
  extra: { ArgumentName: name, ArgumentValue: "" },
});

export const s3Errors = {
  fieldMissing,
  noFile: (): S3Error => ({
    status: 400,
    code: "InvalidArgument",
    message: "POST requires exactly one file upload per request.",
    extra: { ArgumentName: "file", ArgumentValue: "0" },
  }),
  malformed: (): S3Error => ({
    status: 400,
    code: "MalformedPOSTRequest",
    message: "The body of your POST request is not well-formed multipart/form-data.",
  }),
  missingLength: (): S3Error => ({
    status: 411,
    code: "MissingContentLength",
    message: "You must provide the Content-Length HTTP header.",
  }),
  preDataTooLarge: (): S3Error => ({
    status: 400,
    code: "MaxPostPreDataLengthExceeded",
    message: "Your POST request fields preceeding the upload file was too large.",
  }),
  algorithm: (value: string): S3Error => ({
    status: 400,
    code: "InvalidArgument",
    message: "Only AWS4-HMAC-SHA256 is supported for x-amz-algorithm.",
    extra: { ArgumentName: "x-amz-algorithm", ArgumentValue: value },
  }),
  credential: (value: string): S3Error => ({
    status: 400,
    code: "InvalidArgument",
    message: "Unable to parse the x-amz-credential field.",
    extra: { ArgumentName: "x-amz-credential", ArgumentValue: value },
  }),
  unknownKey: (accessKeyId: string): S3Error => ({
    status: 403,
    code: "InvalidAccessKeyId",
    message: "The AWS Access Key Id you provided does not exist in our records.",
    extra: { AWSAccessKeyId: accessKeyId },
  }),
  signature: (accessKeyId: string): S3Error => ({
    status: 403,
    code: "SignatureDoesNotMatch",
    message:
      "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
    extra: { AWSAccessKeyId: accessKeyId },
  }),
  policyDocument: (): S3Error => ({
    status: 400,
    code: "InvalidPolicyDocument",
    message: "Invalid Policy: Invalid JSON.",
  }),
  policy: (detail: string): S3Error => ({
    status: 403,
    code: "AccessDenied",
    message: `Invalid according to Policy: ${detail}`,
  }),
  tooSmall: (proposed: number, min: number): S3Error => ({
    status: 400,
    code: "EntityTooSmall",
    message: "Your proposed upload is smaller than the minimum allowed size",
    extra: { ProposedSize: proposed, MinSizeAllowed: min },
  }),
  tooLarge: (proposed: number, max: number): S3Error => ({
    status: 400,
    code: "EntityTooLarge",
    message: "Your proposed upload exceeds the maximum allowed size",
    extra: { ProposedSize: proposed, MaxSizeAllowed: max },
  }),
  requestTimeout: (): S3Error => ({
    status: 400,
    code: "RequestTimeout",
    message:
      "Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.",
  }),
  noSuchBucket: (bucket: string): S3Error => ({
    status: 404,
    code: "NoSuchBucket",
    message: "The specified bucket does not exist",
    extra: { BucketName: bucket },
  }),
  corsForbidden: (): S3Error => ({
    status: 403,
    code: "AccessForbidden",
    message:
      "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
  }),
};
