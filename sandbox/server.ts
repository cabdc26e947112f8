import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleApi } from "./api";
import type { SandboxOptions } from "./config";
import { resolveConfig } from "./config";
import type { Sandbox } from "./context";
import { handleControl } from "./control";
import { preflightAllowed, writePreflight } from "./cors";
import { Faults } from "./faults";
import { serveFile } from "./files";
import { HookDelivery } from "./hooks";
import { sendText } from "./http-util";
import { handlePlayer, mediaTokenValid } from "./player";
import { ProcessingQueue } from "./processing";
import { errorXml, requestIds, s3Errors } from "./s3-errors";
import { handleS3Post } from "./s3-post";
import { deriveSigningKey } from "./sigv4";
import { Stats } from "./stats";
import { Store } from "./store";

export type RunningSandbox = { url: string; port: number; close(): Promise<void> };

async function route(sb: Sandbox, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = req.url ?? "/";
  // The request-target is a path: `//host/x` must not be read as a scheme-relative URL.
  const url = URL.parse(target.startsWith("/") ? `http://sandbox.invalid${target}` : target);
  if (!url) return sendText(res, 400, "Bad request target");
  const { pathname } = url;
  const method = req.method ?? "GET";

  if (pathname.startsWith("/s3/")) {
    if (method === "OPTIONS" && preflightAllowed(req, sb.config.allowedOrigins)) {
      return writePreflight(req, res);
    }
    const bucket = pathname.slice(4).replace(/\/+$/, "");
    if (method === "POST" && !bucket.includes("/")) {
      sb.stats.count("POST /s3/:bucket");
      return handleS3Post(sb, req, res, bucket);
    }
    const error =
      method === "OPTIONS"
        ? s3Errors.corsForbidden()
        : {
            status: 405,
            code: "MethodNotAllowed",
            message: "The specified method is not allowed against this resource.",
          };
    return sendText(res, error.status, errorXml(error, requestIds()), "application/xml");
  }
  if (pathname === "/api" || pathname.startsWith("/api/")) return handleApi(sb, req, res, url);
  if (pathname.startsWith("/__sandbox/")) return handleControl(sb, req, res, pathname);
  if (method !== "GET" && method !== "HEAD") return sendText(res, 405, "Method not allowed");
  if (pathname === "/player/v2/" || pathname === "/player/v2") return handlePlayer(sb, res, url);

  const media = /^\/media\/([0-9a-f]{32})\/video\.mp4$/.exec(pathname);
  if (media) {
    const id = media[1]!;
    const video = sb.store.videos.get(id);
    if (!video || video.status !== "ready" || !mediaTokenValid(sb, id, url)) {
      return sendText(res, 403, "Forbidden: play this video through the player with a valid OTP");
    }
    return serveFile(req, res, sb.store.mediaPath(id), "video/mp4");
  }
  const poster = /^\/posters\/([0-9a-f]{32})\/\d+x\d+\.jpeg$/.exec(pathname);
  if (poster && sb.store.videos.get(poster[1]!)?.status === "ready") {
    return serveFile(req, res, sb.store.posterPath(poster[1]!), "image/jpeg");
  }
  sendText(res, 404, "Not found");
}

/** Starts the sandbox; resolves once it listens, with queued and mid-processing videos resumed. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const config = resolveConfig(options);
  const store = new Store(config.dataDir);
  await store.load();
  const sb: Sandbox = {
    config,
    publicUrl: "",
    store,
    faults: new Faults(),
    stats: new Stats(),
    signing: deriveSigningKey(config.apiSecret),
    processing: new ProcessingQueue(() => sb),
    hooks: new HookDelivery(() => store.hooks),
    mediaSecret: createHmac("sha256", "cipherdrop-sandbox-media")
      .update(config.apiSecret)
      .digest("hex"),
  };
  const server = createServer((req, res) => {
    route(sb, req, res).catch((error: unknown) => {
      console.error("[sandbox] request failed:", error);
      if (!res.headersSent) sendText(res, 500, "Internal error");
      else res.destroy();
    });
  });
  // Multi-GB uploads on a throttled link outlast Node's default 5-minute request timeout.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  sb.publicUrl = config.publicUrl ?? url;
  sb.processing.resumeAll();
  return {
    url,
    port,
    async close() {
      await sb.processing.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.flush();
    },
  };
}
