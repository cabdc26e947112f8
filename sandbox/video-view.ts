import type { Sandbox } from "./context";
import type { VideoRecord } from "./store";

export const VIDEO_ID = /^[0-9a-f]{32}$/;

export function posterUrl(sb: Sandbox, video: VideoRecord): string | undefined {
  if (video.status !== "ready" || !video.poster) return undefined;
  const { width, height } = video.poster;
  return `${sb.publicUrl}/posters/${video.id}/${width}x${height}.jpeg`;
}

/** A video as API v3 shows it: `upload_time` in seconds, `tags` always a list, never null. */
export function videoView(sb: Sandbox, video: VideoRecord) {
  const poster = posterUrl(sb, video);
  return {
    id: video.id,
    title: video.title,
    description: video.description,
    upload_time: video.uploadTime,
    length: video.length,
    status: video.status,
    posters: poster && video.poster ? [{ ...video.poster, posterUrl: poster }] : [],
    ...(poster ? { poster } : {}),
    tags: [...video.tags],
    totalSizeBytes: video.sizeBytes ?? 0,
    folderId: video.folderId,
  };
}

/** `GET /api/videos/{id}/files/`: a bare array, like the real endpoint. */
export function filesView(sb: Sandbox, video: VideoRecord) {
  if (video.status !== "ready" || !video.media || !video.poster) return [];
  const time = new Date(video.uploadTime * 1000).toISOString();
  const common = { time, enabled: 1, encryption_type: "none", lang: null, isDownloadable: false };
  return [
    {
      ...common,
      id: video.seq * 10 + 1,
      name: `${video.id}.mp4`,
      size: video.media.sizeBytes,
      format: "mp4",
      width: video.media.width,
      height: video.media.height,
      bitrate: video.media.bitrate,
      video_codec: "h264",
      audio_codec: "aac",
      isDeletable: false,
    },
    {
      ...common,
      id: video.seq * 10 + 2,
      name: `${video.id}.jpeg`,
      size: 0,
      format: "jpeg",
      width: video.poster.width,
      height: video.poster.height,
      bitrate: null,
      video_codec: null,
      audio_codec: null,
      isDeletable: true,
    },
  ];
}
