import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createUploadCredentials,
  deleteVideos,
  getVideo,
  importFromUrl,
  listVideos,
  renameVideo,
  VdoCipherError,
} from "@/lib/vdocipher";
import {
  API,
  OTHER_ID,
  VIDEO_ID,
  credentialsReply,
  jsonReply,
  policyFor,
  rawVideo,
  stubFetch,
} from "./fetch-stub";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("createUploadCredentials", () => {
  it("PUTs the title and folder as query parameters, without a body", async () => {
    const calls = stubFetch(() =>
      jsonReply(credentialsReply(policyFor("2026-12-03T18:00:00.000Z"))),
    );
    await createUploadCredentials("Trip to Zoo + café ✓ & more", "a1_b-2");
    const [call] = calls;
    expect(call?.method).toBe("PUT");
    expect(`${call?.url.origin}${call?.url.pathname}`).toBe(`${API}/videos`);
    expect(call?.url.searchParams.get("title")).toBe("Trip to Zoo + café ✓ & more");
    expect(call?.url.searchParams.get("folderId")).toBe("a1_b-2");
    expect(call?.body).toBeUndefined();
    expect(call?.headers.get("authorization")).toBe("Apisecret sandbox-secret");
  });

  it("omits folderId when none is given", async () => {
    const calls = stubFetch(() =>
      jsonReply(credentialsReply(policyFor("2026-12-03T18:00:00.000Z"))),
    );
    await createUploadCredentials("t");
    expect(calls[0]?.url.searchParams.has("folderId")).toBe(false);
  });

  it("passes the fields through byte for byte, in upstream order, without uploadLink", async () => {
    const policy = policyFor("2026-12-03T18:00:00.000Z");
    const reply = credentialsReply(policy);
    stubFetch(() => jsonReply(reply));
    const ticket = await createUploadCredentials("t");
    const { uploadLink, ...expectedFields } = reply.clientPayload;
    expect(ticket.videoId).toBe(VIDEO_ID);
    expect(ticket.uploadLink).toBe(uploadLink);
    expect(ticket.fields).toStrictEqual(expectedFields);
    expect(Object.keys(ticket.fields)).toStrictEqual([
      "policy",
      "key",
      "x-amz-signature",
      "x-amz-algorithm",
      "x-amz-date",
      "x-amz-credential",
    ]);
    expect(ticket.fields.policy).toBe(policy);
  });

  it("keeps an unfamiliar upstream order and unknown fields as they come", async () => {
    const body = `{"videoId":"${VIDEO_ID}","clientPayload":{"x-amz-date":"20261203T170000Z","key":" padded ","policy":"cG9s+/==","x-amz-security-token":"tok","uploadLink":"https://b.test","x-amz-algorithm":"AWS4-HMAC-SHA256"}}`;
    stubFetch(() => new Response(body, { status: 200 }));
    const ticket = await createUploadCredentials("t");
    expect(Object.entries(ticket.fields)).toStrictEqual([
      ["x-amz-date", "20261203T170000Z"],
      ["key", " padded "],
      ["policy", "cG9s+/=="],
      ["x-amz-security-token", "tok"],
      ["x-amz-algorithm", "AWS4-HMAC-SHA256"],
    ]);
  });

  it("reads expiresAt from the policy's expiration", async () => {
    stubFetch(() => jsonReply(credentialsReply(policyFor("2026-12-03T18:00:00.000Z"))));
    expect((await createUploadCredentials("t")).expiresAt).toBe("2026-12-03T18:00:00.000Z");
  });

  it("falls back to the documented hour when the policy cannot be read", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-03T17:00:00.000Z"), toFake: ["Date"] });
    stubFetch(() => jsonReply(credentialsReply("not-base64-json")));
    expect((await createUploadCredentials("t")).expiresAt).toBe("2026-12-03T18:00:00.000Z");
  });

  it("rejects credentials without an uploadLink or with non-string fields", async () => {
    stubFetch(() => jsonReply({ videoId: VIDEO_ID, clientPayload: { policy: "p" } }));
    await expect(createUploadCredentials("t")).rejects.toMatchObject({ code: "upstream_error" });
    stubFetch(() =>
      jsonReply({ videoId: VIDEO_ID, clientPayload: { policy: 1, uploadLink: "https://b" } }),
    );
    await expect(createUploadCredentials("t")).rejects.toMatchObject({ code: "upstream_error" });
  });
});

