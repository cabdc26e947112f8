import { z } from "zod";
import { importUrlMessages, isYouTubeUrl } from "@/lib/import-url";

// Shared by route handlers (validation) and the browser (types): the shapes of our own HTTP API.

export const videoIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, "A video id is 32 lowercase hexadecimal characters.");

// Control characters (newlines, NUL, bell…) become spaces; direction overrides could disguise a
// title ("\u202Eevil.mp4"), and zero-width characters alone would show as an empty one.
const CONTROLS = /\p{Cc}+/gu;
const DIRECTION_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/u;
const VISIBLE = /[^\s\u200B-\u200D\u2060\uFEFF]/u;

export const titleSchema = z
  .string({ error: "The title must be a string." })
  .transform((title) => title.replace(CONTROLS, " "))
  .pipe(
    z
      .string()
      .trim()
      .min(1, "The title cannot be empty.")
      .max(250, "The title can be at most 250 characters.")
      .refine((title) => !DIRECTION_OVERRIDES.test(title), {
        error: "The title cannot contain text-direction override characters.",
      })
      .refine((title) => VISIBLE.test(title), { error: "The title cannot be empty." }),
  );

export const folderIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "A folder id is 1 to 64 letters, digits, '-' or '_'.");

export const createUploadSchema = z.object({
  title: titleSchema,
  folderId: folderIdSchema.optional(),
});
export type CreateUploadInput = z.infer<typeof createUploadSchema>;

// Any host, loopback included (the sandbox and self-hosted sources live there); only the scheme is
// restricted, so file:, data: or javascript: URLs never reach VdoCipher.
export const importUrlSchema = z
  .url({ protocol: /^https?$/, error: importUrlMessages.scheme })
  .max(2048, "The address can be at most 2048 characters.")
  .refine((url) => !isYouTubeUrl(url), { error: importUrlMessages.youtube });

export const importVideoSchema = z.object({
  url: importUrlSchema,
  title: titleSchema.optional(),
  folderId: folderIdSchema.optional(),
});
export type ImportVideoInput = z.infer<typeof importVideoSchema>;

export const renameVideoSchema = z.object({ title: titleSchema });
export type RenameVideoInput = z.infer<typeof renameVideoSchema>;

export const listVideosQuerySchema = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1, "page starts at 1.")
    .max(100_000, "page is at most 100000.")
    .default(1),
  limit: z.coerce.number().int().min(1).max(100, "limit is at most 100.").default(20),
  q: z.string().trim().max(250).optional(),
});
export type ListVideosQuery = z.infer<typeof listVideosQuerySchema>;

export const videoStatuses = [
  "awaiting-upload",
  "queued",
  "processing",
  "ready",
  "failed",
] as const;
export type VideoStatus = (typeof videoStatuses)[number];

export type Video = {
  id: string;
  title: string;
  status: VideoStatus;
  /** The upstream status string as VdoCipher sent it, for display and debugging. */
  upstreamStatus: string;
  durationSeconds: number | null;
  posterUrl: string | null;
  /** ISO 8601. */
  uploadedAt: string | null;
};

export type VideoList = { total: number; page: number; limit: number; videos: Video[] };

/** `POST /api/uploads` 201: `fields` are upstream's, names and values byte for byte, in upstream order. */
export type UploadTicket = {
  videoId: string;
  uploadLink: string;
  fields: Record<string, string>;
  expiresAt: string;
};

/** `POST /api/videos/[id]/playback` 200. */
export type Playback = {
  otp: string;
  playbackInfo: string;
  playerUrl: string;
  expiresAt: string;
};
