import type { S3Error } from "./s3-errors";
import { s3Errors } from "./s3-errors";
import type { SigningKey } from "./sigv4";
import { ALGORITHM, parseCredential, signaturesEqual, signPolicy } from "./sigv4";

export type Accepted = { key: string; minBytes: number; maxBytes: number };

// Fields S3 never expects a policy condition for.
const EXEMPT = new Set(["policy", "x-amz-signature", "file"]);
const REQUIRED = [
  "key",
  "policy",
  "x-amz-algorithm",
  "x-amz-credential",
  "x-amz-date",
  "x-amz-signature",
];

/**
 * Checks the form fields that preceded the file the way S3 does for a SigV4 POST: required fields,
 * signature over the base64 policy, expiry, every condition, and no field left uncovered.
 * `fields` has lower-cased names; values are compared byte for byte.
 */
export function checkPostFields(
  fields: Map<string, string>,
  bucket: string,
  signing: SigningKey,
  now: Date,
  s3MaxBytes: number,
): Accepted | S3Error {
  for (const name of REQUIRED) if (!fields.has(name)) return s3Errors.fieldMissing(name);
  const get = (name: string) => fields.get(name) ?? "";

  if (get("x-amz-algorithm") !== ALGORITHM) return s3Errors.algorithm(get("x-amz-algorithm"));
  const credential = parseCredential(get("x-amz-credential"));
  if (!credential) return s3Errors.credential(get("x-amz-credential"));
  if (credential.accessKeyId !== signing.accessKeyId)
    return s3Errors.unknownKey(credential.accessKeyId);

  const policy = get("policy");
  const expected = signPolicy(
    signing.secretAccessKey,
    credential.date,
    credential.region,
    credential.service,
    policy,
  );
  if (!signaturesEqual(expected, get("x-amz-signature"))) {
    return s3Errors.signature(credential.accessKeyId);
  }

  const document = decodePolicy(policy);
  if (!document) return s3Errors.policyDocument();
  const expiration = Date.parse(document.expiration);
  if (Number.isNaN(expiration)) return s3Errors.policyDocument();
  if (expiration <= now.getTime()) return s3Errors.policy("Policy expired.");

  const covered = new Set<string>();
  let minBytes = 0;
  let maxBytes = s3MaxBytes;
  for (const condition of document.conditions) {
    const parsed = normalise(condition);
    if (!parsed) return s3Errors.policyDocument();
    if (parsed.op === "content-length-range") {
      minBytes = parsed.min;
      maxBytes = Math.min(parsed.max, s3MaxBytes);
      continue;
    }
    covered.add(parsed.field);
    const actual = parsed.field === "bucket" ? bucket : fields.get(parsed.field);
    const holds =
      actual !== undefined &&
      (parsed.op === "eq" ? actual === parsed.value : actual.startsWith(parsed.value));
    if (!holds) {
      return s3Errors.policy(
        `Policy Condition failed: ["${parsed.op}", "$${parsed.field}", "${parsed.value}"]`,
      );
    }
  }

  const extra = [...fields.keys()].filter(
    (name) => !EXEMPT.has(name) && !name.startsWith("x-ignore-") && !covered.has(name),
  );
  if (extra.length > 0) return s3Errors.policy(`Extra input fields: ${extra.join(", ")}`);

  return { key: get("key"), minBytes, maxBytes };
}

type PolicyDocument = { expiration: string; conditions: unknown[] };

function decodePolicy(policy: string): PolicyDocument | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(policy)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(policy, "base64").toString("utf8")) as unknown;
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { expiration, conditions } = parsed as Record<string, unknown>;
    if (typeof expiration !== "string" || !Array.isArray(conditions)) return undefined;
    return { expiration, conditions };
  } catch {
    return undefined;
  }
}

type Condition =
  | { op: "eq" | "starts-with"; field: string; value: string }
  | { op: "content-length-range"; min: number; max: number };

function normalise(condition: unknown): Condition | undefined {
  if (Array.isArray(condition)) {
    const [op, a, b] = condition as unknown[];
    if (op === "content-length-range" && typeof a === "number" && typeof b === "number") {
      return { op, min: a, max: b };
    }
    if ((op === "eq" || op === "starts-with") && typeof a === "string" && typeof b === "string") {
      return a.startsWith("$") ? { op, field: a.slice(1).toLowerCase(), value: b } : undefined;
    }
    return undefined;
  }
  if (typeof condition === "object" && condition !== null) {
    const entries = Object.entries(condition);
    const [entry] = entries;
    if (entries.length !== 1 || !entry || typeof entry[1] !== "string") return undefined;
    return { op: "eq", field: entry[0].toLowerCase(), value: entry[1] };
  }
  return undefined;
}
