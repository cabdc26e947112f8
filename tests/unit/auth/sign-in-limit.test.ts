import { describe, expect, it } from "vitest";
import { limitSignInAttempt, SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limit";
import type { ApiError } from "@/lib/errors";

// The limiter alone, without scrypt, so the hourly ceiling can be reached in milliseconds. Each test
// uses its own email and addresses, since the limiters live for the whole file.

async function attempt(ip: string, email: string) {
  return limitSignInAttempt(ip, email).then(
    (result) => ({ ok: true as const, result }),
    (error: unknown) => ({ ok: false as const, error: error as ApiError }),
  );
}

describe("limitSignInAttempt", () => {
  it("refuses an (email, address) pair after its failures, leaving the pair's neighbours alone", async () => {
    const email = "pair@example.com";
    for (let failure = 0; failure < SIGN_IN_LIMITS.perEmailAndIp.points; failure += 1) {
      expect((await attempt("192.0.2.1", email)).ok).toBe(true);
    }
    const limited = await attempt("192.0.2.1", email);
    expect(limited.ok).toBe(false);
    if (!limited.ok) {
      expect(limited.error.code).toBe("rate_limited");
      expect(limited.error.options.retryAfterSeconds).toBeGreaterThan(800);
      expect(limited.error.options.retryAfterSeconds).toBeLessThanOrEqual(900);
    }
    expect((await attempt("192.0.2.2", email)).ok).toBe(true);
    expect((await attempt("192.0.2.1", "neighbour@example.com")).ok).toBe(true);
  });

  it("refuses an address after its failures across emails", async () => {
    for (let failure = 0; failure < SIGN_IN_LIMITS.perIp.points; failure += 1) {
      expect((await attempt("192.0.2.50", `spray${failure}@example.com`)).ok).toBe(true);
    }
    const limited = await attempt("192.0.2.50", "fresh@example.com");
    expect(limited.ok).toBe(false);
    expect((await attempt("192.0.2.51", "fresh@example.com")).ok).toBe(true);
  });

  it("caps distributed guessing per email, but not from an address the creator signed in from", async () => {
    const email = "distributed@example.com";
    const known = await attempt("198.51.100.1", email);
    expect(known.ok).toBe(true);
    if (known.ok) await known.result.succeeded();
    // Let timers run: the memory store forgets a key from a timer, which must not fire early.
    await new Promise((resolve) => setTimeout(resolve, 20));

    for (let failure = 0; failure < SIGN_IN_LIMITS.perEmail.points; failure += 1) {
      expect((await attempt(`10.1.${failure >> 8}.${failure & 255}`, email)).ok).toBe(true);
    }
    const stranger = await attempt("10.2.0.1", email);
    expect(stranger.ok).toBe(false);
    if (!stranger.ok) expect(stranger.error.options.retryAfterSeconds).toBeGreaterThan(3000);

    const creator = await attempt("198.51.100.1", email);
    expect(creator.ok).toBe(true);
  });

  it("gives a success back, so a creator who signs in often is never limited", async () => {
    const email = "often@example.com";
    for (let signIn = 0; signIn < SIGN_IN_LIMITS.perEmailAndIp.points * 3; signIn += 1) {
      const result = await attempt("192.0.2.80", email);
      expect(result.ok).toBe(true);
      if (result.ok) await result.result.succeeded();
    }
  });
});
