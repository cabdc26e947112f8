import type { ApiContext, Route } from "./api";
import { HttpError } from "./http-util";
import { BUCKET, issuePolicy } from "./sigv4";
import type { VideoRecord } from "./store";
import { filesView, VIDEO_ID, videoView } from "./video-view";

const POLICY_TTL_SECONDS = 3600;
const FOLDER_ID = /^(root|[0-9a-f]{32})$/;

export function findVideo({ sb }: ApiContext, id: string | undefined): VideoRecord {
  const video = id && VIDEO_ID.test(id) ? sb.store.videos.get(id) : undefined;
  if (!video) throw new HttpError(404, "Video not found");
  return video;
}

export function folderParam(value: unknown): string {
  if (value === undefined || value === null || value === "") return "root";
  if (typeof value !== "string" || !FOLDER_ID.test(value))
    throw new HttpError(400, "Invalid folderId");
  return value;
}

function intParam(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new HttpError(400, `${name} must be an integer between 1 and ${max}`);
  }
  return value;
}

function titleParam(value: unknown): string {
  if (typeof value !== "string" || value.length === 0)
    throw new HttpError(400, "title is required");
  if (value.length > 500) throw new HttpError(400, "title is too long");
  return value;
}

async function createUpload(ctx: ApiContext) {
  const { sb, query } = ctx;
  const title = titleParam(query.get("title") ?? undefined);
  const video = sb.store.createVideo(title, folderParam(query.get("folderId")));
  await sb.store.save();
  const ttl = sb.faults.policyTtlSeconds() ?? POLICY_TTL_SECONDS;
  const policy = issuePolicy(sb.signing, `orig/${video.id}`, ttl, sb.config.maxUploadBytes);
  return {
    clientPayload: { ...policy, uploadLink: `${sb.publicUrl}/s3/${BUCKET}` },
    videoId: video.id,
  };
}

async function list(ctx: ApiContext) {
  const { sb, query } = ctx;
  const page = intParam(query, "page", 1, 1_000_000);
  const limit = intParam(query, "limit", 20, 100);
  const q = query.get("q")?.toLowerCase();
  const folderId = query.has("folderId") ? folderParam(query.get("folderId")) : undefined;
  const tags = query.get("tags")?.split(",").filter(Boolean) ?? [];
  const matches = [...sb.store.videos.values()]
    .filter((video) => !q || video.title.toLowerCase().includes(q) || video.id.includes(q))
    .filter((video) => !folderId || video.folderId === folderId)
    .filter((video) => tags.every((tag) => video.tags.includes(tag)))
    .sort((a, b) => b.seq - a.seq);
  const rows = matches.slice((page - 1) * limit, page * limit).map((video) => videoView(sb, video));
  return { count: matches.length, rows };
}

async function rename(ctx: ApiContext) {
  const video = findVideo(ctx, ctx.params[0]);
  const { title, description } = ctx.body;
  if (title === undefined && description === undefined)
    throw new HttpError(400, "title is required");
  if (title !== undefined) video.title = titleParam(title);
  if (description !== undefined) {
    if (typeof description !== "string") throw new HttpError(400, "description must be a string");
    video.description = description;
  }
  await ctx.sb.store.save();
  return videoView(ctx.sb, video);
}

async function remove(ctx: ApiContext) {
  const { sb, query } = ctx;
  const ids = (query.get("videos") ?? "").split(",").filter(Boolean);
  if (ids.length === 0)
    throw new HttpError(400, "videos is required: a comma-separated list of ids");
  const found = [...new Set(ids)].filter((id) => sb.store.videos.has(id));
  if (found.length === 0) throw new HttpError(404, "Video not found");
  for (const id of found) {
    sb.processing.cancel(id);
    await sb.store.deleteVideo(id);
  }
  await sb.store.save();
  return { message: `Successfully deleted ${found.length} videos` };
}

export const videoRoutes: Route[] = [
  { method: "PUT", pattern: "/api/videos", handle: createUpload },
  { method: "GET", pattern: "/api/videos", handle: list },
  { method: "DELETE", pattern: "/api/videos", handle: remove },
  {
    method: "GET",
    pattern: "/api/videos/:id",
    handle: async (ctx) => videoView(ctx.sb, findVideo(ctx, ctx.params[0])),
  },
  { method: "POST", pattern: "/api/videos/:id", handle: rename },
  {
    method: "GET",
    pattern: "/api/videos/:id/files",
    handle: async (ctx) => filesView(ctx.sb, findVideo(ctx, ctx.params[0])),
  },
  {
    method: "GET",
    pattern: "/api/meta/:id",
    handle: async (ctx) => videoView(ctx.sb, findVideo(ctx, ctx.params[0])),
  },
];
