import { vi } from "vitest";

// A stand-in for global fetch that records each upstream request and answers from a function.

export const VIDEO_ID = "0123456789abcdef0123456789abcdef";
export const OTHER_ID = "fedcba9876543210fedcba9876543210";
export const API = "http://127.0.0.1:4100/api";

export type UpstreamCall = {
  method: string;
  url: URL;
  headers: Headers;
  body: string | undefined;
  init: RequestInit;
};

export function stubFetch(respond: (call: UpstreamCall) => Response | Promise<Response>) {
  const calls: UpstreamCall[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: string | URL, init: RequestInit = {}) => {
      const call: UpstreamCall = {
        method: init.method ?? "GET",
        url: new URL(String(input)),
        headers: new Headers(init.headers),
        body: typeof init.body === "string" ? init.body : undefined,
        init,
      };
      calls.push(call);
      return respond(call);
    }),
  );
  return calls;
}

export function jsonReply(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/** Never answers; rejects with the signal's reason once the caller's timeout fires. */
export function hang(call: UpstreamCall): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const signal = call.init.signal;
    signal?.addEventListener("abort", () => reject(signal.reason));
  });
}

export function rawVideo(overrides: Record<string, unknown> = {}) {
  return {
    id: VIDEO_ID,
    title: "zoo.mp4",
    description: "",
    upload_time: 1519700000,
    length: 25,
    status: "ready",
    posters: [
      { width: 427, height: 240, posterUrl: "https://cdn.test/poster.240.jpeg" },
      { width: 854, height: 480, posterUrl: "https://cdn.test/poster.480.jpeg" },
    ],
    tags: ["abcd"],
    ...overrides,
  };
}

/** A base64 S3 POST policy like VdoCipher's, whose encoding contains `+` and `/`. */
export function policyFor(expiration: string) {
  const policy = Buffer.from(
    JSON.stringify({
      expiration,
      conditions: [
        { bucket: "vdo-ap-southeast" },
        ["starts-with", "$key", "orig/"],
        { pad: ">>>???" },
      ],
    }),
  ).toString("base64");
  if (!policy.includes("+") || !policy.includes("/"))
    throw new Error("the fixture policy must contain + and /");
  return policy;
}

export function credentialsReply(policy: string, videoId = VIDEO_ID) {
  return {
    clientPayload: {
      policy,
      key: `orig/${videoId}`,
      "x-amz-signature": "9f1c2e0b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e",
      "x-amz-algorithm": "AWS4-HMAC-SHA256",
      "x-amz-date": "20261203T170000Z",
      "x-amz-credential": "AKIAEXAMPLE/20261203/ap-southeast-1/s3/aws4_request",
      uploadLink: "https://vdo-ap-southeast.s3-accelerate.amazonaws.com",
    },
    videoId,
  };
}
