import "server-only";
import { z } from "zod";
import { DEFAULT_CREATOR, parseCreators, type Creator } from "@/lib/auth/creators";

// Empty strings count as unset, so `FOO=` in a .env file or a blank Vercel field behaves like no value.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const flag = optional(z.enum(["0", "1", "true", "false"])).transform(
  (value) => value === "1" || value === "true",
);

const rawSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  VDOCIPHER_API_SECRET: optional(z.string().trim().min(1)),
  VDOCIPHER_API_BASE_URL: optional(z.url()),
  VDOCIPHER_PLAYER_URL: optional(z.url()),
  CIPHERDROP_SANDBOX: flag,
  SANDBOX_API_SECRET: optional(z.string().min(1)),
  SANDBOX_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  UPSTREAM_TIMEOUT_MS: optional(z.coerce.number().int().min(100).max(120_000)),
  OTP_TTL_SECONDS: optional(z.coerce.number().int().min(30).max(86_400)),
  OTP_WATERMARK_TEXT: optional(z.string().max(200)),
  OTP_WHITELISTHREF: optional(z.string().max(500)),
  CIPHERDROP_CREATORS: optional(z.string()),
  SESSION_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")),
  UPLOAD_RATE_LIMIT_PER_HOUR: optional(z.coerce.number().int().min(1).max(100_000)),
  PLAYBACK_RATE_LIMIT_PER_MINUTE: optional(z.coerce.number().int().min(1).max(1_000_000)),
  STATUS_RATE_LIMIT_PER_MINUTE: optional(z.coerce.number().int().min(1).max(1_000_000)),
  TRUST_PROXY: flag,
  // Set by Vercel on every deployment.
  VERCEL: optional(z.string()),
  APP_ORIGIN: optional(z.url().transform((url) => new URL(url).origin)),
  CSP_CONNECT_ORIGINS: optional(z.string()),
  CSP_IMG_ORIGINS: optional(z.string()),
});

export type Mode = "sandbox" | "vdocipher";

export type Env = {
  mode: Mode;
  production: boolean;
  apiSecret: string;
  apiBaseUrl: string;
  playerUrl: string;
  upstreamTimeoutMs: number;
  otp: { ttlSeconds: number; watermarkText?: string; whitelisthref?: string };
  auth: { creators: Creator[]; sessionSecret: string; defaultCreator: boolean };
  uploadsPerHour: number;
  /** Per client address, on the public routes that each cost an upstream call. */
  publicLimits: { playbackPerMinute: number; statusPerMinute: number };
  /** Who sets X-Forwarded-For: Vercel's edge, one proxy of the operator's, or nobody we can trust. */
  proxy: "vercel" | "trusted" | "none";
  redisUrl?: string;
  /** The app's public origin when set; otherwise derived from each request's host. */
  appOrigin?: string;
  csp: { connectSrc: string[]; imgSrc: string[] };
};

export class EnvError extends Error {
  override name = "EnvError";
}

