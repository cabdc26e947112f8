import { useCallback, useEffect, useRef, useState } from "react";
import useSWR, { type SWRConfiguration } from "swr";
import { ApiClientError, videoUrl } from "@/lib/api-client";
import type { Video, VideoStatus } from "@/lib/schemas";
import { getVideo } from "@/lib/upload/api";

// Polls one video's status after its upload, until it is ready or failed. Polling stops by the
// interval returning 0, never by dropping the key, so the last data stays on screen (F12). The key
// is the one the library uses for a video, so both share one cache entry.

export type UseVideoStatusOptions = {
  /** Start polling (after a 2xx upload). Keep it true afterwards: the data lives under the key. */
  enabled: boolean;
  /** First interval, used again whenever the status changes. */
  minIntervalMs?: number;
  /** The interval grows by `backoffFactor` per unchanged answer up to this. */
  maxIntervalMs?: number;
  backoffFactor?: number;
  /** After this long without a final status, stop and report `slow`. */
  slowAfterMs?: number;
};

export type VideoStatusState = {
  /** The latest video seen; kept through errors and after polling stops. */
  video: Video | undefined;
  /** The latest failed request (polling continues unless it was a 404). */
  error: ApiClientError | undefined;
  /** The video no longer exists (404); polling stopped. */
  notFound: boolean;
  /** Still not ready after `slowAfterMs`; polling stopped until `checkAgain()`. */
  slow: boolean;
  /** Fetches now and resumes polling for another `slowAfterMs`. */
  checkAgain: () => void;
};

const TERMINAL: ReadonlySet<VideoStatus> = new Set(["ready", "failed"]);

const isNotFound = (error: unknown) => error instanceof ApiClientError && error.status === 404;

export function useVideoStatus(
  videoId: string | null | undefined,
  {
    enabled,
    minIntervalMs = 2_000,
    maxIntervalMs = 10_000,
    backoffFactor = 1.5,
    slowAfterMs = 30 * 60_000,
  }: UseVideoStatusOptions,
): VideoStatusState {
  const key = enabled && videoId ? videoUrl(videoId) : null;
  // Answers in a row with the same status; the interval backs off with it.
  const streak = useRef<{ status?: VideoStatus; count: number }>({ count: 0 });
  const stopped = useRef({ slow: false, notFound: false });
  const retryTimers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const startedAt = useRef<number | null>(null);
  const [slow, setSlow] = useState(false);
  const [notFound, setNotFound] = useState(false);
  // A new generation gives SWR a new interval function, which restarts its polling loop.
  const [generation, setGeneration] = useState(0);

  const backoff = useCallback(
    () =>
      Math.min(
        maxIntervalMs,
        minIntervalMs * backoffFactor ** Math.max(0, streak.current.count - 1),
      ),
    [minIntervalMs, maxIntervalMs, backoffFactor],
  );

  const refreshInterval = useCallback(
    (data: Video | undefined) => {
      if (stopped.current.slow || stopped.current.notFound) return 0;
      if (data && TERMINAL.has(data.status)) return 0;
      return backoff();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `generation` only renews the identity
    [backoff, generation],
  );

  const fetcher = useCallback(async (): Promise<Video> => {
    if (!videoId) throw new Error("No video id");
    const video = await getVideo(videoId);
    const current = streak.current;
    streak.current =
      current.status === video.status
        ? { status: video.status, count: current.count + 1 }
        : { status: video.status, count: 1 };
    return video;
  }, [videoId]);

  const config: SWRConfiguration<Video, ApiClientError> = {
    refreshInterval,
    revalidateOnFocus: false,
    refreshWhenHidden: false,
    refreshWhenOffline: false,
    onError: (error) => {
      if (!isNotFound(error)) return;
      stopped.current.notFound = true;
      setNotFound(true);
    },
    // SWR's own polling skips while an error is cached, so this retry keeps the loop alive.
    onErrorRetry: (error, _key, _config, revalidate, retryOptions) => {
      if (isNotFound(error) || stopped.current.slow) return;
      streak.current = { ...streak.current, count: streak.current.count + 1 };
      const schedule = (ms: number) => {
        const timer = setTimeout(() => {
          retryTimers.current.delete(timer);
          if (document.visibilityState === "hidden") schedule(minIntervalMs);
          else void revalidate(retryOptions);
        }, ms);
        retryTimers.current.add(timer);
      };
      schedule(backoff());
    },
  };
  const { data, error, mutate } = useSWR<Video, ApiClientError>(key, fetcher, config);

  useEffect(() => {
    const timers = retryTimers.current;
    return () => timers.forEach(clearTimeout);
  }, []);

  const waiting = key !== null && !notFound && !(data && TERMINAL.has(data.status));
  useEffect(() => {
    if (!waiting) return;
    startedAt.current ??= Date.now();
    const timer = setTimeout(
      () => {
        stopped.current.slow = true;
        setSlow(true);
      },
      Math.max(0, startedAt.current + slowAfterMs - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [waiting, slowAfterMs, generation]);

  const checkAgain = useCallback(() => {
    stopped.current = { slow: false, notFound: false };
    streak.current = { ...streak.current, count: 0 };
    startedAt.current = Date.now();
    setSlow(false);
    setNotFound(false);
    setGeneration((g) => g + 1);
    void mutate();
  }, [mutate]);

  return { video: data, error, notFound, slow: slow && waiting, checkAgain };
}
