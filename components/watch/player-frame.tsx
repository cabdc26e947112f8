import type { ReactNode, Ref } from "react";
import type { Playback } from "@/lib/schemas";

/**
 * The player's src, or null unless it carries both a non-empty `otp` and `playbackInfo`: an iframe
 * loaded without them shows the player's "authentication token missing" error (F16).
 */
export function playerSrc(playback: Playback | null | undefined): string | null {
  if (!playback?.otp || !playback.playbackInfo) return null;
  let url: URL;
  try {
    url = new URL(playback.playerUrl);
  } catch {
    return null;
  }
  const carries = url.searchParams.get("otp") === playback.otp;
  const info = url.searchParams.get("playbackInfo") === playback.playbackInfo;
  return carries && info ? playback.playerUrl : null;
}

type Props = {
  playback: Playback;
  title: string;
  frameKey?: number;
  frameRef?: Ref<HTMLIFrameElement>;
  children?: ReactNode;
};

export function PlayerFrame({ playback, title, frameKey, frameRef, children }: Props) {
  const src = playerSrc(playback);
  return (
    <div className="relative aspect-video w-full overflow-hidden rounded-xl bg-black shadow-sm">
      {src && (
        <iframe
          key={frameKey}
          ref={frameRef}
          src={src}
          title={`Video player: ${title}`}
          allow="encrypted-media; autoplay; fullscreen"
          allowFullScreen
          className="absolute inset-0 size-full border-0"
        />
      )}
      {children}
    </div>
  );
}
