import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env";
import { VdoCipherError, type VdoCipherErrorCode } from "./errors";

type Method = "GET" | "PUT" | "POST" | "DELETE";

export type UpstreamRequest = {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  timeoutMs?: number;
  /**
   * The path names no single video (the list, a new upload, an import): a 404 there means a wrong
   * API base URL, not a missing video, so it is an upstream failure rather than `not_found`.
   */
  collection?: boolean;
};

// Used when a 429 carries no usable Retry-After: long enough not to hammer a throttled account.
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * One call to the VdoCipher API: auth, timeout, no caching, and a response validated with `schema`.
 * Every failure, including a network error or an unexpected shape, becomes a VdoCipherError.
 */
export async function vdoRequest<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  request: UpstreamRequest = {},
): Promise<z.output<S>> {
  const config = env();
  const url = new URL(`${config.apiBaseUrl}${path}`);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = {
    Authorization: `Apisecret ${config.apiSecret}`,
    Accept: "application/json",
  };
  if (request.body !== undefined) headers["Content-Type"] = "application/json";

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      cache: "no-store",
      signal: AbortSignal.timeout(request.timeoutMs ?? config.upstreamTimeoutMs),
    });
    text = await response.text();
  } catch (error) {
    if (isTimeout(error)) {
      throw new VdoCipherError(
        "upstream_timeout",
        `VdoCipher did not answer ${method} ${path} in time`,
        {
          cause: error,
        },
      );
    }
    throw new VdoCipherError(
      "upstream_error",
      `VdoCipher could not be reached for ${method} ${path}`,
      {
        cause: error,
      },
    );
  }

  if (!response.ok) throw httpError(method, path, response, text, request.collection ?? false);

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new VdoCipherError(
      "upstream_error",
      `VdoCipher sent malformed JSON for ${method} ${path}`,
      {
        status: response.status,
        cause: error,
      },
    );
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new VdoCipherError(
      "upstream_error",
      `VdoCipher sent an unexpected shape for ${method} ${path}`,
      {
        status: response.status,
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

function errorCode(status: number, collection: boolean): VdoCipherErrorCode {
  if (status === 401 || status === 403) return "unauthenticated";
  // A refusal of what the caller sent (an unknown folder, say): retrying cannot help.
  if (status === 400 || status === 422) return "invalid_request";
  if (status === 404 && !collection) return "not_found";
  if (status === 429) return "rate_limited";
  return "upstream_error";
}

function httpError(
  method: Method,
  path: string,
  response: Response,
  text: string,
  collection: boolean,
) {
  const status = response.status;
  const code = errorCode(status, collection);
  return new VdoCipherError(code, `VdoCipher answered ${status} to ${method} ${path}`, {
    status,
    upstreamMessage: upstreamMessage(text),
    retryAfterSeconds: code === "rate_limited" ? retryAfter(response.headers) : undefined,
  });
}

function upstreamMessage(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === "object" && "message" in body && typeof body.message === "string") {
      return body.message;
    }
  } catch {
    // Not JSON: fall through to a bounded excerpt of the raw text.
  }
  return text ? text.slice(0, 200) : undefined;
}

function retryAfter(headers: Headers): number {
  const value = headers.get("retry-after");
  if (!value) return DEFAULT_RETRY_AFTER_SECONDS;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  if (Number.isFinite(date)) return Math.max(1, (date - Date.now()) / 1000);
  return DEFAULT_RETRY_AFTER_SECONDS;
}
