import "server-only";
import { z } from "zod";

// VdoCipher's raw shapes (vdocipher-api.md §1-6). Only what we read is declared; where the contract is
// uncertain a field is optional and a wrong type degrades to "absent" instead of failing the call.

const lenient = <T extends z.ZodType>(schema: T) => schema.nullish().catch(undefined);

const numberish = z.union([z.number(), z.string().trim().min(1).pipe(z.coerce.number())]);

const rawPosterSchema = z.looseObject({
  posterUrl: lenient(z.string()),
  url: lenient(z.string()),
  width: lenient(numberish),
  height: lenient(numberish),
});

export const rawVideoSchema = z.looseObject({
  id: z.string().min(1),
  title: lenient(z.string()),
  status: lenient(z.string()),
  upload_time: lenient(numberish),
  length: lenient(numberish),
  posters: lenient(z.array(rawPosterSchema)),
  poster: lenient(z.string()),
  tags: lenient(z.array(z.string())),
});
export type RawVideo = z.infer<typeof rawVideoSchema>;

export const rawVideoListSchema = z.looseObject({
  count: lenient(numberish),
  rows: z.array(rawVideoSchema),
});

export const rawUploadCredentialsSchema = z.looseObject({
  videoId: z.string().min(1),
  // A record keeps upstream's key order, which the upload form must reproduce.
  clientPayload: z
    .record(z.string(), z.string())
    .refine((payload) => typeof payload.uploadLink === "string" && payload.uploadLink.length > 0, {
      message: "clientPayload.uploadLink is missing",
    }),
});

export const rawOtpSchema = z.looseObject({
  otp: z.string().min(1),
  playbackInfo: z.string().min(1),
});

export const rawMessageSchema = z.looseObject({ message: lenient(z.string()) });

export const rawFileSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  name: lenient(z.string()),
  size: lenient(z.union([z.number(), z.string()])),
  time: lenient(z.string()),
  enabled: lenient(z.union([z.number(), z.boolean()])),
  format: lenient(z.string()),
  width: lenient(numberish),
  height: lenient(numberish),
  lang: lenient(z.string()),
});
export type RawFile = z.infer<typeof rawFileSchema>;

export const rawImportSchema = z.union([
  z.looseObject({ id: z.string().min(1) }).transform((raw) => raw.id),
  z.looseObject({ videoId: z.string().min(1) }).transform((raw) => raw.videoId),
]);
