// Shared by the server's schema and the studio's form, which must not load zod.

// VdoCipher cannot import YouTube pages; saying so beats an upstream error that looks retryable.
const YOUTUBE_HOST = /(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com)$/i;

export const importUrlMessages = {
  scheme: "Enter a full http:// or https:// address of a video file.",
  youtube: "YouTube pages cannot be imported. Use a direct link to a video file.",
} as const;

export function isYouTubeUrl(url: string): boolean {
  try {
    return YOUTUBE_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The reason an address cannot be imported, or null when it may be tried. */
export function importUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return importUrlMessages.scheme;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return importUrlMessages.scheme;
  return isYouTubeUrl(value) ? importUrlMessages.youtube : null;
}
