import "server-only";
import { z } from "zod";
import { vdoRequest } from "./http";
import { rawFileSchema, type RawFile } from "./raw";

export type VideoFile = {
  id: string;
  name: string | null;
  format: string | null;
  enabled: boolean;
  width: number | null;
  height: number | null;
  lang: string | null;
  /** ISO 8601. */
  createdAt: string | null;
};

/** `GET /videos/{id}/files/`: posters, captions and renditions. */
export async function listFiles(videoId: string): Promise<VideoFile[]> {
  const raw = await vdoRequest("GET", `/videos/${videoId}/files/`, z.array(rawFileSchema));
  return raw.map(toFile);
}

function toFile(raw: RawFile): VideoFile {
  return {
    id: String(raw.id),
    name: raw.name ?? null,
    format: raw.format ?? null,
    // Read an absent flag as enabled, so files from a reply without it stay visible.
    enabled: raw.enabled === undefined || raw.enabled === null ? true : Boolean(raw.enabled),
    width: raw.width ?? null,
    height: raw.height ?? null,
    lang: raw.lang ?? null,
    createdAt:
      raw.time && Number.isFinite(Date.parse(raw.time)) ? new Date(raw.time).toISOString() : null,
  };
}
