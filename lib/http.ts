import "server-only";
import type { z } from "zod";
import { requireCreator, type Session } from "@/lib/auth/session";
import { clientIp } from "@/lib/client-ip";
import { ApiError, errorResponse } from "@/lib/errors";
import { videoIdSchema } from "@/lib/schemas";
import { VdoCipherError } from "@/lib/vdocipher";

// Helpers for route handlers: parse and validate input, answer JSON, map every failure to the one
// error contract.

export type RouteContext<P extends Record<string, string> = Record<string, never>> = {
  params: Promise<P>;
};

type Handler<P extends Record<string, string>> = (
  request: Request,
  context: RouteContext<P>,
) => Promise<Response>;

function withErrors<P extends Record<string, string>>(handler: Handler<P>): Handler<P> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(toApiError(error));
    }
  };
}

/** Routes for signed-in creators: the one place their access check belongs (403 cross-site, 401). */
export function creatorRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (request: Request, context: RouteContext<P>, session: Session) => Promise<Response>,
): Handler<P> {
  return withErrors(async (request, context) =>
    handler(request, context, await requireCreator(request)),
  );
}

/**
 * Routes viewers reach without signing in (the watch page and its playback). `limit` takes one point
 * of the client address's allowance first, answering 429 with Retry-After when it is spent.
 */
export function publicRoute<P extends Record<string, string> = Record<string, never>>(
  handler: Handler<P>,
  { limit }: { limit?: (ip: string) => Promise<void> } = {},
): Handler<P> {
  return withErrors(async (request, context) => {
    await limit?.(clientIp(request.headers));
    return handler(request, context);
  });
}

/** Every response of our API is per request: never stored by browsers, CDNs or Next. */
export function json(data: unknown, init: { status?: number } = {}): Response {
  return Response.json(data, {
    status: init.status ?? 200,
    headers: { "Cache-Control": "no-store" },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(({ code, path, message }) => ({
    code,
    path: path.map(String),
    message,
  }));
  throw new ApiError("invalid_request", issues[0]?.message ?? "The request is invalid.", {
    issues,
  });
}

export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw new ApiError("invalid_json", "The request body must be valid JSON.");
  }
  return validate(schema, body);
}

export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  return validate(schema, Object.fromEntries(new URL(request.url).searchParams));
}

export async function readVideoId(context: RouteContext<{ id: string }>): Promise<string> {
  const { id } = await context.params;
  return validate(videoIdSchema, id);
}

/** Upstream failures in our vocabulary; what upstream said stays in the server log. */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof VdoCipherError)) return error;
  switch (error.code) {
    case "not_found":
      return new ApiError("not_found", "No video with this id.", { cause: error });
    case "invalid_request":
      console.warn(`[cipherdrop] ${error.message}`, error.details.upstreamMessage ?? "");
      return new ApiError("invalid_request", "VdoCipher refused this request as invalid.", {
        cause: error,
      });
    case "rate_limited":
      return new ApiError("rate_limited", "The video service is busy. Please retry shortly.", {
        retryAfterSeconds: error.details.retryAfterSeconds,
        cause: error,
      });
    case "upstream_timeout":
      console.error(`[cipherdrop] ${error.message}`);
      return new ApiError("upstream_timeout", "The video service did not answer in time.", {
        cause: error,
      });
    case "unauthenticated":
      console.error(
        `[cipherdrop] ${error.message}: the API secret was refused; check VDOCIPHER_API_SECRET.`,
        error.details.upstreamMessage ?? "",
      );
      break;
    case "upstream_error":
      console.error(
        `[cipherdrop] ${error.message}`,
        error.details.upstreamMessage ?? error.cause ?? "",
      );
      break;
  }
  return new ApiError("upstream_error", "The video service failed. Please try again.", {
    cause: error,
  });
}
