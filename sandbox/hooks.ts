import { setTimeout as sleep } from "node:timers/promises";
import type { HookRecord, VideoRecord } from "./store";

const ATTEMPTS = 3;
const TIMEOUT_MS = 5000;

/** Delivers `video:ready` (and `video:readyall`) to the registered hooks, with a few retries. */
export class HookDelivery {
  private inflight = new Set<Promise<void>>();

  constructor(private hooks: () => HookRecord[]) {}

  videoReady(video: VideoRecord): void {
    const payload = {
      id: video.id,
      title: video.title,
      upload_time: video.uploadTime,
      tags: video.tags,
      length: video.length,
      status: "ready",
    };
    for (const hook of this.hooks()) {
      if (hook.status !== 1 || !["video:ready", "video:readyall"].includes(hook.event)) continue;
      const body = JSON.stringify({
        hookId: hook.uuid,
        event: hook.event,
        time: Date.now(),
        payload,
      });
      const delivery = this.deliver(hook.value, body).finally(() => this.inflight.delete(delivery));
      this.inflight.add(delivery);
    }
  }

  async settle(): Promise<void> {
    await Promise.allSettled([...this.inflight]);
  }

  private async deliver(url: string, body: string): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (response.ok) return;
      } catch {
        // unreachable receiver: retry below
      }
      if (attempt < ATTEMPTS) await sleep(500 * 2 ** attempt);
    }
  }
}
