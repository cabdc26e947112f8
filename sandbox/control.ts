import type { IncomingMessage, ServerResponse } from "node:http";
import type { Sandbox } from "./context";
import { parseFaults } from "./faults";
import { HttpError, readBody, sendJson } from "./http-util";

/** The test control surface, outside the VdoCipher one: health, fault switches, reset, stats. */
export async function handleControl(
  sb: Sandbox,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) {
  const route = `${req.method} ${pathname.replace(/\/+$/, "")}`;
  try {
    const body = await readBody(req);
    switch (route) {
      case "GET /__sandbox/health":
        return sendJson(res, 200, { ok: true });
      case "GET /__sandbox/faults":
        return sendJson(res, 200, sb.faults.get());
      case "POST /__sandbox/faults": {
        const faults = parseFaults(body);
        if (typeof faults === "string") throw new HttpError(400, faults);
        sb.faults.replace(faults);
        return sendJson(res, 200, sb.faults.get());
      }
      case "DELETE /__sandbox/faults":
        sb.faults.clear();
        return sendJson(res, 200, sb.faults.get());
      case "POST /__sandbox/reset":
        sb.faults.clear();
        sb.processing.cancelAll();
        await sb.store.clear();
        return sendJson(res, 200, { ok: true });
      case "GET /__sandbox/stats":
        return sendJson(res, 200, sb.stats.snapshot());
      case "POST /__sandbox/stats/reset":
        sb.stats.reset();
        return sendJson(res, 200, sb.stats.snapshot());
      default:
        throw new HttpError(404, "Unknown control endpoint");
    }
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500;
    sendJson(res, status, { message: error instanceof Error ? error.message : "Internal error" });
  }
}
