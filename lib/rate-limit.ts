import "server-only";
import { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";

export type LimiterOptions = {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  /** Shared store; without it the limit is per server instance. */
  redis?: Redis;
};

export function createLimiter({ keyPrefix, points, durationSeconds, redis }: LimiterOptions) {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds });
  if (!redis) return memory;
  // If Redis is unreachable, each instance keeps limiting on its own rather than failing every request.
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `cipherdrop:${keyPrefix}`,
    points,
    duration: durationSeconds,
    insuranceLimiter: memory,
  });
}

export function connectRedis(url: string) {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 3_000 });
  // ioredis reconnects by itself; the limiter falls back to memory meanwhile. Log, never crash.
  redis.on("error", (error: Error) => console.error(`[cipherdrop] Redis: ${error.message}`));
  return redis;
}

function waitText(seconds: number) {
  const minutes = Math.ceil(seconds / 60);
  return seconds < 60
    ? `${Math.ceil(seconds)} seconds`
    : `${minutes} minute${minutes > 1 ? "s" : ""}`;
}

/** Takes one point for `key`, or throws rate_limited with the seconds until one is free again. */
export async function consumePoint(
  limiter: RateLimiterAbstract,
  key: string,
  message: (wait: string) => string,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new ApiError("rate_limited", message(waitText(seconds)), { retryAfterSeconds: seconds });
  }
}

let redis: Redis | null | undefined;
const limiters = new Map<string, RateLimiterAbstract>();

/**
 * The app's limiter named `keyPrefix`, made on first use; all of them share one Redis connection when
 * REDIS_URL is set, else each keeps its counts in this instance's memory.
 */
export function appLimiter(
  keyPrefix: string,
  points: number,
  durationSeconds: number,
): RateLimiterAbstract {
  let limiter = limiters.get(keyPrefix);
  if (!limiter) {
    const { redisUrl } = env();
    redis ??= redisUrl ? connectRedis(redisUrl) : null;
    limiter = createLimiter({ keyPrefix, points, durationSeconds, redis: redis ?? undefined });
    limiters.set(keyPrefix, limiter);
  }
  return limiter;
}

/** Upload credentials per creator (VdoCipher has a soft hourly limit on them). */
export async function limitUploadCredentials(creatorEmail: string): Promise<void> {
  const perHour = env().uploadsPerHour;
  await consumePoint(
    appLimiter("uploads", perHour, 3600),
    creatorEmail,
    (wait) =>
      `You have started ${perHour} uploads in the last hour, the limit. Try again in ${wait}.`,
  );
}
