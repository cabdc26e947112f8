import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as importVideo } from "@/app/api/imports/route";
import { POST as createUpload } from "@/app/api/uploads/route";
import { GET as listVideos } from "@/app/api/videos/route";
import {
  DELETE as deleteVideo,
  GET as getVideo,
  PATCH as renameVideo,
} from "@/app/api/videos/[id]/route";
import { POST as playback } from "@/app/api/videos/[id]/playback/route";
import { GET as health } from "@/app/api/health/route";
import {
  VIDEO_ID,
  credentialsReply,
  jsonReply,
  policyFor,
  rawVideo,
  stubFetch,
  type UpstreamCall,
} from "../vdocipher/fetch-stub";
import { appRequest, sessionCookie } from "./helpers";

afterEach(() => {
  vi.unstubAllGlobals();
});

// One upstream stand-in for every route: what each VdoCipher call answers when it succeeds.
function upstream(call: UpstreamCall) {
  const path = call.url.pathname;
  if (call.method === "PUT")
    return jsonReply(credentialsReply(policyFor("2026-12-03T18:00:00.000Z")));
  if (call.method === "DELETE") return jsonReply({ message: "Successfully deleted 1 videos" });
  if (call.method === "POST" && path.endsWith("/otp")) {
    return jsonReply({ otp: "o".repeat(64), playbackInfo: "eyJ2aWRlb0lkIjoiIn0=" });
  }
  if (call.method === "POST") return jsonReply({ message: "Done" });
  if (path.endsWith("/api/videos")) return jsonReply({ count: 1, rows: [rawVideo()] });
  return jsonReply(rawVideo());
}

type Handler = (
  request: Request,
  context: { params: Promise<{ id: string }> },
) => Promise<Response>;

const creatorRoutes = [
  {
    name: "POST /api/uploads",
    handler: createUpload,
    method: "POST",
    path: "/api/uploads",
    body: { title: "a.mp4" },
    ok: 201,
  },
  {
    name: "POST /api/imports",
    handler: importVideo,
    method: "POST",
    path: "/api/imports",
    body: { url: "https://media.example.com/a.mp4" },
    ok: 201,
  },
  { name: "GET /api/videos", handler: listVideos, method: "GET", path: "/api/videos", ok: 200 },
  {
    name: "PATCH /api/videos/[id]",
    handler: renameVideo,
    method: "PATCH",
    path: `/api/videos/${VIDEO_ID}`,
    body: { title: "b" },
    ok: 200,
  },
  {
    name: "DELETE /api/videos/[id]",
    handler: deleteVideo,
    method: "DELETE",
    path: `/api/videos/${VIDEO_ID}`,
    ok: 204,
  },
];

function call(
  route: (typeof creatorRoutes)[number],
  options: { cookie?: string; headers?: Record<string, string> },
) {
  const request = appRequest(route.path, { method: route.method, body: route.body, ...options });
  return (route.handler as Handler)(request, { params: Promise.resolve({ id: VIDEO_ID }) });
}

describe.each(creatorRoutes)("$name", (route) => {
  it("answers 401 without a session, before any upstream call", async () => {
    const calls = stubFetch(upstream);
    for (const cookie of [undefined, "cipherdrop_session=forged"]) {
      const response = await call(route, { cookie });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: "unauthenticated", message: "Sign in to continue." },
      });
    }
    expect(calls).toHaveLength(0);
  });

  it("answers 401 for an expired session", async () => {
    const calls = stubFetch(upstream);
    const cookie = await sessionCookie(undefined, Date.now() - 8 * 24 * 3600 * 1000);
    expect((await call(route, { cookie })).status).toBe(401);
    expect(calls).toHaveLength(0);
  });

  it("works for a signed-in creator", async () => {
    const calls = stubFetch(upstream);
    const response = await call(route, { cookie: await sessionCookie() });
    expect(response.status).toBe(route.ok);
    expect(calls.length).toBeGreaterThan(0);
  });

  if (route.method !== "GET") {
    it("answers 403 to a cross-site request, even with a session", async () => {
      const calls = stubFetch(upstream);
      const response = await call(route, {
        cookie: await sessionCookie(),
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      });
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe("forbidden");
      expect(calls).toHaveLength(0);
    });
  }
});

describe("public routes", () => {
  it("serve viewers without a session: one video's state, playback, health", async () => {
    stubFetch(upstream);
    const context = { params: Promise.resolve({ id: VIDEO_ID }) };
    expect((await getVideo(appRequest(`/api/videos/${VIDEO_ID}`), context)).status).toBe(200);
    const play = await playback(
      appRequest(`/api/videos/${VIDEO_ID}/playback`, { method: "POST" }),
      context,
    );
    expect(play.status).toBe(200);
    expect((await health()).status).toBe(200);
  });
});
