import "server-only";
import { z } from "zod";

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
};

export class EnvError extends Error {
  override name = "EnvError";
}

const DEFAULT_API = "https://dev.vdocipher.com/api";
const DEFAULT_PLAYER = "https://player.vdocipher.com/v2/";
const DEFAULT_SANDBOX_SECRET = "sandbox-secret";

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
    upstreamTimeoutMs: raw.UPSTREAM_TIMEOUT_MS ?? 10_000,
    otp: {
      ttlSeconds: raw.OTP_TTL_SECONDS ?? 300,
      watermarkText: raw.OTP_WATERMARK_TEXT,
      whitelisthref: raw.OTP_WHITELISTHREF,
    },
  };

  if (sandbox) {
    const origin = `http://127.0.0.1:${raw.SANDBOX_PORT ?? 4100}`;
    return {
      ...common,
      mode: "sandbox",
      apiSecret: raw.SANDBOX_API_SECRET ?? DEFAULT_SANDBOX_SECRET,
      apiBaseUrl: trimSlash(raw.VDOCIPHER_API_BASE_URL ?? `${origin}/api`),
      playerUrl: raw.VDOCIPHER_PLAYER_URL ?? `${origin}/player/v2/`,
    };
  }
  return {
    ...common,
    mode: "vdocipher",
    apiSecret: raw.VDOCIPHER_API_SECRET!,
    apiBaseUrl: trimSlash(raw.VDOCIPHER_API_BASE_URL ?? DEFAULT_API),
    playerUrl: raw.VDOCIPHER_PLAYER_URL ?? DEFAULT_PLAYER,
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
