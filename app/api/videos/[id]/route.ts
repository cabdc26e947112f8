// GET /api/videos/[id] – one video's state (polled); PATCH – rename; DELETE – delete
//
// GET is polled by the studio and by the watch page while a video processes, so it answers from the
// coalescing status cache (≤ 1 s old, one upstream call shared by concurrent pollers) and is never
// cached by Next or a CDN (F13). It is public like the watch page: it reveals no more than that page,
// and each client address may read STATUS_RATE_LIMIT_PER_MINUTE statuses a minute (default 300).
import { creatorRoute, json, noContent, publicRoute, readJson, readVideoId } from "@/lib/http";
import { limitStatusReads } from "@/lib/public-limit";
import { renameVideoSchema } from "@/lib/schemas";
import { deleteVideos, getVideoStatus, renameVideo } from "@/lib/vdocipher";

export const dynamic = "force-dynamic";

export const GET = publicRoute<{ id: string }>(
  async (_request, context) => {
    const id = await readVideoId(context);
    return json(await getVideoStatus(id));
  },
  { limit: limitStatusReads },
);

export const PATCH = creatorRoute<{ id: string }>(async (request, context) => {
  const id = await readVideoId(context);
  const { title } = await readJson(request, renameVideoSchema);
  return json(await renameVideo(id, title));
});

// Also how the studio discards a video whose upload was cancelled or failed.
export const DELETE = creatorRoute<{ id: string }>(async (_request, context) => {
  const id = await readVideoId(context);
  await deleteVideos([id]);
  return noContent();
});
