import "server-only";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import type { Playback } from "@/lib/schemas";
import { createOtp, getVideoStatus, type Annotation } from "@/lib/vdocipher";

/**
 * A fresh OTP for one view of a ready video. VdoCipher would mint one for a video still processing
 * (the player then has nothing to play), so we refuse those ourselves.
 */
export async function mintPlayback(videoId: string): Promise<Playback> {
  const video = await getVideoStatus(videoId);
  if (video.status !== "ready") {
    throw new ApiError("not_ready", "This video is not ready to play yet.");
  }
  const config = env();
  const { ttlSeconds, watermarkText, whitelisthref } = config.otp;
  const issuedAt = Date.now();
  const { otp, playbackInfo } = await createOtp(videoId, {
    ttlSeconds,
    annotate: watermarkText ? [movingText(watermarkText)] : undefined,
    whitelisthref,
  });
  const separator = config.playerUrl.includes("?") ? "&" : "?";
  return {
    otp,
    playbackInfo,
    playerUrl: `${config.playerUrl}${separator}otp=${encodeURIComponent(otp)}&playbackInfo=${encodeURIComponent(playbackInfo)}`,
    expiresAt: new Date(issuedAt + ttlSeconds * 1000).toISOString(),
  };
}

// VdoCipher's documented moving-text watermark, faint enough not to spoil the video.
function movingText(text: string): Annotation {
  return {
    type: "rtext",
    text,
    alpha: "0.60",
    color: "0xFFFFFF",
    size: "15",
    interval: "5000",
  };
}
