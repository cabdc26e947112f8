// Progress figures for people: percent, a smoothed speed and an ETA. Plain doubles throughout, so
// sizes above 4 GiB stay exact (integers are exact up to 2^53).

export type ProgressSnapshot = {
  loaded: number;
  total: number;
  /** 0–100 with one decimal; 100 only when every byte is sent. */
  percent: number;
  /** Smoothed; 0 until there is a measurement. */
  bytesPerSecond: number;
  /** Seconds left at the smoothed speed; null while unknown. */
  etaSeconds: number | null;
};

export type ProgressTrackerOptions = {
  /** Time constant of the exponential smoothing: older samples fade with e^(-age/tau). */
  smoothingMs?: number;
  /** Samples closer together than this are merged, as progress events come in bursts. */
  minSampleMs?: number;
  now?: () => number;
};

export function percentOf(loaded: number, total: number): number {
  if (!(total > 0)) return 0;
  if (loaded >= total) return 100;
  return Math.min(99.9, Math.floor((Math.max(0, loaded) / total) * 1000) / 10);
}

export function createProgressTracker(options: ProgressTrackerOptions = {}) {
  const tau = options.smoothingMs ?? 3000;
  const minSample = options.minSampleMs ?? 250;
  const now = options.now ?? (() => performance.now());
  let sampleAt = now();
  let sampleLoaded = 0;
  let speed = 0;
  let measured = false;

  return {
    update(loaded: number, total: number): ProgressSnapshot {
      const at = now();
      const elapsed = at - sampleAt;
      if (elapsed >= minSample) {
        const rate = (Math.max(0, loaded - sampleLoaded) * 1000) / elapsed;
        // Time-weighted EWMA: a long gap counts for more than a short one.
        speed = measured ? speed + (1 - Math.exp(-elapsed / tau)) * (rate - speed) : rate;
        measured = true;
        sampleAt = at;
        sampleLoaded = loaded;
      }
      const remaining = Math.max(0, total - loaded);
      return {
        loaded,
        total,
        percent: percentOf(loaded, total),
        bytesPerSecond: speed,
        etaSeconds: remaining === 0 ? 0 : speed > 0 ? remaining / speed : null,
      };
    },
  };
}

export type ProgressTracker = ReturnType<typeof createProgressTracker>;
