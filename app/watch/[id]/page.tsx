// /watch/[id] – the viewer's page: a ready video's player, or its processing/failed state
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { FailedMessage } from "@/components/watch/failed-message";
import { LazyProcessingWatch } from "@/components/watch/lazy-processing-watch";
import { RateLimitedMessage } from "@/components/watch/rate-limited-message";
import { WatchPlayer } from "@/components/watch/watch-player";
import { clientIp } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { videoIdSchema } from "@/lib/schemas";
import { VdoCipherError } from "@/lib/vdocipher";
import { isRateLimited, watchPlayback, watchVideo } from "@/lib/watch";

// Every view gets its own OTP: this page must never be prerendered or served from a cache (F13).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// A video deleted after its status was read (the status is up to 1 s old) is as gone as one never made.
async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof VdoCipherError && error.code === "not_found") notFound();
    throw error;
  }
}

// Shared by generateMetadata and the page within one request, so the video is read once.
const loadVideo = cache(async (id: string) => {
  if (!videoIdSchema.safeParse(id).success) notFound();
  return orNotFound(watchVideo(id, clientIp(await headers())));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const video = await loadVideo((await params).id);
  if (isRateLimited(video)) return { title: "Too many requests", robots: { index: false } };
  const images = video.posterUrl ? [{ url: video.posterUrl }] : undefined;
  return {
    title: video.title,
    robots: { index: false },
    openGraph: { title: video.title, type: "video.other", images },
    twitter: { card: images ? "summary_large_image" : "summary", title: video.title, images },
  };
}

export default async function WatchPage({ params }: Props) {
  const video = await loadVideo((await params).id);
  if (isRateLimited(video)) return <RateLimitedMessage {...video} />;
  const otpTtlMs = env().otp.ttlSeconds * 1000;
  const playback =
    video.status === "ready"
      ? await orNotFound(watchPlayback(video.id, clientIp(await headers())))
      : null;
  if (playback && isRateLimited(playback)) return <RateLimitedMessage {...playback} />;

  return (
    <article className="mx-auto max-w-4xl space-y-4">
      {playback ? (
        <WatchPlayer
          videoId={video.id}
          title={video.title}
          initialPlayback={playback}
          otpTtlMs={otpTtlMs}
        />
      ) : video.status === "failed" ? (
        <FailedMessage />
      ) : (
        <LazyProcessingWatch video={video} otpTtlMs={otpTtlMs} />
      )}
      <h1 className="text-xl font-semibold tracking-tight break-words sm:text-2xl">
        {video.title}
      </h1>
    </article>
  );
}
