import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as importVideo } from "@/app/api/imports/route";
import { POST as createUpload } from "@/app/api/uploads/route";
import { GET as getVideo } from "@/app/api/videos/[id]/route";
import { GET as listVideos } from "@/app/api/videos/route";
import { ticketError } from "@/lib/upload/retry";
import { VIDEO_ID, jsonReply, rawVideo, stubFetch } from "../vdocipher/fetch-stub";
import { callRoute, captureErrors } from "./route-call";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const REFUSED = {
  error: { code: "invalid_request", message: "VdoCipher refused this request as invalid." },
};

function silence() {
  captureErrors();
  return vi.spyOn(console, "warn").mockImplementation(() => undefined);
}

describe("upstream refusals caused by the caller", () => {
  it("refuses a page beyond 100000 itself, without asking upstream", async () => {
    const calls = stubFetch(() => jsonReply({ count: 0, rows: [] }));
    const huge = await callRoute(listVideos, { path: "/api/videos?page=1e9" });
    expect(huge.response.status).toBe(422);
    expect(huge.body).toMatchObject({ error: { code: "invalid_request" } });
    expect(calls).toHaveLength(0);

    const last = await callRoute(listVideos, { path: "/api/videos?page=100000" });
    expect(last.response.status).toBe(200);
    expect(calls[0]?.url.searchParams.get("page")).toBe("100000");
  });

  it("answers 422, not a retryable 502, when upstream refuses a folder id, hiding its text", async () => {
    const warn = silence();
    const calls = stubFetch(() => jsonReply({ message: "Invalid folderId abc" }, 400));
    const { response, body, text } = await callRoute(createUpload, {
      method: "POST",
      path: "/api/uploads",
      body: JSON.stringify({ title: "clip.mp4", folderId: "abc" }),
    });
    expect(response.status).toBe(422);
    expect(body).toStrictEqual(REFUSED);
    expect(text).not.toContain("folderId");
    expect(calls).toHaveLength(1);
    expect(String(warn.mock.calls[0]?.join(" "))).toContain("Invalid folderId abc");
    // The browser's upload engine gives up at once instead of asking three times.
    const status = response.status;
    expect(ticketError(Object.assign(new Error("refused"), { status })).retryable).toBe(false);
  });

  it("answers 422 when upstream refuses an import", async () => {
    silence();
    stubFetch(() => jsonReply({ message: "url not reachable" }, 400));
    const { response, body } = await callRoute(importVideo, {
      method: "POST",
      path: "/api/imports",
      body: JSON.stringify({ url: "https://example.com/a.mp4", folderId: "abc" }),
    });
    expect(response.status).toBe(422);
    expect(body).toStrictEqual(REFUSED);
  });

  it("keeps upstream 5xx a retryable 502", async () => {
    silence();
    stubFetch(() => jsonReply({ message: "boom" }, 503));
    const { response, body } = await callRoute(createUpload, {
      method: "POST",
      path: "/api/uploads",
      body: JSON.stringify({ title: "clip.mp4" }),
    });
    expect(response.status).toBe(502);
    expect(body).toMatchObject({ error: { code: "upstream_error" } });
  });
});

describe("an upstream 404, per route", () => {
  it("is a 502 on the list, never 'No video with this id.'", async () => {
    silence();
    stubFetch(() => jsonReply({ message: "Not Found" }, 404));
    const { response, body, text } = await callRoute(listVideos, { path: "/api/videos" });
    expect(response.status).toBe(502);
    expect(body).toMatchObject({ error: { code: "upstream_error" } });
    expect(text).not.toMatch(/No video with this id/);
  });

  it("is a 502 when creating an upload", async () => {
    silence();
    stubFetch(() => jsonReply({ message: "Not Found" }, 404));
    const { response } = await callRoute(createUpload, {
      method: "POST",
      path: "/api/uploads",
      body: JSON.stringify({ title: "clip.mp4" }),
    });
    expect(response.status).toBe(502);
  });

  it("is still 404 not_found for one video", async () => {
    const id = "0000000000000000000000000000abcd";
    stubFetch((call) =>
      call.url.pathname.endsWith(id) ? jsonReply({ message: "nope" }, 404) : jsonReply(rawVideo()),
    );
    const { response, body } = await callRoute(getVideo, { params: { id } });
    expect(response.status).toBe(404);
    expect(body).toStrictEqual({ error: { code: "not_found", message: "No video with this id." } });
    expect((await callRoute(getVideo, { params: { id: VIDEO_ID } })).response.status).toBe(200);
  });
});
