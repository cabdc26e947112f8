import "server-only";
import { titleFromUrl } from "@/lib/titles";
import { z } from "zod";
import type { UploadTicket, Video, VideoList } from "@/lib/schemas";
import { VdoCipherError } from "./errors";
import { vdoRequest } from "./http";
import { toVideo } from "./map";
import {
  rawImportSchema,
  rawMessageSchema,
  rawUploadCredentialsSchema,
  rawVideoListSchema,
  rawVideoSchema,
} from "./raw";
import { createCoalescingCache } from "./coalesce";

// The documented validity of an upload policy, for a policy whose `expiration` cannot be read.
const POLICY_VALIDITY_MS = 60 * 60 * 1000;

/** `PUT /videos?title=`: a new video awaiting upload, and the S3 form fields exactly as issued. */
export async function createUploadCredentials(
  title: string,
  folderId?: string,
): Promise<UploadTicket> {
  const raw = await vdoRequest("PUT", "/videos", rawUploadCredentialsSchema, {
    query: { title, folderId },
    collection: true,
  });
  const fields: Record<string, string> = {};
  let uploadLink = "";
  for (const [name, value] of Object.entries(raw.clientPayload)) {
    if (name === "uploadLink") uploadLink = value;
    else fields[name] = value;
  }
  return {
    videoId: raw.videoId,
    uploadLink,
    fields,
    expiresAt:
      policyExpiration(fields.policy) ?? new Date(Date.now() + POLICY_VALIDITY_MS).toISOString(),
  };
}

function policyExpiration(policy: string | undefined): string | undefined {
  if (!policy) return undefined;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(policy, "base64").toString("utf8"));
    if (decoded && typeof decoded === "object" && "expiration" in decoded) {
      const time = Date.parse(String(decoded.expiration));
      if (Number.isFinite(time)) return new Date(time).toISOString();
    }
  } catch {
    // An opaque policy is fine: it still goes to storage untouched.
  }
  return undefined;
}

/** `GET /videos/{id}`, uncached. Prefer `getVideoStatus` for polling. */
export async function getVideo(videoId: string): Promise<Video> {
  return toVideo(await vdoRequest("GET", `/videos/${videoId}`, rawVideoSchema));
}

// Many open tabs polling one video cost at most one upstream status call per second (design.md P4).
// An awaiting-upload state is never reused: the browser that just stored the file asks next, and a
// stale answer would tell it the upload did not land. "No such video" is kept for longer, so asking
// again and again for a made-up or deleted id does not cost an upstream call each time; ids are
// random, so no video can appear under an id while its 404 is remembered.
export const NOT_FOUND_TTL_MS = 10_000;

const statusCache = createCoalescingCache<Video>({
  load: getVideo,
  ttlMs: 1000,
  maxEntries: 1000,
  reusable: (video) => video.status !== "awaiting-upload",
  failureTtlMs: (error) =>
    error instanceof VdoCipherError && error.code === "not_found" ? NOT_FOUND_TTL_MS : 0,
});

/** A video's state, at most 1 s old; concurrent callers share one upstream call. */
export function getVideoStatus(videoId: string): Promise<Video> {
  return statusCache.get(videoId);
}

export type ListVideosParams = {
  page: number;
  limit: number;
  q?: string;
  folderId?: string;
  tags?: string[];
};

export async function listVideos(params: ListVideosParams): Promise<VideoList> {
  const raw = await vdoRequest("GET", "/videos", rawVideoListSchema, {
    query: {
      page: params.page,
      limit: params.limit,
      q: params.q || undefined,
      folderId: params.folderId,
      tags: params.tags?.length ? params.tags.join(",") : undefined,
    },
    collection: true,
  });
  const videos = raw.rows.map(toVideo);
  // `count` is believed to be the total number of matches; without it, count what we can see.
  const total = raw.count ?? (params.page - 1) * params.limit + videos.length;
  return { total, page: params.page, limit: params.limit, videos };
}

/** `POST /videos/{id}` `{title}`; answers the renamed video (re-read when upstream's reply is not one). */
export async function renameVideo(videoId: string, title: string): Promise<Video> {
  const reply = await vdoRequest("POST", `/videos/${videoId}`, z.unknown(), { body: { title } });
  statusCache.forget(videoId);
  const video = rawVideoSchema.safeParse(reply);
  if (video.success && video.data.id === videoId && video.data.title === title)
    return toVideo(video.data);
  return getVideo(videoId);
}

/** `DELETE /videos?videos=a,b`. Throws `not_found` when upstream says it deleted none of them. */
export async function deleteVideos(videoIds: string[]): Promise<{ deleted: number | null }> {
  const reply = await vdoRequest("DELETE", "/videos", rawMessageSchema, {
    query: { videos: videoIds.join(",") },
  });
  for (const id of videoIds) statusCache.forget(id);
  const match = /deleted\s+(\d+)/i.exec(reply.message ?? "");
  const deleted = match?.[1] === undefined ? null : Number(match[1]);
  if (deleted === 0) {
    throw new VdoCipherError("not_found", "VdoCipher deleted none of the requested videos", {
      upstreamMessage: reply.message ?? undefined,
    });
  }
  return { deleted };
}

/** `PUT /videos/importUrl`: VdoCipher fetches the file itself; answers the new video's id. */
export async function importFromUrl(
  url: string,
  options: { title?: string; folderId?: string } = {},
): Promise<{ videoId: string }> {
  const videoId = await vdoRequest("PUT", "/videos/importUrl", rawImportSchema, {
    body: {
      url,
      title: options.title ?? titleFromUrl(url) ?? undefined,
      folderId: options.folderId ?? "root",
    },
    collection: true,
  });
  return { videoId };
}
