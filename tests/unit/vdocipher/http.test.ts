import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { vdoRequest } from "@/lib/vdocipher/http";
import { VdoCipherError } from "@/lib/vdocipher/errors";
import { API, hang, jsonReply, stubFetch } from "./fetch-stub";

const okSchema = z.object({ ok: z.boolean() });

beforeAll(() => {
  // Read on the first env() call of this file's module graph, so the timeout test stays quick.
  vi.stubEnv("UPSTREAM_TIMEOUT_MS", "150");
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function failure(promise: Promise<unknown>): Promise<VdoCipherError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(VdoCipherError);
  return error as VdoCipherError;
}

describe("vdoRequest", () => {
  it("sends the secret, asks for JSON, bypasses every cache and sets a timeout signal", async () => {
    const calls = stubFetch(() => jsonReply({ ok: true }));
    await expect(
      vdoRequest("POST", "/videos/x/otp", okSchema, {
        query: { a: "b c", skip: undefined },
        body: { ttl: 1 },
      }),
    ).resolves.toEqual({ ok: true });
    const [call] = calls;
    expect(call?.method).toBe("POST");
    expect(call?.url.href).toBe(`${API}/videos/x/otp?a=b+c`);
    expect(call?.headers.get("authorization")).toBe("Apisecret sandbox-secret");
    expect(call?.headers.get("accept")).toBe("application/json");
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(call?.body).toBe('{"ttl":1}');
    expect(call?.init.cache).toBe("no-store");
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it("sends no body and no Content-Type without a body", async () => {
    const calls = stubFetch(() => jsonReply({ ok: true }));
    await vdoRequest("GET", "/videos", okSchema);
    expect(calls[0]?.body).toBeUndefined();
    expect(calls[0]?.headers.has("content-type")).toBe(false);
  });

  it("gives up after the configured timeout with upstream_timeout", async () => {
    stubFetch(hang);
    const started = Date.now();
    const error = await failure(vdoRequest("GET", "/videos", okSchema));
    expect(error.code).toBe("upstream_timeout");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("honours a per-call timeout", async () => {
    stubFetch(hang);
    const started = Date.now();
    expect((await failure(vdoRequest("GET", "/videos", okSchema, { timeoutMs: 20 }))).code).toBe(
      "upstream_timeout",
    );
    expect(Date.now() - started).toBeLessThan(140);
  });

  it("turns a network failure into upstream_error", async () => {
    stubFetch(() => Promise.reject(new TypeError("fetch failed")));
    expect((await failure(vdoRequest("GET", "/videos", okSchema))).code).toBe("upstream_error");
  });

  it.each([
    [401, "unauthenticated"],
    [403, "unauthenticated"],
    [404, "not_found"],
    [400, "invalid_request"],
    [422, "invalid_request"],
    [409, "upstream_error"],
    [500, "upstream_error"],
    [503, "upstream_error"],
  ] as const)(
    "maps HTTP %i to %s and keeps upstream's message for the log",
    async (status, code) => {
      stubFetch(() => jsonReply({ message: `upstream says ${status}` }, status));
      const error = await failure(vdoRequest("GET", "/videos", okSchema));
      expect(error.code).toBe(code);
      expect(error.details.status).toBe(status);
      expect(error.details.upstreamMessage).toBe(`upstream says ${status}`);
    },
  );

  it("reads a 404 on a path naming no single video as an upstream failure, not a missing video", async () => {
    stubFetch(() => jsonReply({ message: "Not Found" }, 404));
    const error = await failure(vdoRequest("GET", "/videos", okSchema, { collection: true }));
    expect(error.code).toBe("upstream_error");
    expect(error.details.status).toBe(404);
  });

  it("tolerates error bodies that are not JSON or have no message", async () => {
    stubFetch(() => new Response("<html>Bad Gateway</html>", { status: 502 }));
    const html = await failure(vdoRequest("GET", "/videos", okSchema));
    expect(html.code).toBe("upstream_error");
    expect(html.details.upstreamMessage).toBe("<html>Bad Gateway</html>");

    stubFetch(() => jsonReply({ detail: "nope" }, 401));
    const bare = await failure(vdoRequest("GET", "/videos", okSchema));
    expect(bare.code).toBe("unauthenticated");
  });

  it("reads Retry-After from a 429 in seconds or as a date, with a default", async () => {
    stubFetch(() => jsonReply({ message: "slow down" }, 429, { "Retry-After": "7" }));
    const seconds = await failure(vdoRequest("GET", "/videos", okSchema));
    expect(seconds.code).toBe("rate_limited");
    expect(seconds.details.retryAfterSeconds).toBe(7);

    const at = new Date(Date.now() + 30_000).toUTCString();
    stubFetch(() => jsonReply({}, 429, { "Retry-After": at }));
    const date = await failure(vdoRequest("GET", "/videos", okSchema));
    expect(date.details.retryAfterSeconds).toBeGreaterThan(25);
    expect(date.details.retryAfterSeconds).toBeLessThanOrEqual(30);

    stubFetch(() => jsonReply({}, 429));
    expect((await failure(vdoRequest("GET", "/videos", okSchema))).details.retryAfterSeconds).toBe(
      5,
    );
  });

  it("rejects malformed JSON in a 200 as upstream_error", async () => {
    stubFetch(() => new Response("{not json", { status: 200 }));
    const error = await failure(vdoRequest("GET", "/videos", okSchema));
    expect(error.code).toBe("upstream_error");
    expect(error.message).toMatch(/malformed JSON/);
  });

  it("rejects a 200 of an unexpected shape as upstream_error", async () => {
    stubFetch(() => jsonReply({ ok: "yes" }));
    const error = await failure(vdoRequest("GET", "/videos", okSchema));
    expect(error.code).toBe("upstream_error");
    expect(error.message).toMatch(/unexpected shape/);
  });
});
