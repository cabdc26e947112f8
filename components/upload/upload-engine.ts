// The engine as one lazily loaded chunk (see use-upload-queue.ts).
export { browserUploadDeps } from "@/lib/upload/api";
export { uploadFile } from "@/lib/upload/upload-file";
