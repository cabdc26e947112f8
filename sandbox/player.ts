import { createHmac } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { Sandbox } from "./context";
import { sendText } from "./http-util";
import { signaturesEqual } from "./sigv4";
import { posterUrl, VIDEO_ID } from "./video-view";

// After the OTP has authorised a player load, the <video> element gets a media token this long.
const MEDIA_TOKEN_SECONDS = 6 * 3600;

const escapeHtml = (value: string) =>
  value.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function mediaToken(sb: Sandbox, videoId: string, expires: number): string {
  return createHmac("sha256", sb.mediaSecret).update(`${videoId}.${expires}`).digest("hex");
}

export function mediaTokenValid(sb: Sandbox, videoId: string, url: URL): boolean {
  const expires = Number(url.searchParams.get("exp"));
  const token = url.searchParams.get("token") ?? "";
  if (!Number.isInteger(expires) || expires * 1000 < Date.now()) return false;
  return signaturesEqual(mediaToken(sb, videoId, expires), token);
}

const PAGE_HEADERS = {
  "Cache-Control": "no-store",
  "Content-Security-Policy":
    "default-src 'none'; media-src 'self'; img-src 'self'; style-src 'unsafe-inline'",
  "Referrer-Policy": "no-referrer",
};

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>html,body{margin:0;height:100%;background:#000;color:#eee;font:15px system-ui,sans-serif}video{display:block;width:100%;height:100%}.error{display:flex;height:100%;align-items:center;justify-content:center;flex-direction:column;gap:.5em;text-align:center}</style></head><body>${body}</body></html>`;
}

function errorPage(res: ServerResponse, status: number, code: number, message: string): void {
  const body = `<div class="error" role="alert" data-testid="player-error" data-error-code="${code}"><strong>${escapeHtml(message)}</strong><span>Error code: ${code}</span></div>`;
  sendText(res, status, page("Player error", body), "text/html; charset=utf-8", PAGE_HEADERS);
}

function videoIdFrom(playbackInfo: string): string | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(playbackInfo, "base64").toString("utf8")) as unknown;
    const videoId = (parsed as { videoId?: unknown } | null)?.videoId;
    return typeof videoId === "string" && VIDEO_ID.test(videoId) ? videoId : undefined;
  } catch {
    return undefined;
  }
}

/** GET /player/v2/?otp=…&playbackInfo=…: plays only with a valid, unexpired OTP for that video. */
export function handlePlayer(sb: Sandbox, res: ServerResponse, url: URL): void {
  const otp = url.searchParams.get("otp");
  const playbackInfo = url.searchParams.get("playbackInfo");
  if (!otp || !playbackInfo || otp === "undefined" || playbackInfo === "undefined") {
    return errorPage(res, 400, 60072017, "Authentication token missing");
  }
  const videoId = videoIdFrom(playbackInfo);
  const record = sb.store.otps.get(otp);
  if (!videoId || !record || record.videoId !== videoId) {
    return errorPage(res, 403, 60072018, "Invalid OTP or playbackInfo");
  }
  if (record.expiresAt < Date.now()) return errorPage(res, 403, 60072019, "OTP has expired");
  const video = sb.store.videos.get(videoId);
  if (!video) return errorPage(res, 404, 60072020, "Video not found");
  if (video.status !== "ready") return errorPage(res, 409, 60072021, "Video is not ready yet");

  const expires = Math.floor(Date.now() / 1000) + MEDIA_TOKEN_SECONDS;
  const src = `/media/${video.id}/video.mp4?exp=${expires}&token=${mediaToken(sb, video.id, expires)}`;
  const poster = posterUrl(sb, video);
  const posterPath = poster ? new URL(poster).pathname : "";
  const body = `<video data-testid="sandbox-player" data-video-id="${video.id}" controls playsinline preload="metadata" poster="${escapeHtml(posterPath)}" src="${escapeHtml(src)}" title="${escapeHtml(video.title)}"></video>`;
  sendText(res, 200, page(video.title, body), "text/html; charset=utf-8", PAGE_HEADERS);
}
