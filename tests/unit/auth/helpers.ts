import { DEFAULT_CREATOR } from "@/lib/auth/creators";
import { SESSION_COOKIE, sealSession } from "@/lib/auth/session";

export const APP = "http://127.0.0.1:3310";

type Options = {
  method?: string;
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
};

/** A request as a browser on the app's own origin sends it (same-origin fetch, JSON body). */
export function appRequest(
  path: string,
  { method = "GET", body, cookie, headers = {} }: Options = {},
) {
  const init: RequestInit = {
    method,
    headers: {
      host: new URL(APP).host,
      ...(method === "GET" ? {} : { origin: APP, "sec-fetch-site": "same-origin" }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
  return new Request(new URL(path, APP), init);
}

export async function sessionCookie(email = DEFAULT_CREATOR.email, now?: number) {
  return `${SESSION_COOKIE}=${await sealSession(email, now)}`;
}
