import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import type { ApiContext, Route } from "./api";
import { findVideo, folderParam } from "./api-videos";
import { decodeComponent, HttpError } from "./http-util";
import { importableUrl } from "./import-url";
import { videoView } from "./video-view";

const DEFAULT_OTP_TTL = 6 * 3600;
const MAX_OTP_TTL = 10 * 365 * 24 * 3600;

// Real clients send more than these (licenseRules, ipGeoRules, annotate with numbers, unknown
// keys): everything not listed is accepted and ignored.
const otpSchema = z.looseObject({
  ttl: z.coerce.number().int().min(1).max(MAX_OTP_TTL).optional(),
  userId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,36}$/)
    .optional(),
  whitelisthref: z.string().optional(),
  annotate: z.union([z.string(), z.array(z.unknown())]).optional(),
});

const tagsSchema = z.object({
  videos: z.array(z.string()).min(1),
  tags: z.array(z.string().min(1).max(100)),
});

const hookSchema = z.object({
  type: z.literal("http").default("http"),
  value: z.url({ protocol: /^https?$/ }),
  event: z.enum(["video:ready", "video:readyall"]),
  status: z.coerce.number().int().min(0).max(1).default(1),
});

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, `Invalid ${issue?.path.join(".") || "body"}: ${issue?.message ?? ""}`);
  }
  return parsed.data;
}

async function createOtp(ctx: ApiContext) {
  const video = findVideo(ctx, ctx.params[0]);
  const { ttl } = parse(otpSchema, ctx.body);
  // 64 characters, shaped like the live service's OTPs.
  const otp = `20160313versASE323${randomBytes(23).toString("hex")}`;
  ctx.sb.store.otps.set(otp, {
    otp,
    videoId: video.id,
    expiresAt: Date.now() + (ttl ?? DEFAULT_OTP_TTL) * 1000,
  });
  await ctx.sb.store.save();
  const playbackInfo = Buffer.from(JSON.stringify({ videoId: video.id })).toString("base64");
  return { otp, playbackInfo };
}

async function changeTags(ctx: ApiContext, replace: boolean) {
  const { videos, tags } = parse(tagsSchema, ctx.body);
  const targets = videos.map((id) => findVideo(ctx, id));
  for (const video of targets) {
    video.tags = replace ? [...new Set(tags)] : [...new Set([...video.tags, ...tags])];
  }
  await ctx.sb.store.save();
  return { message: "Done" };
}

async function listTags(ctx: ApiContext) {
  const counts = new Map<string, number>();
  for (const video of ctx.sb.store.videos.values()) {
    for (const tag of video.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return { rows: [...counts].map(([tag, count]) => ({ tag, count })) };
}

async function createHook(ctx: ApiContext) {
  const hook = { uuid: randomUUID(), ...parse(hookSchema, ctx.body) };
  ctx.sb.store.hooks.push(hook);
  await ctx.sb.store.save();
  return hook;
}

async function deleteHook(ctx: ApiContext) {
  const { uuid } = parse(z.object({ uuid: z.string().min(1) }), ctx.body);
  const { store } = ctx.sb;
  const before = store.hooks.length;
  store.hooks = store.hooks.filter((hook) => hook.uuid !== uuid);
  if (store.hooks.length === before) throw new HttpError(404, "Hook not found");
  await store.save();
  return { message: "Deleted" };
}

async function importUrl(ctx: ApiContext) {
  const { sb, body } = ctx;
  const url = importableUrl(body.url);
  if (!url) throw new HttpError(400, "url must be an http(s) or ftp URL of a video file");
  const name = new URL(url).pathname.split("/").pop() ?? "";
  const fallback = (decodeComponent(name) ?? name) || url;
  const title = body.title === undefined || body.title === "" ? fallback : body.title;
  if (typeof title !== "string" || title.length > 500) throw new HttpError(400, "Invalid title");
  const video = sb.store.createVideo(title, folderParam(body.folderId));
  Object.assign(video, { status: "Queued", queuedAt: Date.now(), importUrl: url });
  await sb.store.save();
  sb.processing.enqueue(video.id);
  return videoView(sb, video);
}

export const extraRoutes: Route[] = [
  { method: "GET", pattern: "/api/videos/tags", handle: listTags },
  { method: "POST", pattern: "/api/videos/tags", handle: (ctx) => changeTags(ctx, false) },
  { method: "PUT", pattern: "/api/videos/tags", handle: (ctx) => changeTags(ctx, true) },
  { method: "PUT", pattern: "/api/videos/importUrl", handle: importUrl },
  { method: "POST", pattern: "/api/videos/:id/otp", handle: createOtp },
  { method: "GET", pattern: "/api/hooks", handle: async (ctx) => ({ rows: ctx.sb.store.hooks }) },
  { method: "POST", pattern: "/api/hooks", handle: createHook },
  { method: "DELETE", pattern: "/api/hooks", handle: deleteHook },
];
