import { afterEach, describe, expect, it, vi } from "vitest";
import { APP } from "./helpers";

async function load(vars: Record<string, string> = {}) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return import("@/lib/origin");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

function post(headers: Record<string, string>, url = `${APP}/api/uploads`, method = "POST") {
  return new Request(url, { method, headers });
}

describe("assertSameOrigin", () => {
  it("lets same-origin browser writes and cookie-less scripts through", async () => {
    const { assertSameOrigin } = await load();
    expect(() =>
      assertSameOrigin(post({ origin: APP, "sec-fetch-site": "same-origin" })),
    ).not.toThrow();
    expect(() => assertSameOrigin(post({ "sec-fetch-site": "same-origin" }))).not.toThrow();
    expect(() => assertSameOrigin(post({}))).not.toThrow();
    expect(() =>
      assertSameOrigin(post({ origin: "https://evil.example" }, APP, "GET")),
    ).not.toThrow();
  });

  it("refuses foreign, null and unparsable origins, and browser writes from other sites", async () => {
    const { assertSameOrigin } = await load();
    const cases: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "http://127.0.0.1:3311" },
      { origin: "https://127.0.0.1:3310" },
      { origin: "null" },
      { origin: "::" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of cases) {
      for (const method of ["POST", "PATCH", "DELETE"]) {
        expect(() => assertSameOrigin(post(headers, `${APP}/api/x`, method))).toThrow(
          expect.objectContaining({ code: "forbidden", status: 403 }),
        );
      }
    }
  });

  it("derives the app's origin from a proxy's forwarded host and protocol", async () => {
    const { appOrigin, assertSameOrigin } = await load();
    const request = post({
      host: "internal:3000",
      "x-forwarded-host": "videos.example.com",
      "x-forwarded-proto": "https",
      origin: "https://videos.example.com",
    });
    expect(appOrigin(request)).toBe("https://videos.example.com");
    expect(() => assertSameOrigin(request)).not.toThrow();
  });

  it("uses APP_ORIGIN when set, whatever the Host header says", async () => {
    const { assertSameOrigin } = await load({ APP_ORIGIN: "https://videos.example.com" });
    expect(() => assertSameOrigin(post({ origin: "https://videos.example.com" }))).not.toThrow();
    expect(() => assertSameOrigin(post({ origin: APP, host: "127.0.0.1:3310" }))).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
  });
});
