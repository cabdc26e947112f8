// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { SWRConfig } from "swr";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useVideoStatus, type UseVideoStatusOptions } from "@/lib/hooks/use-video-status";
import type { Video, VideoStatus } from "@/lib/schemas";

const ID = "0123456789abcdef0123456789abcdef";

const video = (status: VideoStatus): Video => ({
  id: ID,
  title: "Clip",
  status,
  upstreamStatus: status,
  durationSeconds: status === "ready" ? 12 : null,
  posterUrl: status === "ready" ? "/poster.jpg" : null,
  uploadedAt: "2026-12-03T17:00:00.000Z",
});

type Reply = VideoStatus | number;

/** A fetch stub answering each GET with the next scripted reply (the last one repeats). */
function stubFetch(replies: Reply[]) {
  const times: number[] = [];
  const fetchMock = vi.fn(async (url: string | URL | Request) => {
    expect(String(url)).toBe(`/api/videos/${ID}`);
    const reply = replies[Math.min(times.length, replies.length - 1)]!;
    times.push(Date.now());
    if (typeof reply === "number") {
      return Response.json({ error: { code: "x", message: `status ${reply}` } }, { status: reply });
    }
    return Response.json(video(reply));
  });
  vi.stubGlobal("fetch", fetchMock);
  return { fetchMock, times };
}

const wrapper = ({ children }: { children: ReactNode }) => (
  <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>{children}</SWRConfig>
);

function render(options: Partial<UseVideoStatusOptions> = {}, id: string | null = ID) {
  return renderHook((props: UseVideoStatusOptions) => useVideoStatus(id, { ...props }), {
    wrapper,
    initialProps: { enabled: true, ...options },
  });
}

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("useVideoStatus", () => {
  it("does not fetch until enabled (after a 2xx upload)", async () => {
    const { fetchMock } = stubFetch(["queued"]);
    const { result, rerender } = render({ enabled: false });
    await advance(10_000);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(result.current.video).toBeUndefined();
    rerender({ enabled: true });
    await advance(10);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(result.current.video?.status).toBe("queued");
  });

  it("backs off from 2 s toward 10 s, restarts at 2 s on a status change, stops at ready keeping the data", async () => {
    const { times } = stubFetch([
      "queued",
      "processing",
      "processing",
      "processing",
      "processing",
      "processing",
      "processing",
      "ready",
    ]);
    const { result } = render();
    await advance(60_000);
    expect(gaps(times)).toEqual([2000, 2000, 3000, 4500, 6750, 10_000, 10_000]);
    expect(result.current.video).toMatchObject({ status: "ready", durationSeconds: 12 });
    const count = times.length;
    await advance(120_000);
    expect(times).toHaveLength(count);
    expect(result.current.video?.status).toBe("ready");
    expect(result.current.slow).toBe(false);
  });

  it("stops at failed and keeps the data", async () => {
    const { times } = stubFetch(["queued", "failed"]);
    const { result } = render();
    await advance(60_000);
    expect(times).toHaveLength(2);
    expect(result.current.video?.status).toBe("failed");
  });

  it("keeps the last status through transient errors and keeps polling", async () => {
    const { times } = stubFetch(["processing", 502, 503, "processing", "ready"]);
    const { result } = render();
    await advance(10);
    expect(result.current.video?.status).toBe("processing");
    await advance(2000);
    expect(times).toHaveLength(2);
    expect(result.current.error?.status).toBe(502);
    expect(result.current.video?.status).toBe("processing");
    await advance(60_000);
    expect(times).toHaveLength(5);
    expect(result.current.video?.status).toBe("ready");
    expect(result.current.error).toBeUndefined();
    expect(result.current.notFound).toBe(false);
  });

  it("stops on a 404 and says so", async () => {
    const { times } = stubFetch(["queued", 404]);
    const { result } = render();
    await advance(2010);
    expect(result.current.notFound).toBe(true);
    await advance(120_000);
    expect(times).toHaveLength(2);
    expect(result.current.video?.status).toBe("queued");
  });

  it("reports slow after the threshold, stops polling, and checkAgain fetches and resumes", async () => {
    const replies: Reply[] = Array<Reply>(40).fill("processing");
    const { times } = stubFetch(replies);
    const { result } = render({ slowAfterMs: 60_000 });
    await advance(59_000);
    expect(result.current.slow).toBe(false);
    await advance(1_000);
    expect(result.current.slow).toBe(true);
    await advance(10_000);
    const count = times.length;
    await advance(300_000);
    expect(times).toHaveLength(count);

    replies.splice(0, replies.length, ...Array<Reply>(count).fill("processing"), "ready");
    act(() => result.current.checkAgain());
    await advance(10);
    expect(times).toHaveLength(count + 1);
    expect(result.current.video?.status).toBe("ready");
    expect(result.current.slow).toBe(false);
  });

  it("does not poll while the tab is hidden", async () => {
    const { times } = stubFetch(["processing"]);
    render();
    await advance(10);
    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    await advance(60_000);
    expect(times).toHaveLength(1);
    visibility.mockReturnValue("visible");
    await advance(10_000);
    expect(times.length).toBeGreaterThan(1);
  });

  it("does not refetch on focus", async () => {
    const { times } = stubFetch(["processing"]);
    render({ minIntervalMs: 60_000, maxIntervalMs: 60_000 });
    // Past SWR's focus throttle, so only the option can keep a focus from refetching.
    await advance(10_000);
    act(() => {
      window.dispatchEvent(new Event("focus"));
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await advance(100);
    expect(times).toHaveLength(1);
  });
});
