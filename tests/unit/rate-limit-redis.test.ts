import { spawn, type ChildProcess } from "node:child_process";
import { connect, createServer } from "node:net";
import type { Redis } from "ioredis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { connectRedis, consumePoint, createLimiter } from "@/lib/rate-limit";

// A real redis-server on a free loopback port (installed by .ci/run), shared by two limiter instances
// as two app servers would share it.
let server: ChildProcess;
let port: number;
const clients: Redis[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function listening(target: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(target, "127.0.0.1");
    const settle = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.once("connect", () => settle(true));
    socket.once("error", () => settle(false));
  });
}

async function client() {
  const redis = connectRedis(`redis://127.0.0.1:${port}`);
  clients.push(redis);
  await redis.ping();
  return redis;
}

beforeAll(async () => {
  port = await freePort();
  server = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 15_000);

afterAll(async () => {
  await Promise.all(clients.map((redis) => redis.quit()));
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
});

describe("upload credentials limit on a shared Redis", () => {
  it("answers the 61st request across two instances with rate_limited and a retry time", async () => {
    const options = { keyPrefix: `uploads-${Date.now()}`, points: 60, durationSeconds: 3600 };
    const first = createLimiter({ ...options, redis: await client() });
    const second = createLimiter({ ...options, redis: await client() });
    expect(first).toBeInstanceOf(RateLimiterRedis);
    const message = (wait: string) => `try again in ${wait}`;

    for (let request = 1; request <= 60; request += 1) {
      await consumePoint(request % 2 ? first : second, "creator@example.com", message);
    }
    for (const limiter of [first, second]) {
      const error = await consumePoint(limiter, "creator@example.com", message).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ApiError);
      const response = (error as ApiError).toResponse();
      expect(response.status).toBe(429);
      const retryAfter = Number(response.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(3500);
      expect(retryAfter).toBeLessThanOrEqual(3600);
    }
    // Another creator is unaffected, and the count lives in Redis, not in either process.
    await consumePoint(second, "other@example.com", message);
    const keys = await clients[0]!.keys(`cipherdrop:${options.keyPrefix}:*`);
    expect(keys.sort()).toEqual([
      `cipherdrop:${options.keyPrefix}:creator@example.com`,
      `cipherdrop:${options.keyPrefix}:other@example.com`,
    ]);
  }, 20_000);
});

describe("the session revocation list on a shared Redis", () => {
  it("is seen by every instance and expires with the token", async () => {
    const options = { keyPrefix: `session-revoked-${Date.now()}`, points: 1, durationSeconds: 60 };
    const first = createLimiter({ ...options, redis: await client() });
    const second = createLimiter({ ...options, redis: await client() });
    await first.set("session-id", 1, 3600);
    expect(await second.get("session-id")).not.toBeNull();
    expect(await second.get("another-id")).toBeNull();
    const ttl = await clients[0]!.pttl(`cipherdrop:${options.keyPrefix}:session-id`);
    expect(ttl).toBeGreaterThan(3_590_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });
});
