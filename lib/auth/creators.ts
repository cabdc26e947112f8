import { parsePasswordHash } from "./password";

export type Creator = { email: string; passwordHash: string };

/** The sandbox's account, `creator@cipherdrop.local` / `sandbox`; never used when creators are configured. */
export const DEFAULT_CREATOR: Creator = {
  email: "creator@cipherdrop.local",
  passwordHash:
    "scrypt:32768:8:1:Nx8Aw4bZyvDz9aemqIY2wg:yCHl0o72CxCBvZ5VhYNYvo0Kt2pNMjlA3E7TKPsqO2c",
};
export const DEFAULT_CREATOR_PASSWORD = "sandbox";

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/**
 * Parses CIPHERDROP_CREATORS: `email:hash` entries separated by commas or newlines, one line that pastes
 * into a Vercel field as is. The email ends at the first `:`; the rest is the hash from `npm run hash-password`.
 */
export function parseCreators(value: string): Creator[] {
  const entries = value
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error("lists no creator");
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const separator = entry.indexOf(":");
    const email = normalizeEmail(entry.slice(0, Math.max(separator, 0)));
    const passwordHash = entry.slice(separator + 1).trim();
    if (separator < 1 || !/^[^\s@]+@[^\s@]+$/.test(email)) {
      throw new Error(`entry ${index + 1} does not start with an email followed by ":"`);
    }
    if (!parsePasswordHash(passwordHash)) {
      throw new Error(
        `the hash for ${email} is not a scrypt hash from \`npm run hash-password\` (never a plain password)`,
      );
    }
    if (seen.has(email)) throw new Error(`${email} is listed twice`);
    seen.add(email);
    return { email, passwordHash };
  });
}
