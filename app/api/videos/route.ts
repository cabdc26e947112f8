// GET /api/videos – the creator's library, newest first, normalised
//
// Query: `page` (from 1), `limit` (1–100), `q` (matches titles and ids). Videos that are still
// awaiting upload, processing or failed are listed too, so the studio can show and clean them up.
// Not cached: the list changes with every upload, and the studio reads it only on demand.
import { creatorRoute, json, readQuery } from "@/lib/http";
import { listVideosQuerySchema } from "@/lib/schemas";
import { listVideos } from "@/lib/vdocipher";

export const dynamic = "force-dynamic";

export const GET = creatorRoute(async (request) => {
  const query = readQuery(request, listVideosQuerySchema);
  return json(await listVideos(query));
});
