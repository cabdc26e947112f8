import { describe, expect, it } from "vitest";
import { clientIp, UNIDENTIFIED_CLIENT } from "@/lib/client-ip";
import { parseEnv } from "@/lib/env";

function request(headers: Record<string, string>) {
  return new Headers(headers);
}

const forged = { "x-forwarded-for": "203.0.113.9, 192.0.2.10", "x-real-ip": "198.51.100.3" };

describe("clientIp", () => {
  it("ignores client-controlled headers when no proxy is trusted", () => {
    expect(clientIp(request(forged), "none")).toBe(UNIDENTIFIED_CLIENT);
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.1" }), "none")).toBe(
      clientIp(request({ "x-forwarded-for": "203.0.113.2" }), "none"),
    );
  });

  it("takes Vercel's first X-Forwarded-For entry", () => {
    expect(clientIp(request(forged), "vercel")).toBe("203.0.113.9");
    expect(clientIp(request({ "x-real-ip": "198.51.100.3" }), "vercel")).toBe("198.51.100.3");
  });

  it("takes the entry a trusted proxy appended, not one the client sent", () => {
    expect(clientIp(request(forged), "trusted")).toBe("192.0.2.10");
    expect(clientIp(request({ "x-forwarded-for": " 2001:db8::1 " }), "trusted")).toBe(
      "2001:db8::1",
    );
    expect(clientIp(request({ "x-real-ip": "198.51.100.3" }), "trusted")).toBe("198.51.100.3");
    expect(clientIp(request({}), "trusted")).toBe(UNIDENTIFIED_CLIENT);
  });

  it("trusts a proxy on Vercel or with TRUST_PROXY=1 only", () => {
    expect(parseEnv({}).proxy).toBe("none");
    expect(parseEnv({ TRUST_PROXY: "0" }).proxy).toBe("none");
    expect(parseEnv({ TRUST_PROXY: "1" }).proxy).toBe("trusted");
    expect(parseEnv({ VERCEL: "1" }).proxy).toBe("vercel");
    expect(parseEnv({ VERCEL: "1", TRUST_PROXY: "1" }).proxy).toBe("vercel");
  });
});
