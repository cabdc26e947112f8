import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClientError } from "@/lib/api-client";
import {
  ApiRequestError,
  browserUploadDeps,
  deleteVideo,
  fetchVideoStatus,
  requestUploadTicket,
} from "@/lib/upload/api";

const ID = "0123456789abcdef0123456789abcdef";

afterEach(() => vi.unstubAllGlobals());

function stub(response: () => Response | Promise<Response>) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => response());
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

const apiError = (status: number, code: string, message: string, headers?: HeadersInit) =>
  Response.json({ error: { code, message } }, { status, headers });

describe("requestUploadTicket", () => {
  it("POSTs the title as JSON, uncached, and returns the 201 ticket as is", async () => {
    const ticket = {
      videoId: ID,
      uploadLink: "http://s3/b",
      fields: { b: "2", a: "1" },
      expiresAt: "x",
    };
    const fetchMock = stub(() => Response.json(ticket, { status: 201 }));
    const result = await requestUploadTicket("My clip");
    expect(result).toEqual(ticket);
    expect(Object.keys(result.fields)).toEqual(["b", "a"]);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/api/uploads");
    expect(init).toMatchObject({
      method: "POST",
      cache: "no-store",
      body: '{"title":"My clip"}',
    });
    expect(init?.signal).toBeUndefined();
  });

  it("turns 429 rate_limited into a typed error with Retry-After", async () => {
    stub(() =>
      apiError(429, "rate_limited", "Too many uploads started.", { "Retry-After": "120" }),
    );
    const error = await requestUploadTicket("t").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({
      status: 429,
      code: "rate_limited",
      message: "Too many uploads started.",
      retryAfterSeconds: 120,
    });
  });

  it("keeps a generic message when the error body is not ours", async () => {
    stub(() => new Response("<html>502</html>", { status: 502 }));
    await expect(requestUploadTicket("t")).rejects.toMatchObject({
      status: 502,
      code: "http_error",
      message: expect.stringContaining("502"),
    });
  });

  it("reports an unreachable server as status 0, code network", async () => {
    stub(() => Promise.reject(new TypeError("fetch failed")));
    await expect(requestUploadTicket("t")).rejects.toMatchObject({ status: 0, code: "network" });
  });
});

describe("deleteVideo and fetchVideoStatus", () => {
  it("DELETEs the video, and a 404 counts as already deleted", async () => {
    const fetchMock = stub(() => apiError(404, "not_found", "No such video."));
    await expect(deleteVideo(ID)).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[0]?.[0]).toBe(`/api/videos/${ID}`);
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe("DELETE");
  });

  it("surfaces other delete failures", async () => {
    stub(() => apiError(403, "forbidden", "Not yours."));
    await expect(deleteVideo(ID)).rejects.toMatchObject({ status: 403, code: "forbidden" });
  });

  it("reads a video, null when it does not exist", async () => {
    stub(() => Response.json({ id: ID, status: "queued" }));
    expect(await fetchVideoStatus(ID)).toMatchObject({ status: "queued" });
    expect(await browserUploadDeps.getStatus!(ID)).toBe("queued");
    stub(() => apiError(404, "not_found", "No such video."));
    expect(await fetchVideoStatus(ID)).toBeNull();
    expect(await browserUploadDeps.getStatus!(ID)).toBeNull();
  });
});
