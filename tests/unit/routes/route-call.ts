import { vi } from "vitest";
import { DEFAULT_CREATOR } from "@/lib/auth/creators";
import { SESSION_COOKIE, sealSession } from "@/lib/auth/session";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

/** Calls a route handler the way Next does: a Request and a context whose params are a Promise. */
export async function callRoute(
  handler: unknown,
  options: {
    method?: string;
    path?: string;
    body?: string;
    params?: Record<string, string>;
    signedIn?: boolean;
  } = {},
) {
  const headers = new Headers(
    options.body === undefined ? {} : { "Content-Type": "application/json" },
  );
  // Signed in as the sandbox creator unless a test says otherwise; auth has its own tests.
  if (options.signedIn !== false) {
    headers.set("Cookie", `${SESSION_COOKIE}=${await sealSession(DEFAULT_CREATOR.email)}`);
  }
  const request = new Request(`http://localhost${options.path ?? "/"}`, {
    method: options.method ?? "GET",
    body: options.body,
    headers,
  });
  const response = await (handler as Handler)(request, {
    params: Promise.resolve(options.params ?? {}) as Promise<never>,
  });
  const text = await response.text();
  return { response, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** Silences and records server-side logging, which some error paths must do. */
export function captureErrors() {
  return vi.spyOn(console, "error").mockImplementation(() => undefined);
}

export function errorCode(body: Record<string, unknown> | null) {
  return (body?.error as { code?: string } | undefined)?.code;
}
