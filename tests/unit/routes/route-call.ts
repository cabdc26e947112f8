import { vi } from "vitest";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

/** Calls a route handler the way Next does: a Request and a context whose params are a Promise. */
export async function callRoute(
  handler: unknown,
  options: { method?: string; path?: string; body?: string; params?: Record<string, string> } = {},
) {
  const request = new Request(`http://localhost${options.path ?? "/"}`, {
    method: options.method ?? "GET",
    body: options.body,
    headers: options.body === undefined ? {} : { "Content-Type": "application/json" },
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
