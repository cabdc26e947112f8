import { describe, expect, it } from "vitest";
import { listRefreshInterval, videosKey } from "@/lib/hooks/use-videos";
import type { Video, VideoStatus } from "@/lib/schemas";

const video = (status: VideoStatus): Video => ({
  id: "0".repeat(32),
  title: "t",
  status,
  upstreamStatus: status,
  durationSeconds: null,
  posterUrl: null,
  uploadedAt: null,
});
const page = (...statuses: VideoStatus[]) => ({
  total: statuses.length,
  page: 1,
  limit: 10,
  videos: statuses.map(video),
});

describe("videosKey", () => {
  it("puts page, limit and an encoded search in the key, and leaves out an empty search", () => {
    expect(videosKey({ page: 2, limit: 10, q: "a&b c" })).toBe(
      "/api/videos?page=2&limit=10&q=a%26b+c",
    );
    expect(videosKey({ page: 1, limit: 10, q: "" })).toBe("/api/videos?page=1&limit=10");
  });
});

describe("listRefreshInterval", () => {
  it("polls as fast as the busiest row needs", () => {
    expect(listRefreshInterval(page("ready", "processing", "awaiting-upload"))).toBe(3_000);
    expect(listRefreshInterval(page("ready", "awaiting-upload"))).toBe(15_000);
  });

  it("stops when every row is ready or failed, or there are none", () => {
    expect(listRefreshInterval(page("ready", "failed"))).toBe(0);
    expect(listRefreshInterval(page())).toBe(0);
    expect(listRefreshInterval(undefined)).toBe(0);
  });
});