describe("getVideo", () => {
  it("GETs one video and normalises it", async () => {
    const calls = stubFetch(() => jsonReply(rawVideo()));
    await expect(getVideo(VIDEO_ID)).resolves.toStrictEqual({
      id: VIDEO_ID,
      title: "zoo.mp4",
      status: "ready",
      upstreamStatus: "ready",
      durationSeconds: 25,
      posterUrl: "https://cdn.test/poster.480.jpeg",
      uploadedAt: "2018-02-27T02:53:20.000Z",
    });
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.url.href).toBe(`${API}/videos/${VIDEO_ID}`);
  });

  it("keeps an unknown status as processing with the raw value", async () => {
    stubFetch(() => jsonReply(rawVideo({ status: "Encrypting-Stage2" })));
    const video = await getVideo(VIDEO_ID);
    expect(video.status).toBe("processing");
    expect(video.upstreamStatus).toBe("Encrypting-Stage2");
  });

  it("tolerates tags: null, missing optional fields and odd types", async () => {
    stubFetch(() =>
      jsonReply({ id: VIDEO_ID, status: "PRE-Upload", tags: null, posters: "none", length: "n/a" }),
    );
    await expect(getVideo(VIDEO_ID)).resolves.toStrictEqual({
      id: VIDEO_ID,
      title: "",
      status: "awaiting-upload",
      upstreamStatus: "PRE-Upload",
      durationSeconds: null,
      posterUrl: null,
      uploadedAt: null,
    });
  });

  it("treats a missing status as processing and reads numeric strings", async () => {
    stubFetch(() =>
      jsonReply({ id: VIDEO_ID, title: "x", length: "12.5", upload_time: "1700000000" }),
    );
    expect(await getVideo(VIDEO_ID)).toMatchObject({
      status: "processing",
      upstreamStatus: "",
      durationSeconds: 12.5,
      uploadedAt: "2023-11-14T22:13:20.000Z",
    });
  });

  it("uses the singular poster when there is no posters list", async () => {
    stubFetch(() => jsonReply(rawVideo({ posters: [], poster: "https://cdn.test/p.jpeg" })));
    expect((await getVideo(VIDEO_ID)).posterUrl).toBe("https://cdn.test/p.jpeg");
  });

  it("rejects a reply without an id", async () => {
    stubFetch(() => jsonReply({ title: "x" }));
    await expect(getVideo(VIDEO_ID)).rejects.toBeInstanceOf(VdoCipherError);
  });

  it("reports an unknown video as not_found", async () => {
    stubFetch(() => jsonReply({ message: "Video not found" }, 404));
    await expect(getVideo(VIDEO_ID)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("listVideos", () => {
  it("sends page, limit, q, folderId and tags, and maps count and rows", async () => {
    const calls = stubFetch(() =>
      jsonReply({
        count: 42,
        rows: [rawVideo(), rawVideo({ id: OTHER_ID, status: "Queued", tags: null })],
      }),
    );
    const list = await listVideos({
      page: 2,
      limit: 2,
      q: "zoo trip",
      folderId: "root",
      tags: ["a b", "c"],
    });
    const params = calls[0]?.url.searchParams;
    expect(calls[0]?.url.pathname).toBe("/api/videos");
    expect(params?.get("page")).toBe("2");
    expect(params?.get("limit")).toBe("2");
    expect(params?.get("q")).toBe("zoo trip");
    expect(params?.get("folderId")).toBe("root");
    expect(params?.get("tags")).toBe("a b,c");
    expect(list.total).toBe(42);
    expect(list.page).toBe(2);
    expect(list.limit).toBe(2);
    expect(list.videos.map((video) => [video.id, video.status])).toStrictEqual([
      [VIDEO_ID, "ready"],
      [OTHER_ID, "queued"],
    ]);
  });

  it("omits empty filters and counts what it sees when count is missing", async () => {
    const calls = stubFetch(() => jsonReply({ rows: [rawVideo()] }));
    const list = await listVideos({ page: 3, limit: 20, q: "" });
    expect([...(calls[0]?.url.searchParams.keys() ?? [])]).toStrictEqual(["page", "limit"]);
    expect(list.total).toBe(41);
  });
});

describe("renameVideo", () => {
  it("POSTs the title and re-reads the video when the reply is only a message", async () => {
    const calls = stubFetch((call) =>
      call.method === "POST"
        ? jsonReply({ message: "Done" })
        : jsonReply(rawVideo({ title: "Neu 🎬" })),
    );
    const video = await renameVideo(VIDEO_ID, "Neu 🎬");
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.url.href).toBe(`${API}/videos/${VIDEO_ID}`);
    expect(JSON.parse(calls[0]?.body ?? "")).toStrictEqual({ title: "Neu 🎬" });
    expect(calls[1]?.method).toBe("GET");
    expect(video.title).toBe("Neu 🎬");
  });

  it("uses the reply when it is the renamed video", async () => {
    const calls = stubFetch(() => jsonReply(rawVideo({ title: "New" })));
    expect((await renameVideo(VIDEO_ID, "New")).title).toBe("New");
    expect(calls).toHaveLength(1);
  });
});

describe("deleteVideos", () => {
  it("DELETEs a comma-separated list and reads the count", async () => {
    const calls = stubFetch(() => jsonReply({ message: "Successfully deleted 2 videos" }));
    await expect(deleteVideos([VIDEO_ID, OTHER_ID])).resolves.toStrictEqual({ deleted: 2 });
    expect(calls[0]?.method).toBe("DELETE");
    expect(calls[0]?.url.searchParams.get("videos")).toBe(`${VIDEO_ID},${OTHER_ID}`);
    expect(calls[0]?.body).toBeUndefined();
  });

  it("reports not_found when upstream deleted nothing", async () => {
    stubFetch(() => jsonReply({ message: "Successfully deleted 0 videos" }));
    await expect(deleteVideos([VIDEO_ID])).rejects.toMatchObject({ code: "not_found" });
  });

  it("accepts a reply it cannot read as success", async () => {
    stubFetch(() => jsonReply({}));
    await expect(deleteVideos([VIDEO_ID])).resolves.toStrictEqual({ deleted: null });
  });
});

describe("importFromUrl", () => {
  it("PUTs url, title and folder, and reads the new id from id or videoId", async () => {
    const calls = stubFetch(() => jsonReply(rawVideo({ status: "Queued" })));
    await expect(importFromUrl("https://files.test/a.mp4", { title: "A" })).resolves.toStrictEqual({
      videoId: VIDEO_ID,
    });
    expect(calls[0]?.method).toBe("PUT");
    expect(calls[0]?.url.href).toBe(`${API}/videos/importUrl`);
    expect(JSON.parse(calls[0]?.body ?? "")).toStrictEqual({
      url: "https://files.test/a.mp4",
      title: "A",
      folderId: "root",
    });
    stubFetch(() => jsonReply({ videoId: OTHER_ID }));
    await expect(importFromUrl("https://files.test/b.mp4")).resolves.toStrictEqual({
      videoId: OTHER_ID,
    });
  });
});
