"use client";

import { useDropzone, type FileRejection } from "react-dropzone";
import { videoAccept } from "@/lib/upload/accept";
import { formatBytes } from "@/lib/format";

// react-dropzone only filters by type here; size, emptiness and count are judged by validateFiles
// so every refusal gets our own message.
export function UploadDropzone({
  onFiles,
  maxBytes,
}: {
  onFiles: (files: File[]) => void;
  maxBytes: number;
}) {
  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    accept: videoAccept,
    multiple: true,
    onDrop: (accepted: File[], rejected: FileRejection[]) =>
      onFiles([...accepted, ...rejected.map((rejection) => rejection.file)]),
  });

  return (
    <div
      {...getRootProps({
        role: "button",
        "aria-labelledby": "dropzone-label",
        "aria-describedby": "dropzone-hint",
      })}
      className={`group flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 focus-visible:outline-none dark:focus-visible:ring-offset-zinc-950 ${
        isDragActive
          ? "border-brand-500 bg-brand-50 dark:bg-brand-500/10"
          : "border-zinc-300 hover:border-brand-400 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
      }`}
    >
      <input {...getInputProps({ "aria-label": "Choose video files" })} />
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-10 text-zinc-400 group-hover:text-brand-500"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
      >
        <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
      </svg>
      <p id="dropzone-label" className="font-medium">
        {isDragActive ? "Drop to upload" : "Drop videos here, or click to choose"}
      </p>
      <p id="dropzone-hint" className="text-sm text-zinc-500 dark:text-zinc-400">
        MP4, MOV, MKV, WebM, AVI and more · up to {formatBytes(maxBytes)} each · press Enter or
        Space to browse
      </p>
    </div>
  );
}
