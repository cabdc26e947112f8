import { createHmac, timingSafeEqual } from "node:crypto";

export const ALGORITHM = "AWS4-HMAC-SHA256";
export const REGION = "us-east-1";
export const BUCKET = "vdo-sandbox-uploads";

export type SigningKey = { accessKeyId: string; secretAccessKey: string };

/** A stable AWS-style key derived from the API secret, so policies survive a restart. */
export function deriveSigningKey(apiSecret: string): SigningKey {
  const digest = createHmac("sha256", "cipherdrop-sandbox").update(apiSecret).digest();
  const accessKeyId = `AKIA${digest.subarray(0, 10).toString("hex").toUpperCase()}`.slice(0, 20);
  return { accessKeyId, secretAccessKey: digest.subarray(10).toString("base64") };
}

const hmac = (key: string | Buffer, data: string) =>
  createHmac("sha256", key).update(data).digest();

/** SigV4 signature of a POST policy: the string to sign is the base64 policy itself. */
export function signPolicy(
  secretAccessKey: string,
  date: string,
  region: string,
  service: string,
  policyBase64: string,
): string {
  const kDate = hmac(`AWS4${secretAccessKey}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  const kSigning = hmac(kService, "aws4_request");
  return createHmac("sha256", kSigning).update(policyBase64).digest("hex");
}

export function signaturesEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type Credential = { accessKeyId: string; date: string; region: string; service: string };

export function parseCredential(value: string): Credential | undefined {
  const parts = value.split("/");
  if (parts.length !== 5 || parts[4] !== "aws4_request") return undefined;
  const [accessKeyId, date, region, service] = parts as [string, string, string, string];
  if (!/^\d{8}$/.test(date) || !accessKeyId || !region || !service) return undefined;
  return { accessKeyId, date, region, service };
}

/** `yyyymmddThhmmssZ`, the x-amz-date format. */
export function amzDate(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

export type IssuedPolicy = {
  policy: string;
  key: string;
  "x-amz-signature": string;
  "x-amz-algorithm": string;
  "x-amz-date": string;
  "x-amz-credential": string;
};

export function issuePolicy(
  signing: SigningKey,
  key: string,
  ttlSeconds: number,
  maxBytes: number,
): IssuedPolicy {
  const now = new Date();
  const date = amzDate(now);
  const credential = `${signing.accessKeyId}/${date.slice(0, 8)}/${REGION}/s3/aws4_request`;
  const document = {
    expiration: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
    conditions: [
      { bucket: BUCKET },
      { key },
      { "x-amz-algorithm": ALGORITHM },
      { "x-amz-credential": credential },
      { "x-amz-date": date },
      { success_action_status: "201" },
      ["starts-with", "$success_action_redirect", ""],
      ["content-length-range", 1, maxBytes],
    ],
  };
  const policy = Buffer.from(JSON.stringify(document)).toString("base64");
  return {
    policy,
    key,
    "x-amz-signature": signPolicy(signing.secretAccessKey, date.slice(0, 8), REGION, "s3", policy),
    "x-amz-algorithm": ALGORITHM,
    "x-amz-date": date,
    "x-amz-credential": credential,
  };
}
