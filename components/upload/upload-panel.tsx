"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { validateFiles, type UploadRejection } from "@/lib/upload/accept";
import { uploadConfig } from "@/lib/upload/config";
import { useUploadQueue } from "./use-upload-queue";
import dynamic from "next/dynamic";
import { UploadDropzone } from "./upload-dropzone";

// Items exist only after a drop and the import form is secondary: both load after the dropzone.
const UploadItem = dynamic(() => import("./upload-item").then((m) => m.UploadItem));
const ImportUrlForm = dynamic(() => import("./import-url-form").then((m) => m.ImportUrlForm), {
  loading: () => <div className="h-[4.25rem]" aria-hidden />,
});

export function UploadPanel() {
  const queue = useUploadQueue({
    concurrency: uploadConfig.concurrency,
    stallTimeoutMs: uploadConfig.stallTimeoutMs,
  });
  const [rejections, setRejections] = useState<UploadRejection<File>[]>([]);
  // Each message is its own node, so several in one tick are all read out, not just the last.
  const [announcements, setAnnouncements] = useState<{ id: number; text: string }[]>([]);
  const announced = useRef(new Set<string>());
  const say = useCallback((text: string) => {
    setAnnouncements((list) => [...list.slice(-4), { id: (list.at(-1)?.id ?? 0) + 1, text }]);
  }, []);

  const announce = useCallback(
    (message: string, onceKey: string) => {
      if (announced.current.has(onceKey)) return;
      announced.current.add(onceKey);
      say(message);
    },
    [say],
  );

  const inFlight = queue.items.some((i) => i.phase === "uploading" || i.phase === "finishing");
  useEffect(() => {
    if (!inFlight) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [inFlight]);

  const onFiles = (files: File[]) => {
    const { accepted, rejected } = validateFiles(files, {
      maxBytes: uploadConfig.maxBytes,
      maxFiles: uploadConfig.maxFiles,
    });
    setRejections(rejected);
    if (rejected.length > 0) {
      say(rejected.map((r) => r.message).join(" "));
    }
    queue.add(accepted);
  };

  return (
    <div className="space-y-4" data-upload-area>
      <UploadDropzone onFiles={onFiles} maxBytes={uploadConfig.maxBytes} />
      <ImportUrlForm onImported={queue.addImported} />
      {rejections.length > 0 ? (
        <div
          role="alert"
          className="space-y-1 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-300"
        >
          <ul className="list-inside list-disc space-y-1" data-testid="upload-rejections">
            {rejections.map((rejection, index) => (
              <li key={`${rejection.file.name}-${index}`}>{rejection.message}</li>
            ))}
          </ul>
          <button type="button" className="text-xs underline" onClick={() => setRejections([])}>
            Dismiss
          </button>
        </div>
      ) : null}
      {queue.items.length > 0 ? (
        <ul className="space-y-3" aria-label="Uploads">
          {queue.items.map((item) => (
            <UploadItem
              key={item.key}
              item={item}
              onRename={(title) => queue.rename(item.key, title)}
              onCancel={() => queue.cancel(item.key)}
              onRetry={() => queue.retry(item.key)}
              onRemove={() => queue.remove(item.key)}
              onAnnounce={announce}
            />
          ))}
        </ul>
      ) : null}
      <div aria-live="polite" role="status" className="sr-only" data-testid="upload-announcer">
        {announcements.map((message) => (
          <p key={message.id}>{message.text}</p>
        ))}
      </div>
    </div>
  );
}
