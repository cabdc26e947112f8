import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/videos/route";
import { OTHER_ID, VIDEO_ID, jsonReply, rawVideo, stubFetch } from "../vdocipher/fetch-stub";
import { callRoute, errorCode } from "./route-call";

afterEach(() => {
  vi.unstubAllGlobals();
});

const list = (query: string) => callRoute(GET, { path: `/api/videos${query}` });

describe("GET /api/videos", () => {
  it("lists page 1 of 20 by default, normalised and uncached", async () => {
    const calls = stubFetch(() =>
      jsonReply({
        count: 2,
        rows: [rawVideo(), rawVideo({ id: OTHER_ID, status: "PRE-Upload", tags: null })],
      }),
    );
    const { response, body } = await list("");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(calls[0]?.url.searchParams.get("page")).toBe("1");
    expect(calls[0]?.url.searchParams.get("limit")).toBe("20");
    expect(body).toMatchObject({
      total: 2,
      page: 1,
      limit: 20,
      videos: [
        { id: VIDEO_ID, status: "ready" },
        { id: OTHER_ID, status: "awaiting-upload", upstreamStatus: "PRE-Upload" },
      ],
    });
  });

  it("passes page, limit and a trimmed search through", async () => {
    const calls = stubFetch(() => jsonReply({ count: 0, rows: [] }));
    const { response } = await list("?page=3&limit=100&q=%20zoo+trip%20");
    expect(response.status).toBe(200);
    expect(calls[0]?.url.searchParams.get("page")).toBe("3");
    expect(calls[0]?.url.searchParams.get("limit")).toBe("100");
    expect(calls[0]?.url.searchParams.get("q")).toBe("zoo trip");
  });

  it.each([
    "?page=0",
    "?page=-1",
    "?page=1.5",
    "?page=abc",
    "?limit=0",
    "?limit=1000",
    "?limit=x",
    `?q=${"a".repeat(251)}`,
  ])("answers 422 for %s without calling upstream", async (query) => {
    const calls = stubFetch(() => jsonReply({ count: 0, rows: [] }));
    const { response, body } = await list(query);
    expect(response.status).toBe(422);
    expect(errorCode(body)).toBe("invalid_request");
    expect(calls).toHaveLength(0);
  });

  it("answers 502 when upstream sends rows of the wrong shape", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    stubFetch(() => jsonReply({ count: 1, rows: "nope" }));
    const { response, body } = await list("");
    expect(response.status).toBe(502);
    expect(errorCode(body)).toBe("upstream_error");
  });
});
