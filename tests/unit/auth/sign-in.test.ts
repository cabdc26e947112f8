import { describe, expect, it, vi } from "vitest";
import { DELETE, POST } from "@/app/api/session/route";
import { openSession } from "@/lib/auth/session";
import { appRequest } from "./helpers";

const EMAIL = "creator@cipherdrop.local";
let ipCounter = 0;

// As behind a proxy, so each test's X-Forwarded-For is its client address.
vi.stubEnv("TRUST_PROXY", "1");

// Each test signs in from its own IP so the per-IP limit of one test does not leak into another.
function signIn(body: unknown, headers: Record<string, string> = {}) {
  ipCounter += 1;
  return POST(
    appRequest("/api/session", {
      method: "POST",
      body,
      headers: { "x-forwarded-for": `10.0.0.${ipCounter}`, ...headers },
    }),
  );
}

function cookieOf(response: Response) {
  const header = response.headers.get("set-cookie") ?? "";
  return { header, token: /cipherdrop_session=([^;]*)/.exec(header)?.[1] ?? "" };
}

describe("POST /api/session", () => {
  it("signs the sandbox creator in with an httpOnly, SameSite=Lax, 7-day cookie", async () => {
    const response = await signIn({ email: " Creator@Cipherdrop.local ", password: "sandbox" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ email: EMAIL });
    const { header, token } = cookieOf(response);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=lax/i);
    expect(header).toMatch(/Path=\//);
    expect(header).toMatch(/Max-Age=604800/);
    // A plain-http test server on the sandbox: not Secure, or the browser would drop it.
    expect(header).not.toMatch(/Secure/i);
    expect((await openSession(token))?.email).toBe(EMAIL);
  });

  it("sets Secure when the app is reached over https", async () => {
    const response = await signIn(
      { email: EMAIL, password: "sandbox" },
      { "x-forwarded-proto": "https", origin: "https://127.0.0.1:3310" },
    );
    expect(cookieOf(response).header).toMatch(/Secure/);
  });

  it("rotates the token on every sign-in", async () => {
    const first = cookieOf(await signIn({ email: EMAIL, password: "sandbox" })).token;
    const second = cookieOf(await signIn({ email: EMAIL, password: "sandbox" })).token;
    expect(first).not.toBe(second);
    expect(first && second).toBeTruthy();
  });

  it("gives a wrong password and an unknown email the same answer in similar time", async () => {
    const wrong: number[] = [];
    const unknown: number[] = [];
    const bodies: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      for (const [times, email] of [
        [wrong, EMAIL],
        [unknown, `nobody${round}@example.com`],
      ] as const) {
        const started = performance.now();
        const response = await signIn({ email, password: "not-the-password" });
        times.push(performance.now() - started);
        expect(response.status).toBe(401);
        expect(response.headers.get("set-cookie")).toBeNull();
        bodies.push(JSON.stringify(await response.json()));
      }
    }
    expect(new Set(bodies)).toEqual(
      new Set([
        JSON.stringify({
          error: { code: "unauthenticated", message: "Email or password is incorrect." },
        }),
      ]),
    );
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = median(wrong) / median(unknown);
    console.info(
      `[timing] wrong password median ${median(wrong).toFixed(1)} ms, unknown email ${median(unknown).toFixed(1)} ms`,
    );
    // Both paths run one scrypt of the same cost (tens of ms); a missing dummy check would be ~100x faster.
    expect(median(unknown)).toBeGreaterThan(10);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("limits failed attempts per email from one IP, answering 429 with Retry-After", async () => {
    const email = "target@example.com";
    const headers = { "x-forwarded-for": "198.51.100.20" };
    const post = (body: unknown) =>
      POST(appRequest("/api/session", { method: "POST", body, headers }));
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await post({ email, password: `guess-${attempt}` })).status).toBe(401);
    }
    const limited = await post({ email, password: "guess-10" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(800);
    expect((await limited.json()).error).toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/Too many sign-in attempts/),
    });
    // The same address may still try another account, and another address this one.
    expect((await post({ email: "other@example.com", password: "x" })).status).toBe(401);
    expect((await signIn({ email, password: "guess-11" })).status).toBe(401);
  }, 30_000);

  it("does not lock the creator out when others fail from rotating addresses", async () => {
    for (let attempt = 0; attempt < 15; attempt += 1) {
      expect((await signIn({ email: EMAIL, password: `guess-${attempt}` })).status).toBe(401);
    }
    const real = await signIn({ email: EMAIL, password: "sandbox" });
    expect(real.status).toBe(200);
    expect(cookieOf(real).token).toBeTruthy();
  }, 30_000);

  it("does not lock the creator out when others fail with a forged X-Forwarded-For", async () => {
    const failures = Array.from({ length: 12 }, (_, attempt) =>
      POST(
        appRequest("/api/session", {
          method: "POST",
          body: { email: EMAIL, password: `guess-${attempt}` },
          headers: { "x-forwarded-for": `203.0.113.${attempt}, 192.0.2.99` },
        }),
      ),
    );
    // Behind one proxy, its own (last) entry is the address; the forged first entries do not count.
    const statuses = (await Promise.all(failures)).map((response) => response.status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
    expect((await signIn({ email: EMAIL, password: "sandbox" })).status).toBe(200);
  }, 30_000);

  it("limits failed attempts per IP across emails, and does not count successes", async () => {
    const headers = { "x-forwarded-for": "192.0.2.7" };
    const post = (body: unknown) =>
      POST(appRequest("/api/session", { method: "POST", body, headers }));
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await post({ email: EMAIL, password: "sandbox" })).status).toBe(200);
    }
    for (let attempt = 0; attempt < 30; attempt += 1) {
      expect((await post({ email: `user${attempt}@example.com`, password: "x" })).status).toBe(401);
    }
    const limited = await post({ email: EMAIL, password: "sandbox" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  }, 30_000);

  it("answers 400/422 for a body that is not credentials", async () => {
    const bad = await POST(
      new Request("http://127.0.0.1:3310/api/session", {
        method: "POST",
        body: "{",
        headers: { host: "127.0.0.1:3310" },
      }),
    );
    expect(bad.status).toBe(400);
    const missing = await signIn({ email: EMAIL });
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.message).toBe("Enter your password.");
  });

  it("refuses a sign-in posted from another site (login CSRF)", async () => {
    const response = await signIn(
      { email: EMAIL, password: "sandbox" },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});

describe("DELETE /api/session", () => {
  it("clears the cookie", async () => {
    const response = await DELETE(appRequest("/api/session", { method: "DELETE" }));
    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toMatch(/cipherdrop_session=;.*Max-Age=0/);
  });
});
