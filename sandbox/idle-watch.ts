import type { IncomingMessage } from "node:http";

/**
 * Calls `onIdle` once the client has sent no byte for `ms` while the server was ready to read, the
 * way S3 ends a silent upload. Time the server itself holds the body back (a throttle, a slow disk:
 * the request is paused or has unread data) is never counted against the client. Stops by itself
 * once the whole body has arrived or the connection closed; the returned function stops it early.
 * `ms` 0 disables the watch.
 */
export function watchIdle(req: IncomingMessage, ms: number, onIdle: () => void): () => void {
  if (ms <= 0) return () => undefined;
  const { socket } = req;
  let seen = socket.bytesRead;
  let activeAt = Date.now();
  const timer = setInterval(
    () => {
      if (req.complete || req.destroyed) return stop();
      const held = req.readableFlowing === false || req.readableLength > 0;
      if (held || socket.bytesRead !== seen) {
        seen = socket.bytesRead;
        activeAt = Date.now();
      } else if (Date.now() - activeAt >= ms) {
        stop();
        onIdle();
      }
    },
    Math.max(10, Math.floor(ms / 8)),
  );
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    req.off("close", stop);
  };
  req.on("close", stop);
  return stop;
}
