// POST /api/videos/[id]/playback – a fresh OTP and player URL for one view of a ready video
//
// Public: the watch page calls it for every view. OTPs are short-lived and minted per request, so
// neither this route nor its upstream call may ever be cached (F13); 409 while not ready. The reply's
// `playerUrl` is the complete iframe src with both values URL-encoded, so pages never build it (F16).
// Each client address may mint PLAYBACK_RATE_LIMIT_PER_MINUTE OTPs a minute (default 30).
import { json, publicRoute, readVideoId } from "@/lib/http";
import { mintPlayback } from "@/lib/playback";
import { limitPlaybackMinting } from "@/lib/public-limit";

export const dynamic = "force-dynamic";

export const POST = publicRoute<{ id: string }>(
  async (_request, context) => {
    const id = await readVideoId(context);
    return json(await mintPlayback(id));
  },
  { limit: limitPlaybackMinting },
);