const DEFAULT_API = "https://dev.vdocipher.com/api";
const DEFAULT_PLAYER = "https://player.vdocipher.com/v2/";
const DEFAULT_SANDBOX_SECRET = "sandbox-secret";
const DEV_SESSION_SECRET = "cipherdrop-sandbox-session-secret-not-for-production";

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = rawSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new EnvError(`Invalid environment: ${problems.join("; ")}`);
  }
  const raw = parsed.data;
  const production = raw.NODE_ENV === "production";
  const sandbox = raw.CIPHERDROP_SANDBOX || (!raw.VDOCIPHER_API_SECRET && !production);

  if (!sandbox && !raw.VDOCIPHER_API_SECRET) {
    throw new EnvError(
      "VDOCIPHER_API_SECRET is not set. Set it to your VdoCipher API secret, " +
        "or set CIPHERDROP_SANDBOX=1 to run against the bundled sandbox.",
    );
  }

  const common = {
    production,
    auth: parseAuth(raw, production && !sandbox),
    uploadsPerHour: raw.UPLOAD_RATE_LIMIT_PER_HOUR ?? 60,
    publicLimits: {
      playbackPerMinute: raw.PLAYBACK_RATE_LIMIT_PER_MINUTE ?? 30,
      statusPerMinute: raw.STATUS_RATE_LIMIT_PER_MINUTE ?? 300,
    },
    proxy: raw.VERCEL
      ? ("vercel" as const)
      : raw.TRUST_PROXY
        ? ("trusted" as const)
        : ("none" as const),
    redisUrl: raw.REDIS_URL,
    appOrigin: raw.APP_ORIGIN,
    upstreamTimeoutMs: raw.UPSTREAM_TIMEOUT_MS ?? 10_000,
    otp: {
      ttlSeconds: raw.OTP_TTL_SECONDS ?? 300,
      watermarkText: raw.OTP_WATERMARK_TEXT,
      whitelisthref: raw.OTP_WHITELISTHREF,
    },
  };

  if (sandbox) {
    const origin = `http://127.0.0.1:${raw.SANDBOX_PORT ?? 4100}`;
    const apiBaseUrl = trimSlash(raw.VDOCIPHER_API_BASE_URL ?? `${origin}/api`);
    // The sandbox serves its S3 endpoint and posters from the API's own origin.
    const sandboxOrigin = new URL(apiBaseUrl).origin;
    return {
      ...common,
      mode: "sandbox",
      apiSecret: raw.SANDBOX_API_SECRET ?? DEFAULT_SANDBOX_SECRET,
      apiBaseUrl,
      playerUrl: raw.VDOCIPHER_PLAYER_URL ?? `${origin}/player/v2/`,
      csp: cspOrigins(raw, [sandboxOrigin], [sandboxOrigin]),
    };
  }
  return {
    ...common,
    mode: "vdocipher",
    apiSecret: raw.VDOCIPHER_API_SECRET!,
    apiBaseUrl: trimSlash(raw.VDOCIPHER_API_BASE_URL ?? DEFAULT_API),
    playerUrl: raw.VDOCIPHER_PLAYER_URL ?? DEFAULT_PLAYER,
    csp: cspOrigins(raw, VDOCIPHER_UPLOAD_ORIGINS, VDOCIPHER_POSTER_ORIGINS),
  };
}

type Raw = z.infer<typeof rawSchema>;

// Outside production, and on the sandbox, a missing creator list or session secret falls back to the
// documented sandbox account and a fixed secret, so trying the app needs no setup.
function parseAuth(raw: Raw, strict: boolean): Env["auth"] {
  if (strict && (!raw.CIPHERDROP_CREATORS || !raw.SESSION_SECRET)) {
    const missing = ["CIPHERDROP_CREATORS", "SESSION_SECRET"].filter(
      (name) => !raw[name as keyof Raw],
    );
    throw new EnvError(
      `${missing.join(" and ")} not set. Production needs creator accounts (CIPHERDROP_CREATORS, ` +
        "entries `email:hash` made with `npm run hash-password`) and a SESSION_SECRET of at least 32 characters.",
    );
  }
  let creators = [DEFAULT_CREATOR];
  if (raw.CIPHERDROP_CREATORS) {
    try {
      creators = parseCreators(raw.CIPHERDROP_CREATORS);
    } catch (error) {
      throw new EnvError(`CIPHERDROP_CREATORS: ${(error as Error).message}`);
    }
  }
  return {
    creators,
    sessionSecret: raw.SESSION_SECRET ?? DEV_SESSION_SECRET,
    defaultCreator: !raw.CIPHERDROP_CREATORS,
  };
}

// Browser uploads go to the S3 bucket named in each uploadLink (`https://<bucket>.s3.amazonaws.com`, or an
// accelerated/regional endpoint); posters come from VdoCipher's CDN. CSP_* variables add more.
const VDOCIPHER_UPLOAD_ORIGINS = [
  "https://*.s3.amazonaws.com",
  "https://*.s3-accelerate.amazonaws.com",
];
const VDOCIPHER_POSTER_ORIGINS = ["https://*.vdocipher.com"];

const CSP_ORIGIN = /^(https?|wss?):\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

function cspOrigins(raw: Raw, connect: string[], img: string[]): Env["csp"] {
  const list = (value?: string) => {
    const origins = (value ?? "").split(/[\s,]+/).filter(Boolean);
    const bad = origins.find((origin) => !CSP_ORIGIN.test(origin));
    if (bad) throw new EnvError(`CSP origin "${bad}" is not like https://host or https://*.host`);
    return origins;
  };
  return {
    connectSrc: [...connect, ...list(raw.CSP_CONNECT_ORIGINS)],
    imgSrc: [...img, ...list(raw.CSP_IMG_ORIGINS)],
  };
}

function trimSlash(url: string) {
  return url.replace(/\/+$/, "");
}

let cached: Env | undefined;

/** The server's configuration, parsed on first use so `next build` and unit tests need no secret. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
