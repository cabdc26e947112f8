import { describe, expect, it } from "vitest";
import { hashPassword, parsePasswordHash, verifyPassword } from "@/lib/auth/password";

const FAST = { N: 1024, r: 8, p: 1 };

describe("password hashes", () => {
  it("encodes algorithm, parameters, salt and key without `$`", async () => {
    const hash = await hashPassword("correct horse", FAST);
    expect(hash).toMatch(/^scrypt:1024:8:1:[\w-]{22}:[\w-]{43}$/);
    expect(hash).not.toContain("$");
    expect(parsePasswordHash(hash)).toMatchObject({ N: 1024, r: 8, p: 1 });
  });

  it("salts every hash, so the same password never gives the same string", async () => {
    expect(await hashPassword("same", FAST)).not.toBe(await hashPassword("same", FAST));
  });

  it("verifies the right password and rejects others", async () => {
    const hash = await hashPassword("correct horse", FAST);
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("correct horsE", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("uses the default cost when no parameters are given", async () => {
    const hash = await hashPassword("pw");
    expect(parsePasswordHash(hash)).toMatchObject({ N: 32768, r: 8, p: 1 });
    expect(await verifyPassword("pw", hash)).toBe(true);
  });

  it("rejects malformed or altered hashes instead of throwing", async () => {
    const hash = await hashPassword("pw", FAST);
    const parts = hash.split(":");
    const alteredKey = [...parts.slice(0, 5), Buffer.alloc(32, 1).toString("base64url")].join(":");
    expect(await verifyPassword("pw", alteredKey)).toBe(false);
    for (const bad of [
      "",
      "pw",
      "bcrypt:1024:8:1:a:b",
      hash.replace(":1024:", ":1000:"),
      `$${hash}`,
    ]) {
      expect(parsePasswordHash(bad)).toBeNull();
      expect(await verifyPassword("pw", bad)).toBe(false);
    }
  });
});
