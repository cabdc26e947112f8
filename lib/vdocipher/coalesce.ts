import "server-only";

export type CoalescingCacheOptions<V> = {
  load: (key: string) => Promise<V>;
  /** How long a settled value may be reused. */
  ttlMs: number;
  /** Entries kept at most; the oldest go first. */
  maxEntries: number;
  /** Whether a settled value may be reused at all; in-flight loads are shared regardless. */
  reusable?: (value: V) => boolean;
  /** How long a failure may be reused (ms); by default none is. */
  failureTtlMs?: (error: unknown) => number;
  now?: () => number;
};

export type CoalescingCache<V> = {
  get: (key: string) => Promise<V>;
  forget: (key: string) => void;
  size: () => number;
};

type Entry<V> = { promise: Promise<V>; settledAt?: number; ttlMs?: number };

/**
 * Concurrent gets of one key share a single load, and its value is reused for `ttlMs`.
 * Failures are not reused unless `failureTtlMs` says so, so an upstream hiccup is retried by the
 * next caller while a definite answer such as "no such video" can still be remembered briefly.
 * (Hand-written rather than lru-cache: that needs its stale/abort semantics tuned to get just this.)
 */
export function createCoalescingCache<V>(options: CoalescingCacheOptions<V>): CoalescingCache<V> {
  const now = options.now ?? (() => Date.now());
  const entries = new Map<string, Entry<V>>();

  function fresh(entry: Entry<V>): boolean {
    if (entry.settledAt === undefined) return true;
    return now() - entry.settledAt < (entry.ttlMs ?? options.ttlMs);
  }

  function get(key: string): Promise<V> {
    const existing = entries.get(key);
    if (existing && fresh(existing)) return existing.promise;
    entries.delete(key);
    while (entries.size >= options.maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    const entry: Entry<V> = {
      promise: options.load(key).then(
        (value) => {
          entry.settledAt = now();
          if (options.reusable && !options.reusable(value) && entries.get(key) === entry) {
            entries.delete(key);
          }
          return value;
        },
        (error: unknown) => {
          entry.settledAt = now();
          entry.ttlMs = options.failureTtlMs?.(error) ?? 0;
          if (entry.ttlMs <= 0 && entries.get(key) === entry) entries.delete(key);
          throw error;
        },
      ),
    };
    entries.set(key, entry);
    return entry.promise;
  }

  return {
    get,
    forget: (key) => void entries.delete(key),
    size: () => entries.size,
  };
}
