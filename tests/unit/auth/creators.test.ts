import { describe, expect, it } from "vitest";
import { DEFAULT_CREATOR, parseCreators } from "@/lib/auth/creators";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { EnvError, parseEnv } from "@/lib/env";

const HASH = DEFAULT_CREATOR.passwordHash;
const SECRET = "s".repeat(32);

describe("CIPHERDROP_CREATORS", () => {
  it("reads comma- or newline-separated email:hash entries and lower-cases emails", () => {
    const creators = parseCreators(` Alice@Example.com:${HASH},\nbob@example.com:${HASH} `);
    expect(creators).toEqual([
      { email: "alice@example.com", passwordHash: HASH },
      { email: "bob@example.com", passwordHash: HASH },
    ]);
  });

  it("accepts what hash-password prints", async () => {
    const hash = await hashPassword("pw", { N: 1024, r: 8, p: 1 });
    const [creator] = parseCreators(`a@b.test:${hash}`);
    expect(await verifyPassword("pw", creator!.passwordHash)).toBe(true);
  });

  it("refuses plain-text passwords, missing emails, duplicates and empty lists", () => {
    expect(() => parseCreators("a@b.test:hunter2")).toThrow(/not a scrypt hash/);
    expect(() => parseCreators(`:${HASH}`)).toThrow(/email/);
    expect(() => parseCreators(`not-an-email:${HASH}`)).toThrow(/email/);
    expect(() => parseCreators(`a@b.test:${HASH},A@b.test:${HASH}`)).toThrow(/twice/);
    expect(() => parseCreators(" , ")).toThrow(/no creator/);
  });

  it("has the documented sandbox password for the default creator", async () => {
    expect(DEFAULT_CREATOR.email).toBe("creator@cipherdrop.local");
    expect(await verifyPassword("sandbox", DEFAULT_CREATOR.passwordHash)).toBe(true);
  });
});

describe("auth configuration", () => {
  const production = { NODE_ENV: "production", VDOCIPHER_API_SECRET: "abc" } as const;

  it("refuses a production deploy without creators or a session secret, naming both", () => {
    expect(() => parseEnv(production)).toThrow(EnvError);
    expect(() => parseEnv(production)).toThrow(/CIPHERDROP_CREATORS and SESSION_SECRET/);
    expect(() => parseEnv({ ...production, SESSION_SECRET: SECRET })).toThrow(
      /^CIPHERDROP_CREATORS not set/,
    );
    expect(() => parseEnv({ ...production, CIPHERDROP_CREATORS: `a@b.test:${HASH}` })).toThrow(
      /^SESSION_SECRET not set/,
    );
  });

  it("refuses a short session secret and a malformed creator list", () => {
    const config = { ...production, CIPHERDROP_CREATORS: `a@b.test:${HASH}` };
    expect(() => parseEnv({ ...config, SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET/);
    expect(() =>
      parseEnv({ ...config, SESSION_SECRET: SECRET, CIPHERDROP_CREATORS: "a@b.test:pw" }),
    ).toThrow(/CIPHERDROP_CREATORS/);
  });

  it("uses the configured creators in production", () => {
    const env = parseEnv({
      ...production,
      CIPHERDROP_CREATORS: `a@b.test:${HASH}`,
      SESSION_SECRET: SECRET,
    });
    expect(env.auth).toEqual({
      creators: [{ email: "a@b.test", passwordHash: HASH }],
      sessionSecret: SECRET,
      defaultCreator: false,
    });
  });

  it("gives the sandbox, even a production build of it, the default creator and a fixed secret", () => {
    for (const source of [
      { NODE_ENV: "development" },
      { NODE_ENV: "production", CIPHERDROP_SANDBOX: "1" },
    ]) {
      const env = parseEnv(source);
      expect(env.auth.creators).toEqual([DEFAULT_CREATOR]);
      expect(env.auth.defaultCreator).toBe(true);
      expect(env.auth.sessionSecret.length).toBeGreaterThanOrEqual(32);
    }
  });

  it("reads the upload limit, Redis URL and app origin", () => {
    const env = parseEnv({
      UPLOAD_RATE_LIMIT_PER_HOUR: "5",
      REDIS_URL: "rediss://default:pw@eu1.upstash.io:6379",
      APP_ORIGIN: "https://Videos.Example.com/",
    });
    expect(env.uploadsPerHour).toBe(5);
    expect(env.redisUrl).toBe("rediss://default:pw@eu1.upstash.io:6379");
    expect(env.appOrigin).toBe("https://videos.example.com");
    expect(parseEnv({}).uploadsPerHour).toBe(60);
    expect(() => parseEnv({ REDIS_URL: "http://x" })).toThrow(/REDIS_URL/);
  });
});
