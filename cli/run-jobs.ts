import type { Video, VideoStatus } from "@/lib/schemas";
import { uploadDefaults } from "@/lib/upload/config";
import { UploadError } from "@/lib/upload/upload-error";
import { uploadFile, type UploadEvent } from "@/lib/upload/upload-file";
import { importFromUrl } from "@/lib/vdocipher";
import { fileBlob, type LocalFile } from "./check-files";
import { fileProgress } from "./file-progress";
import { explain, serverUploadDeps, waitUntilSettled } from "./server-deps";

// Runs every upload and import, `concurrency` at a time, and says how each one ended.

export type Job =
  | { kind: "file"; label: string; file: LocalFile; title: string }
  | { kind: "url"; label: string; url: string; title?: string };

export type JobEvent =
  UploadEvent | { type: "imported"; videoId: string } | { type: "status"; status: VideoStatus };

export type JobStatus = "uploaded" | "imported" | VideoStatus | "cancelled";

export type Outcome = {
  label: string;
  videoId: string | null;
  status: JobStatus;
  /** Why it failed or was cancelled, for people. */
  reason?: string;
  /** Wall time of the upload (and the wait, with --wait). */
  seconds: number;
  /** The video's length once ready. */
  videoSeconds: number | null;
};

export type RunOptions = {
  concurrency: number;
  wait: boolean;
  folderId?: string;
  signal: AbortSignal;
  onStart: (job: Job) => void;
  onEvent: (job: Job, event: JobEvent) => void;
  onEnd: (job: Job, outcome: Outcome) => void;
};

/** Whether the run did what was asked of it: every video uploaded, or ready with --wait. */
export function succeeded(outcomes: readonly Outcome[], wait: boolean): boolean {
  const wanted: JobStatus[] = wait ? ["ready"] : ["uploaded", "imported"];
  return outcomes.every((outcome) => wanted.includes(outcome.status));
}

export async function runJobs(jobs: readonly Job[], options: RunOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index]!;
      options.onStart(job);
      const outcome = await runJob(job, options);
      outcomes[index] = outcome;
      options.onEnd(job, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, jobs.length) }, worker));
  return outcomes;
}

async function runJob(job: Job, options: RunOptions): Promise<Outcome> {
  const started = performance.now();
  const outcome = (rest: Omit<Outcome, "label" | "seconds" | "videoSeconds">, video?: Video) => ({
    label: job.label,
    seconds: (performance.now() - started) / 1000,
    videoSeconds: video?.durationSeconds ?? null,
    ...rest,
  });
  if (options.signal.aborted) {
    return outcome({ videoId: null, status: "cancelled", reason: "Not started: cancelled." });
  }

  let videoId: string;
  try {
    videoId = await send(job, options);
  } catch (error) {
    const failure = error instanceof UploadError ? error : null;
    const cancelled = failure?.kind === "aborted" || options.signal.aborted;
    const reason = failure?.detail
      ? `${failure.message} (${failure.detail})`
      : (error as Error).message;
    return outcome({ videoId: null, status: cancelled ? "cancelled" : "failed", reason });
  }
  const sent: JobStatus = job.kind === "file" ? "uploaded" : "imported";
  if (!options.wait) return outcome({ videoId, status: sent });

  let status: JobStatus = sent;
  try {
    const video = await waitUntilSettled(videoId, options.signal, (seen) => {
      status = seen.status;
      options.onEvent(job, { type: "status", status: seen.status });
    });
    if (video.status === "ready") return outcome({ videoId, status: "ready" }, video);
    return outcome({ videoId, status: "failed", reason: processingFailure(job, video) }, video);
  } catch (error) {
    const reason = options.signal.aborted
      ? "Stopped waiting (cancelled); the video is still on VdoCipher."
      : (error as Error).message;
    return outcome({ videoId, status, reason });
  }
}

async function send(job: Job, options: RunOptions): Promise<string> {
  const onEvent = (event: JobEvent) => options.onEvent(job, event);
  if (job.kind === "url") {
    try {
      const { videoId } = await importFromUrl(job.url, {
        title: job.title,
        folderId: options.folderId,
      });
      onEvent({ type: "imported", videoId });
      return videoId;
    } catch (error) {
      throw explain(error);
    }
  }
  const file = await fileBlob(job.file);
  const { videoId } = await uploadFile({
    ...serverUploadDeps(options.folderId, job.file.absolutePath),
    file,
    filename: job.file.name,
    title: job.title,
    signal: options.signal,
    onEvent: (event) =>
      onEvent(event.type === "progress" ? { ...event, ...fileProgress(event, file.size) } : event),
    stallTimeoutMs: uploadDefaults.stallTimeoutMs,
  });
  return videoId;
}

function processingFailure(job: Job, video: Video): string {
  const upstream = video.upstreamStatus ? ` (status “${video.upstreamStatus}”)` : "";
  return job.kind === "url"
    ? `VdoCipher could not download or process ${job.url}${upstream}. Check that the URL serves the video file itself and is reachable from the internet.`
    : `VdoCipher could not process the file${upstream}. It may be damaged or not a video.`;
}
