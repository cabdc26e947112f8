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

type Limiters = {
  uploads: RateLimiterAbstract;
  signInIp: RateLimiterAbstract;
  signInEmail: RateLimiterAbstract;
};
let limiters: Limiters | undefined;

function appLimiters(): Limiters {
  if (limiters) return limiters;
  const config = env();
  const redis = config.redisUrl ? connectRedis(config.redisUrl) : undefined;
  limiters = {
    uploads: createLimiter({
      keyPrefix: "uploads",
      points: config.uploadsPerHour,
      durationSeconds: 3600,
      redis,
    }),
    signInIp: createLimiter({
      keyPrefix: "sign-in-ip",
      points: 30,
      durationSeconds: 15 * 60,
      redis,
    }),
    signInEmail: createLimiter({
      keyPrefix: "sign-in-email",
      points: 10,
      durationSeconds: 15 * 60,
      redis,
    }),
  };
  return limiters;
}

/** Upload credentials per creator (VdoCipher has a soft hourly limit on them). */
export async function limitUploadCredentials(creatorEmail: string): Promise<void> {
  const perHour = env().uploadsPerHour;
  await consumePoint(
    appLimiters().uploads,
    creatorEmail,
    (wait) =>
      `You have started ${perHour} uploads in the last hour, the limit. Try again in ${wait}.`,
  );
}

/**
 * Counts a sign-in attempt against the client's IP and the email; a successful attempt is given back,
 * so only failures add up and a creator who signs in often is never locked out.
 */
export async function limitSignInAttempt(ip: string, email: string) {
  const { signInIp, signInEmail } = appLimiters();
  const message = (wait: string) => `Too many sign-in attempts. Try again in ${wait}.`;
  await consumePoint(signInIp, ip, message);
  await consumePoint(signInEmail, email, message);
  return {
    async succeeded() {
      await Promise.all([signInIp.reward(ip, 1), signInEmail.reward(email, 1)]);
    },
  };
}

/** The client's IP as the platform reports it (Vercel and most proxies set x-forwarded-for). */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip")?.trim() || "unknown";
}
