import { describe, expect, it } from "vitest";
import { DEFAULT_CREATOR } from "@/lib/auth/creators";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("runs on the sandbox outside production when no secret is set", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.mode).toBe("sandbox");
    expect(env.apiBaseUrl).toBe("http://127.0.0.1:4100/api");
    expect(env.playerUrl).toBe("http://127.0.0.1:4100/player/v2/");
    expect(env.apiSecret).toBe("sandbox-secret");
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({
      NODE_ENV: "development",
      VDOCIPHER_API_SECRET: "",
      OTP_TTL_SECONDS: "",
    });
    expect(env.mode).toBe("sandbox");
    expect(env.otp.ttlSeconds).toBe(300);
  });

  it("talks to VdoCipher when a secret is set", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      VDOCIPHER_API_SECRET: "abc123",
      CIPHERDROP_CREATORS: `a@example.com:${DEFAULT_CREATOR.passwordHash}`,
      SESSION_SECRET: "x".repeat(32),
    });
    expect(env).toMatchObject({
      mode: "vdocipher",
      apiSecret: "abc123",
      apiBaseUrl: "https://dev.vdocipher.com/api",
      playerUrl: "https://player.vdocipher.com/v2/",
    });
  });

  it("refuses production without a secret, naming the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/VDOCIPHER_API_SECRET/);
  });

  it("allows production on the sandbox when CIPHERDROP_SANDBOX=1", () => {
    const env = parseEnv({ NODE_ENV: "production", CIPHERDROP_SANDBOX: "1", SANDBOX_PORT: "4310" });
    expect(env.mode).toBe("sandbox");
    expect(env.apiBaseUrl).toBe("http://127.0.0.1:4310/api");
  });

  it("rejects malformed values with the variable's name", () => {
    expect(() => parseEnv({ VDOCIPHER_API_BASE_URL: "not a url" })).toThrow(
      /VDOCIPHER_API_BASE_URL/,
    );
    expect(() => parseEnv({ OTP_TTL_SECONDS: "ten" })).toThrow(/OTP_TTL_SECONDS/);
  });

  it("strips trailing slashes from the API base URL", () => {
    const env = parseEnv({
      VDOCIPHER_API_SECRET: "s",
      VDOCIPHER_API_BASE_URL: "https://x.test/api/",
    });
    expect(env.apiBaseUrl).toBe("https://x.test/api");
  });
});
