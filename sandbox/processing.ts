import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Sandbox } from "./context";
import { downloadTo } from "./import-url";
import { extractPoster, probe, transcode } from "./media-tools";
import type { VideoRecord } from "./store";
import { newId } from "./store";

const CONCURRENCY = 2;

type Outputs = Pick<VideoRecord, "length" | "poster" | "media">;

/**
 * Runs Queued → Processing → ready | Error with ffprobe/ffmpeg. A video stays Queued for at least
 * half of `minProcessingMs` and reaches `ready` no sooner than `minProcessingMs` after the upload,
 * so pollers can observe each state.
 */
export class ProcessingQueue {
  private waiting: string[] = [];
  private running = new Map<string, AbortController>();
  private stopped = false;

  constructor(private sb: () => Sandbox) {}

  /** Moves an accepted upload into place and queues its video, before the 201 is sent. */
  async acceptUpload(key: string, partPath: string, sizeBytes: number): Promise<void> {
    const { store } = this.sb();
    const video = store.videos.get(key.replace(/^orig\//, ""));
    // S3 would store the object anyway; VdoCipher has nothing to process for it.
    if (!video || video.status !== "PRE-Upload" || video.importUrl) {
      await rm(partPath, { force: true });
      return;
    }
    await mkdir(store.videoDir(video.id), { recursive: true });
    await rename(partPath, store.sourcePath(video.id));
    await store.update(video, { status: "Queued", queuedAt: Date.now(), sizeBytes });
    this.enqueue(video.id);
  }

  enqueue(id: string): void {
    if (this.stopped || this.waiting.includes(id) || this.running.has(id)) return;
    this.waiting.push(id);
    this.pump();
  }

  /** After a restart: every video that was queued or mid-processing is picked up again. */
  resumeAll(): void {
    const pending = [...this.sb().store.videos.values()]
      .filter((video) => video.status === "Queued" || video.status === "Processing")
      .sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
    for (const video of pending) this.enqueue(video.id);
  }

  cancel(id: string): void {
    this.waiting = this.waiting.filter((waiting) => waiting !== id);
    this.running.get(id)?.abort();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting = [];
    for (const controller of this.running.values()) controller.abort();
    while (this.running.size > 0) await sleep(10);
  }

  cancelAll(): void {
    this.waiting = [];
    for (const controller of this.running.values()) controller.abort();
  }

  private pump(): void {
    while (!this.stopped && this.running.size < CONCURRENCY && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      const controller = new AbortController();
      this.running.set(id, controller);
      void this.process(id, controller.signal)
        .catch((error: unknown) => {
          if (!controller.signal.aborted)
            console.error(`[sandbox] processing ${id} failed:`, error);
        })
        .finally(() => {
          this.running.delete(id);
          this.pump();
        });
    }
  }

  private async process(id: string, signal: AbortSignal): Promise<void> {
    const sb = this.sb();
    const { store, config } = sb;
    const current = () => {
      const video = store.videos.get(id);
      if (signal.aborted || !video) throw new Error("cancelled");
      return video;
    };
    let video = current();
    const queuedAt = video.queuedAt ?? Date.now();
    const source = store.sourcePath(id);
    if (video.importUrl && !(await exists(source))) {
      const size = await downloadTo(
        video.importUrl,
        store.tmpDir,
        source,
        config.maxUploadBytes,
        signal,
      );
      video = current();
      if (size === undefined) return this.finish(video, undefined);
      await store.update(video, { sizeBytes: size });
    }
    await sleepUntil(queuedAt + config.minProcessingMs / 2, signal);
    await store.update(current(), { status: "Processing" });

    const outputs = sb.faults.takeProcessingFailure()
      ? undefined
      : await this.makeOutputs(id, signal);
    await sleepUntil(queuedAt + config.minProcessingMs, signal);
    await this.finish(current(), outputs);
  }

  private async makeOutputs(id: string, signal: AbortSignal): Promise<Outputs | undefined> {
    const { store, config } = this.sb();
    const source = store.sourcePath(id);
    const info = await probe(config.ffprobePath, source, signal);
    if (!info) return undefined;
    const work = path.join(store.tmpDir, newId());
    await mkdir(work, { recursive: true });
    try {
      const media = path.join(work, "video.mp4");
      if (!(await transcode(config.ffmpegPath, source, media, info.hasAudio, signal)))
        return undefined;
      const output = await probe(config.ffprobePath, media, signal);
      // A decode that stopped early (a truncated file) yields a shorter output than the header claims.
      const tolerance = Math.max(0.5, info.durationSeconds * 0.05);
      if (!output || output.durationSeconds < info.durationSeconds - tolerance) return undefined;
      const poster = path.join(work, "poster.jpeg");
      const at = Math.min(1, output.durationSeconds / 2);
      if (!(await extractPoster(config.ffmpegPath, media, poster, at, signal))) return undefined;
      const mediaSize = (await stat(media)).size;
      await rename(media, store.mediaPath(id));
      await rename(poster, store.posterPath(id));
      return {
        length: Math.max(1, Math.round(output.durationSeconds)),
        poster: { width: output.width, height: output.height },
        media: {
          width: output.width,
          height: output.height,
          sizeBytes: mediaSize,
          bitrate: Math.round((mediaSize * 8) / output.durationSeconds),
        },
      };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async finish(video: VideoRecord, outputs: Outputs | undefined): Promise<void> {
    const sb = this.sb();
    await sb.store.update(video, outputs ? { ...outputs, status: "ready" } : { status: "Error" });
    if (outputs) sb.hooks.videoReady(video);
  }
}

async function sleepUntil(deadline: number, signal: AbortSignal): Promise<void> {
  const wait = deadline - Date.now();
  if (wait > 0) await sleep(wait, undefined, { signal });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
