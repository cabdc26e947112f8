"use client";

import { useState } from "react";
import useSWR, { mutate } from "swr";
import { fetchJson, type ApiClientError } from "@/lib/api-client";
import type { VideoList, VideoStatus } from "@/lib/schemas";

export type LibraryQuery = { page: number; limit: number; q: string };

const LIST_PREFIX = "/api/videos?";

export function videosKey({ page, limit, q }: LibraryQuery): string {
  const params = new URLSearchParams({ page: String(page), limit: String(limit) });
  if (q) params.set("q", q);
  return LIST_PREFIX + params.toString();
}

// Videos mid-pipeline change within seconds; an awaiting-upload row may belong to an upload running
// in this tab or to one that was abandoned, so it is checked, but rarely.
const POLL_MS: Record<VideoStatus, number> = {
  queued: 3_000,
  processing: 3_000,
  "awaiting-upload": 15_000,
  ready: 0,
  failed: 0,
};

/** How soon to refetch a page of the library: as soon as its most active row needs it, or never. */
export function listRefreshInterval(data: VideoList | undefined): number {
  const intervals = (data?.videos ?? [])
    .map((video) => POLL_MS[video.status])
    .filter((ms) => ms > 0);
  return intervals.length ? Math.min(...intervals) : 0;
}

export function useVideos(query: LibraryQuery) {
  // A number, not a function: SWR reads a function only while a timer runs, so a page that went
  // idle (or was empty at mount) would never resume polling when an upload adds a row.
  const [pollMs, setPollMs] = useState(0);
  return useSWR<VideoList, ApiClientError>(videosKey(query), fetchJson, {
    keepPreviousData: true,
    refreshInterval: pollMs,
    onSuccess: (data) => setPollMs(listRefreshInterval(data)),
  });
}

/** Refetches every cached page of the library, e.g. after an upload finishes elsewhere on the page. */
export function refreshVideoLists(): Promise<unknown> {
  return mutate((key) => typeof key === "string" && key.startsWith(LIST_PREFIX));
}
