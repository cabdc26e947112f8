import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { normalizeEmail, type Creator } from "@/lib/auth/creators";
import { parsePasswordHash, verifyPassword } from "@/lib/auth/password";
import { revokeSession } from "@/lib/auth/revocation";
import {
  SESSION_COOKIE,
  openSession,
  readCookie,
  sealSession,
  sessionCookieOptions,
} from "@/lib/auth/session";
import { limitSignInAttempt } from "@/lib/auth/sign-in-limit";
import { clientIp } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/origin";

const credentialsSchema = z.object({
  email: z.string({ error: "Enter your email." }).trim().min(1, "Enter your email.").max(320),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
});

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

// An unknown email is checked against a hash with the same cost as a real one, so the answer takes as
// long as for a wrong password and does not reveal which emails are creators.
function dummyHash(creators: Creator[]) {
  const sample = parsePasswordHash(creators[0]?.passwordHash ?? "");
  const { N, r, p } = sample ?? { N: 2 ** 15, r: 8, p: 1 };
  const zeros = (length: number) => Buffer.alloc(length).toString("base64url");
  return `scrypt:${N}:${r}:${p}:${zeros(sample?.salt.length ?? 16)}:${zeros(sample?.key.length ?? 32)}`;
}

export async function authenticate(email: string, password: string): Promise<Creator | null> {
  const { creators } = env().auth;
  const creator = creators.find((candidate) => candidate.email === normalizeEmail(email));
  const matches = await verifyPassword(password, creator?.passwordHash ?? dummyHash(creators));
  return creator && matches ? creator : null;
}

async function readCredentials(request: Request) {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.");
  }
  const parsed = credentialsSchema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0]?.message ?? "Enter your email and password.";
    throw new ApiError("invalid_request", first, { issues: parsed.error.issues });
  }
  return { email: normalizeEmail(parsed.data.email), password: parsed.data.password };
}

/** POST /api/session: checks the credentials and sets a new session cookie. */
export async function signIn(request: Request): Promise<Response> {
  assertSameOrigin(request);
  const { email, password } = await readCredentials(request);
  const attempt = await limitSignInAttempt(clientIp(request.headers), email);
  const creator = await authenticate(email, password);
  if (!creator) throw new ApiError("unauthenticated", WRONG_CREDENTIALS);
  await attempt.succeeded();
  const response = NextResponse.json(
    { email: creator.email },
    { headers: { "Cache-Control": "no-store" } },
  );
  response.cookies.set(
    SESSION_COOKIE,
    await sealSession(creator.email),
    sessionCookieOptions(request),
  );
  return response;
}

/** DELETE /api/session: revokes the session, so a copy of the cookie stops working too, and clears it. */
export async function signOut(request: Request): Promise<Response> {
  assertSameOrigin(request);
  const session = await openSession(readCookie(request, SESSION_COOKIE));
  if (session) await revokeSession(session.id, session.expiresAt);
  const response = new NextResponse(null, {
    status: 204,
    headers: { "Cache-Control": "no-store" },
  });
  response.cookies.set(SESSION_COOKIE, "", sessionCookieOptions(request, 0));
  return response;
}
