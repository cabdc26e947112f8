import "server-only";
import type { Video } from "@/lib/schemas";
import { getVideo, importFromUrl } from "./videos";

/**
 * VdoCipher fetches `url` itself; answers the new video as our status route shows it. The reply of
 * `importUrl` is not documented as a full video, so the video is read back rather than trusted.
 */
export async function importVideo(
  url: string,
  options: { title?: string; folderId?: string } = {},
): Promise<Video> {
  const { videoId } = await importFromUrl(url, options);
  return getVideo(videoId);
}
