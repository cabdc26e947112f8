// POST /api/imports – have VdoCipher fetch a video from a URL
//
// Body `{url, title?, folderId?}`; answers 201 with the new video, already queued. Only http(s)
// URLs pass: VdoCipher downloads them itself, so no video bytes come through here (F14). Counted in
// the same hourly allowance as upload credentials, since each import creates a video the same way.
import { creatorRoute, json, readJson } from "@/lib/http";
import { limitUploadCredentials } from "@/lib/rate-limit";
import { importVideoSchema } from "@/lib/schemas";
import { importVideo } from "@/lib/vdocipher";

export const dynamic = "force-dynamic";

export const POST = creatorRoute(async (request, _context, creator) => {
  const { url, title, folderId } = await readJson(request, importVideoSchema);
  await limitUploadCredentials(creator.email);
  const video = await importVideo(url, { title, folderId });
  return json(video, { status: 201 });
});
