"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { apiMintPlayback } from "@/lib/api-client";
import type { Playback } from "@/lib/schemas";

// Re-mint a little before the ttl runs out, so a click at the last second still loads in time.
const SAFETY_MARGIN_MS = 5_000;

/** When this OTP must be replaced, on the browser's clock, whatever the server's clock says. */
function deadlineFor(playback: Playback, ttlMs: number): number {
  const byExpiry = Date.parse(playback.expiresAt);
  const byTtl = Date.now() + ttlMs;
  const end = Number.isFinite(byExpiry) ? Math.min(byExpiry, byTtl) : byTtl;
  return end - Math.min(SAFETY_MARGIN_MS, ttlMs / 10);
}

/**
 * Keeps the OTP behind a player usable until the viewer starts watching: once its ttl has passed
 * (a tab left open), returning to the tab, or pressing play on the overlay, mints a fresh one and
 * reloads the iframe. After the viewer has clicked into the player it is never swapped under them.
 */
export function useFreshPlayback(videoId: string, initial: Playback, ttlMs: number) {
  const [playback, setPlayback] = useState(initial);
  const [generation, setGeneration] = useState(0);
  const [expired, setExpired] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const started = useRef(false);
  const deadline = useRef(Number.POSITIVE_INFINITY);
  const inFlight = useRef(false);

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRefreshing(true);
    setError(null);
    try {
      const next = await apiMintPlayback(videoId);
      setPlayback(next);
      setExpired(false);
      setGeneration((value) => value + 1);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not load the player.");
    } finally {
      inFlight.current = false;
      setRefreshing(false);
    }
  }, [videoId]);

  useEffect(() => {
    started.current = false;
    deadline.current = deadlineFor(playback, ttlMs);
    const timer = window.setTimeout(
      () => !started.current && setExpired(true),
      Math.max(0, deadline.current - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [playback, ttlMs]);

  useEffect(() => {
    // A cross-origin player reports nothing; focus moving into its iframe is the sign of a click.
    const onBlur = () =>
      window.setTimeout(() => {
        if (document.activeElement && document.activeElement === frameRef.current) {
          started.current = true;
        }
      }, 0);
    const onReturn = () => {
      const stale = Date.now() >= deadline.current;
      if (document.visibilityState === "visible" && stale && !started.current) void refresh();
    };
    window.addEventListener("blur", onBlur);
    window.addEventListener("focus", onReturn);
    document.addEventListener("visibilitychange", onReturn);
    return () => {
      window.removeEventListener("blur", onBlur);
      window.removeEventListener("focus", onReturn);
      document.removeEventListener("visibilitychange", onReturn);
    };
  }, [refresh]);

  return { playback, generation, expired, refreshing, error, refresh, frameRef };
}
