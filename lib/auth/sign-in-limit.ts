import "server-only";
import { appLimiter, consumePoint } from "@/lib/rate-limit";

const QUARTER_HOUR = 15 * 60;

/** Failed sign-ins allowed before 429; successes are given back, so only failures add up. */
export const SIGN_IN_LIMITS = {
  perEmailAndIp: { points: 10, durationSeconds: QUARTER_HOUR },
  perIp: { points: 30, durationSeconds: QUARTER_HOUR },
  perEmail: { points: 100, durationSeconds: 60 * 60 },
  // Under 24.8 days: the memory store expires keys with setTimeout, which cannot wait longer.
  /** How long an address stays known for an email after a successful sign-in from it. */
  knownSeconds: 14 * 24 * 60 * 60,
} as const;

const message = (wait: string) => `Too many sign-in attempts. Try again in ${wait}.`;

function limiters() {
  const { perEmailAndIp, perIp, perEmail, knownSeconds } = SIGN_IN_LIMITS;
  return {
    pair: appLimiter("sign-in-pair", perEmailAndIp.points, perEmailAndIp.durationSeconds),
    ip: appLimiter("sign-in-ip", perIp.points, perIp.durationSeconds),
    email: appLimiter("sign-in-email-hourly", perEmail.points, perEmail.durationSeconds),
    known: appLimiter("sign-in-known", 1, knownSeconds),
  };
}

/**
 * Counts a sign-in attempt before the password is checked, so parallel guesses count too. Guessing is
 * limited per (email, address) pair and per address, so someone else's failures never lock a creator
 * out. Across all addresses an email also has a high hourly ceiling against distributed guessing;
 * an address the creator has signed in from before is exempt from it, so during such an attack the
 * creator still gets in from there, while a new address waits up to an hour.
 */
export async function limitSignInAttempt(ip: string, email: string) {
  const { pair, ip: perIp, email: perEmail, known } = limiters();
  const pairKey = `${ip} ${email}`;
  await consumePoint(perIp, ip, message);
  await consumePoint(pair, pairKey, message);
  const knownAddress = (await known.get(pairKey)) !== null;
  if (!knownAddress) await consumePoint(perEmail, email, message);
  return {
    async succeeded() {
      await Promise.all([
        perIp.reward(ip, 1),
        pair.reward(pairKey, 1),
        knownAddress ? undefined : perEmail.reward(email, 1),
        known.set(pairKey, 1, SIGN_IN_LIMITS.knownSeconds),
      ]);
    },
  };
}
