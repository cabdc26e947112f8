import type { ProgressSnapshot } from "@/lib/upload/progress";

/**
 * Progress in the file's own bytes: the transport counts the whole multipart body (signed fields
 * and framing too), which matches no size a person knows.
 */
export function fileProgress(progress: ProgressSnapshot, fileBytes: number): ProgressSnapshot {
  const share = progress.total > 0 ? fileBytes / progress.total : 0;
  const loaded =
    progress.loaded >= progress.total
      ? fileBytes
      : Math.min(fileBytes, Math.floor(progress.loaded * share));
  return { ...progress, loaded, total: fileBytes, bytesPerSecond: progress.bytesPerSecond * share };
}
