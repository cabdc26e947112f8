import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import { cookies } from "next/headers";
import { isSessionRevoked } from "@/lib/auth/revocation";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { assertSameOrigin, isHttps } from "@/lib/origin";

export const SESSION_COOKIE = "cipherdrop_session";
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** `id` is the token's own (its `jti`), so signing out can revoke just this session. */
export type Session = { id: string; email: string; expiresAt: Date };

// `dir` + A256GCM: the cookie is encrypted and authenticated with a key derived from SESSION_SECRET, so it
// can be neither read nor forged without the secret.
function sessionKey() {
  return createHash("sha256").update(env().auth.sessionSecret).digest();
}

/** A fresh token (new id and expiry) for a creator; every sign-in gets a new one. */
export async function sealSession(email: string, now = Date.now()): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  return new EncryptJWT({})
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setSubject(email)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + SESSION_MAX_AGE_SECONDS)
    .encrypt(sessionKey());
}

/**
 * The session a token carries, or null if it is missing, tampered, expired, signed out or its
 * creator was removed.
 */
export async function openSession(token: string | undefined): Promise<Session | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, sessionKey(), {
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      requiredClaims: ["sub", "exp", "jti"],
    });
    const email = payload.sub;
    if (!env().auth.creators.some((creator) => creator.email === email)) return null;
    if (await isSessionRevoked(payload.jti!)) return null;
    return { id: payload.jti!, email: email!, expiresAt: new Date(payload.exp! * 1000) };
  } catch {
    return null;
  }
}

export function readCookie(request: Request, name: string): string | undefined {
  for (const part of request.headers.get("cookie")?.split(";") ?? []) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      return part.slice(separator + 1).trim();
    }
  }
  return undefined;
}

/** For server components and layouts. */
export async function getSession(): Promise<Session | null> {
  return openSession((await cookies()).get(SESSION_COOKIE)?.value);
}

/** First line of every creator route: refuses cross-site writes (403), then anyone not signed in (401). */
export async function requireCreator(request: Request): Promise<Session> {
  assertSameOrigin(request);
  const session = await openSession(readCookie(request, SESSION_COOKIE));
  if (!session) throw new ApiError("unauthenticated", "Sign in to continue.");
  return session;
}

// Secure whenever the app is reached over HTTPS, and always for a production deploy on VdoCipher; a
// production build on the sandbox over plain http (e2e, demos) must still be able to keep the cookie.
export function sessionCookieOptions(request: Request, maxAge = SESSION_MAX_AGE_SECONDS) {
  const config = env();
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: isHttps(request) || (config.production && config.mode === "vdocipher"),
    path: "/",
    maxAge,
  };
}
