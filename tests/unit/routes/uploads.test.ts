import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/uploads/route";
import {
  VIDEO_ID,
  credentialsReply,
  hang,
  jsonReply,
  policyFor,
  stubFetch,
} from "../vdocipher/fetch-stub";
import { callRoute, captureErrors, errorCode } from "./route-call";

beforeAll(() => {
  vi.stubEnv("UPSTREAM_TIMEOUT_MS", "100");
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const upload = (body: string) => callRoute(POST, { method: "POST", path: "/api/uploads", body });

describe("POST /api/uploads", () => {
  it("answers 201 with the ticket, uncached", async () => {
    const reply = credentialsReply(policyFor("2026-12-03T18:00:00.000Z"));
    const calls = stubFetch(() => jsonReply(reply));
    const { response, body } = await upload(
      JSON.stringify({ title: "  My trip  ", folderId: "root" }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { uploadLink, ...fields } = reply.clientPayload;
    expect(body).toStrictEqual({
      videoId: VIDEO_ID,
      uploadLink,
      fields,
      expiresAt: "2026-12-03T18:00:00.000Z",
    });
    expect(calls[0]?.url.searchParams.get("title")).toBe("My trip");
    expect(calls[0]?.url.searchParams.get("folderId")).toBe("root");
  });

  it("accepts a 250-character title in any script", async () => {
    const calls = stubFetch(() =>
      jsonReply(credentialsReply(policyFor("2026-12-03T18:00:00.000Z"))),
    );
    const title = "日本語🎬".repeat(50);
    expect(title.length).toBe(250);
    const { response } = await upload(JSON.stringify({ title }));
    expect(response.status).toBe(201);
    expect(calls[0]?.url.searchParams.get("title")).toBe(title);
  });

  it.each([
    ["not JSON", "{title:"],
    ["an empty body", ""],
  ])("answers 400 invalid_json for %s", async (_name, body) => {
    const calls = stubFetch(() => jsonReply({}));
    const result = await upload(body);
    expect(result.response.status).toBe(400);
    expect(errorCode(result.body)).toBe("invalid_json");
    expect(calls).toHaveLength(0);
  });

  it.each([
    ["a missing title", {}],
    ["a number title", { title: 42 }],
    ["an empty title", { title: "" }],
    ["a blank title", { title: " \n\t " }],
    ["a 10,000-character title", { title: "a".repeat(10_000) }],
    ["a bad folder id", { title: "t", folderId: "../etc" }],
    ["an array body", [{ title: "t" }]],
    ["a null body", null],
  ])(
    "answers 422 invalid_request with issues for %s, without calling upstream",
    async (_name, input) => {
      const calls = stubFetch(() => jsonReply({}));
      const result = await upload(JSON.stringify(input));
      expect(result.response.status).toBe(422);
      expect(errorCode(result.body)).toBe("invalid_request");
      const error = result.body?.error as { issues: unknown[]; message: string };
      expect(error.issues.length).toBeGreaterThan(0);
      expect(error.message.length).toBeGreaterThan(0);
      expect(calls).toHaveLength(0);
    },
  );

  it("hides a refused secret behind 502 and logs it on the server", async () => {
    const log = captureErrors();
    stubFetch(() => jsonReply({ message: "Invalid Apisecret sandbox-secret" }, 401));
    const { response, text } = await upload(JSON.stringify({ title: "t" }));
    expect(response.status).toBe(502);
    expect(JSON.parse(text)).toMatchObject({ error: { code: "upstream_error" } });
    expect(text).not.toMatch(/apisecret|sandbox-secret|401/i);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/VDOCIPHER_API_SECRET/);
  });

  it("answers 429 with Retry-After when upstream throttles", async () => {
    stubFetch(() => jsonReply({ message: "Too many" }, 429, { "Retry-After": "12" }));
    const { response, body } = await upload(JSON.stringify({ title: "t" }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("12");
    expect(errorCode(body)).toBe("rate_limited");
  });

  it.each([
    ["a 5xx", () => jsonReply({ message: "internal stack at X" }, 500), 502, "upstream_error"],
    ["malformed JSON", () => new Response("{", { status: 200 }), 502, "upstream_error"],
    [
      "an unreachable upstream",
      () => Promise.reject(new TypeError("fetch failed")),
      502,
      "upstream_error",
    ],
  ] as const)("maps %s to %i %s without upstream text", async (_name, reply, status, code) => {
    captureErrors();
    stubFetch(reply);
    const { response, text, body } = await upload(JSON.stringify({ title: "t" }));
    expect(response.status).toBe(status);
    expect(errorCode(body)).toBe(code);
    expect(text).not.toMatch(/stack|fetch failed/);
  });

  it("maps an upstream timeout to 504", async () => {
    captureErrors();
    stubFetch(hang);
    const { response, body } = await upload(JSON.stringify({ title: "t" }));
    expect(response.status).toBe(504);
    expect(errorCode(body)).toBe("upstream_timeout");
  });
});
