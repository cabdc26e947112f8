"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import type { Video } from "@/lib/schemas";
import type { ProgressSnapshot } from "@/lib/upload/progress";
import { titleFromFilename } from "@/lib/titles";
import { registerUploads } from "@/lib/upload/active-uploads";
import { UploadError } from "@/lib/upload/upload-error";
import type * as UploadEngine from "./upload-engine";
import type { UploadEvent } from "@/lib/upload/upload-file";

// The studio's queue: which files wait, which run (at most `concurrency` at once), and how each one
// is doing. Sending bytes, retrying and cleaning up are the engine's (lib/upload); this only
// schedules it and keeps what the UI shows.

export type QueuePhase =
  "waiting" | "uploading" | "finishing" | "uploaded" | "failed" | "cancelled";

export type QueueItem = {
  key: string;
  /** Null for a video imported from a URL: VdoCipher fetched it, there was nothing to send. */
  file: File | null;
  /** The address an imported video came from. */
  sourceUrl: string | null;
  title: string;
  phase: QueuePhase;
  progress: ProgressSnapshot | null;
  videoId: string | null;
  /** Set while the engine waits to try again, e.g. after a dropped connection. */
  retrying: { attempt: number; delayMs: number; reason: string } | null;
  error: UploadError | null;
};

type Action =
  | { type: "add"; items: QueueItem[] }
  | { type: "patch"; key: string; patch: Partial<QueueItem> }
  | { type: "remove"; key: string }
  | { type: "cancelWaiting" };

function reducer(items: QueueItem[], action: Action): QueueItem[] {
  switch (action.type) {
    case "add":
      return [...items, ...action.items];
    case "patch":
      return items.map((item) => (item.key === action.key ? { ...item, ...action.patch } : item));
    case "remove":
      return items.filter((item) => item.key !== action.key);
    case "cancelWaiting":
      return items.map((item) =>
        item.phase === "waiting" ? { ...item, phase: "cancelled" as const } : item,
      );
  }
}

let sequence = 0;

// The engine is not part of the studio's first load: it is fetched as soon as the queue mounts, long
// before a drop, so the first byte still leaves at once.
let engine: Promise<typeof UploadEngine> | undefined;
const loadUploadEngine = () => (engine ??= import("./upload-engine"));

function engineUnavailable(cause: unknown) {
  engine = undefined;
  return new UploadError(
    "network",
    "Could not load the uploader. Check your connection and retry.",
    {
      retryable: true,
      cause,
    },
  );
}

export function useUploadQueue({
  concurrency,
  stallTimeoutMs,
}: {
  concurrency: number;
  stallTimeoutMs: number;
}) {
  const [items, dispatch] = useReducer(reducer, []);
  const controllers = useRef(new Map<string, AbortController>());
  const running = useRef(new Map<string, Promise<void>>());

  const patch = useCallback(
    (key: string, value: Partial<QueueItem>) => dispatch({ type: "patch", key, patch: value }),
    [],
  );

  const start = useCallback(
    (item: QueueItem) => {
      const file = item.file;
      if (!file) return;
      const controller = new AbortController();
      controllers.current.set(item.key, controller);
      patch(item.key, { phase: "uploading", progress: null, error: null, retrying: null });

      const onEvent = (event: UploadEvent) => {
        switch (event.type) {
          case "ticket":
            return patch(item.key, { videoId: event.videoId });
          case "progress": {
            const { type: _type, ...progress } = event;
            return patch(item.key, { progress, phase: "uploading", retrying: null });
          }
          case "finishing":
            return patch(item.key, { phase: "finishing" });
          case "retrying":
            return patch(item.key, {
              phase: "uploading",
              retrying: { attempt: event.attempt, delayMs: event.delayMs, reason: event.reason },
            });
          case "uploaded":
            return patch(item.key, { videoId: event.videoId });
        }
      };

      const done = loadUploadEngine()
        .then(({ uploadFile, browserUploadDeps }) =>
          uploadFile({
            ...browserUploadDeps,
            file,
            filename: file.name,
            title: item.title,
            signal: controller.signal,
            onEvent,
            stallTimeoutMs,
          }),
        )
        .then(
          ({ videoId }) => patch(item.key, { phase: "uploaded", videoId, retrying: null }),
          (error: unknown) => {
            const uploadError = error instanceof UploadError ? error : engineUnavailable(error);
            patch(item.key, {
              phase: uploadError.kind === "aborted" ? "cancelled" : "failed",
              error: uploadError,
              retrying: null,
              videoId: null,
            });
          },
        )
        .finally(() => {
          controllers.current.delete(item.key);
          running.current.delete(item.key);
        });
      running.current.set(item.key, done);
    },
    [patch, stallTimeoutMs],
  );

  useEffect(() => {
    const running = items.filter((i) => i.phase === "uploading" || i.phase === "finishing").length;
    const room = concurrency - running;
    if (room <= 0) return;
    items
      .filter((item) => item.phase === "waiting")
      .slice(0, room)
      .forEach(start);
  }, [items, concurrency, start]);

  useEffect(() => {
    void loadUploadEngine().catch(() => undefined);
    return registerUploads({
      count: () => controllers.current.size,
      cancelAll: async () => {
        dispatch({ type: "cancelWaiting" });
        controllers.current.forEach((controller) => controller.abort());
        await Promise.all(running.current.values());
      },
    });
  }, []);

  useEffect(() => {
    const live = controllers.current;
    return () => live.forEach((controller) => controller.abort());
  }, []);

  const add = useCallback((files: File[]) => {
    const added = files.map<QueueItem>((file) => ({
      key: `upload-${(sequence += 1)}`,
      file,
      sourceUrl: null,
      title: titleFromFilename(file.name),
      phase: "waiting",
      progress: null,
      videoId: null,
      retrying: null,
      error: null,
    }));
    dispatch({ type: "add", items: added });
  }, []);

  // An import is created by the server at once, so it joins the queue already past the upload and
  // follows the same processing timeline as an uploaded file.
  const addImported = useCallback((video: Video, url: string) => {
    const item: QueueItem = {
      key: `import-${(sequence += 1)}`,
      file: null,
      sourceUrl: url,
      title: video.title,
      phase: "uploaded",
      progress: null,
      videoId: video.id,
      retrying: null,
      error: null,
    };
    dispatch({ type: "add", items: [item] });
  }, []);

  const cancel = useCallback((key: string) => controllers.current.get(key)?.abort(), []);
  const retry = useCallback(
    (key: string) => {
      const item = items.find((candidate) => candidate.key === key);
      // A video that failed processing is replaced by the new upload, not kept beside it.
      if (item?.phase === "uploaded" && item.videoId) {
        const failed = item.videoId;
        void loadUploadEngine()
          .then(({ browserUploadDeps }) => browserUploadDeps.deleteVideo(failed))
          .catch(() => undefined);
      }
      patch(key, { phase: "waiting", error: null, progress: null, videoId: null });
    },
    [items, patch],
  );
  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    dispatch({ type: "remove", key });
  }, []);
  const rename = useCallback((key: string, title: string) => patch(key, { title }), [patch]);

  return { items, add, addImported, cancel, retry, remove, rename };
}
