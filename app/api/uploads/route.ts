// POST /api/uploads – mint upload credentials for one new video
//
// Called once per upload attempt, retries included: a policy lives an hour and VdoCipher limits
// these calls per hour, so the browser asks only when it starts sending a file (F03). The reply's
// `fields` are upstream's, untouched, for the browser's form (F02, F04). The file itself never
// comes here: it goes from the browser straight to storage (F14).
import { creatorRoute, json, readJson } from "@/lib/http";
import { limitUploadCredentials } from "@/lib/rate-limit";
import { createUploadSchema } from "@/lib/schemas";
import { createUploadCredentials } from "@/lib/vdocipher";

export const dynamic = "force-dynamic";

export const POST = creatorRoute(async (request, _context, creator) => {
  const { title, folderId } = await readJson(request, createUploadSchema);
  await limitUploadCredentials(creator.email);
  const ticket = await createUploadCredentials(title, folderId);
  return json(ticket, { status: 201 });
});
