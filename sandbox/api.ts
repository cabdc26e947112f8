import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Sandbox } from "./context";
import { decodeComponent, HttpError, readBody, sendJson } from "./http-util";
import { extraRoutes } from "./api-extra";
import { videoRoutes } from "./api-videos";

export type ApiContext = {
  sb: Sandbox;
  req: IncomingMessage;
  params: string[];
  query: URLSearchParams;
  body: Record<string, unknown>;
};
export type Route = {
  method: string;
  pattern: string;
  handle: (ctx: ApiContext) => Promise<unknown>;
};

// Literal paths (tags, importUrl) come before `:id`, so `GET /api/videos/tags` is never a video id.
const routes = [...extraRoutes, ...videoRoutes].map((route) => ({
  ...route,
  regex: new RegExp(`^${route.pattern.replace(/:[a-z]+/gi, "([^/]+)")}$`),
}));

function authorised(req: IncomingMessage, secret: string): boolean {
  const given = Buffer.from(req.headers.authorization ?? "");
  const expected = Buffer.from(`Apisecret ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Everything under /api: stats, injected faults, auth, then the route. Errors are JSON `{message}`. */
export async function handleApi(sb: Sandbox, req: IncomingMessage, res: ServerResponse, url: URL) {
  const method = req.method ?? "GET";
  const pathname = url.pathname.replace(/\/+$/, "");
  const byPath = routes
    .map((route) => ({ route, match: route.regex.exec(pathname) }))
    .filter((r) => r.match);
  const found = byPath.find(({ route }) => route.method === method);
  sb.stats.count(`${method} ${found?.route.pattern ?? "/api/*"}`);

  const fault = sb.faults.takeApi();
  if (fault && "hang" in fault) return; // the request stays open until the client gives up
  try {
    const body = await readBody(req);
    if (fault) throw new HttpError(fault.status, `Sandbox fault: injected HTTP ${fault.status}`);
    if (!authorised(req, sb.config.apiSecret))
      throw new HttpError(401, "Invalid or missing API secret");
    if (!found)
      throw new HttpError(
        byPath.length > 0 ? 405 : 404,
        byPath.length > 0 ? "Method not allowed" : "Not found",
      );
    const params = found.match!.slice(1).map((part) => {
      const decoded = decodeComponent(part);
      if (decoded === undefined) throw new HttpError(400, "Malformed percent-encoding in the path");
      return decoded;
    });
    const result = await found.route.handle({ sb, req, params, query: url.searchParams, body });
    sendJson(res, 200, result);
  } catch (error) {
    if (error instanceof HttpError) return sendJson(res, error.status, { message: error.message });
    console.error("[sandbox] api error:", error);
    sendJson(res, 500, { message: "Internal error" });
  }
}
