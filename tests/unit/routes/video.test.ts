import { afterEach, describe, expect, it, vi } from "vitest";
import { DELETE, GET, PATCH } from "@/app/api/videos/[id]/route";
import { VIDEO_ID, jsonReply, rawVideo, stubFetch } from "../vdocipher/fetch-stub";
import { callRoute, errorCode } from "./route-call";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const BAD_IDS = [
  "abc",
  "0123456789ABCDEF0123456789ABCDEF",
  `${VIDEO_ID}0`,
  "0123456789abcdef0123456789abcdeg",
  "..%2F..%2Fetc",
  "",
];

// Each test uses its own id, so the status cache of one never answers for another.
const idFor = (n: number) => n.toString(16).padStart(32, "0");

describe("GET /api/videos/[id]", () => {
  it("answers the normalised video, uncached", async () => {
    const id = idFor(1);
    const calls = stubFetch(() => jsonReply(rawVideo({ id, status: "Queued" })));
    const { response, body } = await callRoute(GET, { params: { id } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(body).toMatchObject({ id, status: "queued", upstreamStatus: "Queued" });
    expect(calls[0]?.url.pathname).toBe(`/api/videos/${id}`);
  });

  it.each(BAD_IDS)("answers 422 for the id %j without calling upstream", async (id) => {
    const calls = stubFetch(() => jsonReply(rawVideo()));
    const { response, body } = await callRoute(GET, { params: { id } });
    expect(response.status).toBe(422);
    expect(errorCode(body)).toBe("invalid_request");
    expect(calls).toHaveLength(0);
  });

  it("answers 404 for a video upstream does not know", async () => {
    stubFetch(() => jsonReply({ message: "Video not found" }, 404));
    const { response, text } = await callRoute(GET, { params: { id: idFor(2) } });
    expect(response.status).toBe(404);
    expect(JSON.parse(text)).toMatchObject({ error: { code: "not_found" } });
    expect(text).not.toContain("Video not found");
  });
});

describe("PATCH /api/videos/[id]", () => {
  const rename = (id: string, body: string) =>
    callRoute(PATCH, { method: "PATCH", params: { id }, body });

  it("renames and answers the renamed video", async () => {
    const id = idFor(3);
    const calls = stubFetch((call) =>
      call.method === "POST"
        ? jsonReply({ message: "Done" })
        : jsonReply(rawVideo({ id, title: "Nouveau" })),
    );
    const { response, body } = await rename(id, JSON.stringify({ title: " Nouveau " }));
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ id, title: "Nouveau" });
    expect(JSON.parse(calls[0]?.body ?? "")).toStrictEqual({ title: "Nouveau" });
  });

  it.each([
    ["bad JSON", "{", 400, "invalid_json"],
    ["an empty title", JSON.stringify({ title: "" }), 422, "invalid_request"],
    [
      "a 10,000-character title",
      JSON.stringify({ title: "é".repeat(10_000) }),
      422,
      "invalid_request",
    ],
    ["a title of the wrong type", JSON.stringify({ title: ["a"] }), 422, "invalid_request"],
    ["a string body", JSON.stringify("title"), 422, "invalid_request"],
  ] as const)("rejects %s with %i", async (_name, body, status, code) => {
    const calls = stubFetch(() => jsonReply({}));
    const result = await rename(idFor(4), body);
    expect(result.response.status).toBe(status);
    expect(errorCode(result.body)).toBe(code);
    expect(calls).toHaveLength(0);
  });

  it("validates the id before the body", async () => {
    stubFetch(() => jsonReply({}));
    const { response } = await rename("nope", "{");
    expect(response.status).toBe(422);
  });

  it("answers 404 when renaming an unknown video", async () => {
    stubFetch(() => jsonReply({ message: "not found" }, 404));
    const { response } = await rename(idFor(5), JSON.stringify({ title: "x" }));
    expect(response.status).toBe(404);
  });
});

describe("DELETE /api/videos/[id]", () => {
  it("deletes and answers 204", async () => {
    const calls = stubFetch(() => jsonReply({ message: "Successfully deleted 1 videos" }));
    const { response, text } = await callRoute(DELETE, {
      method: "DELETE",
      params: { id: VIDEO_ID },
    });
    expect(response.status).toBe(204);
    expect(text).toBe("");
    expect(calls[0]?.method).toBe("DELETE");
    expect(calls[0]?.url.searchParams.get("videos")).toBe(VIDEO_ID);
  });

  it("answers 404 when nothing was deleted", async () => {
    stubFetch(() => jsonReply({ message: "Successfully deleted 0 videos" }));
    const { response, body } = await callRoute(DELETE, {
      method: "DELETE",
      params: { id: VIDEO_ID },
    });
    expect(response.status).toBe(404);
    expect(errorCode(body)).toBe("not_found");
  });

  it("answers 422 for a bad id", async () => {
    const calls = stubFetch(() => jsonReply({}));
    const { response } = await callRoute(DELETE, { method: "DELETE", params: { id: "x" } });
    expect(response.status).toBe(422);
    expect(calls).toHaveLength(0);
  });
});
