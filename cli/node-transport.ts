import http from "node:http";
import https from "node:https";
import {
  TransportError,
  type TransportRequest,
  type TransportResponse,
  type UploadTransport,
} from "@/lib/upload/transport";
import { UploadError } from "@/lib/upload/upload-error";
import { bodyChunks, encodeForm, FileChangedError } from "./multipart";

// The command-line transport: the multipart body streamed from disk with an explicit
// Content-Length, byte progress, cancellation and the same stall rule as the browser's (F10).

// Storage answers with a small XML document; anything longer is cut, never buffered without bound.
const MAX_ANSWER_BYTES = 64 * 1024;

/** A transport for one file; `filePath` is where the form's file part can be read from on disk. */
export const nodeTransport =
  (filePath?: string): UploadTransport =>
  (request) =>
    send(request, filePath);

function send(request: TransportRequest, filePath?: string): Promise<TransportResponse> {
  return new Promise<TransportResponse>((resolve, reject) => {
    const { url, form, signal, onProgress, onAllBytesSent, stallTimeoutMs } = request;
    if (signal?.aborted) return reject(new TransportError("aborted", false));
    const body = encodeForm(form);
    const target = new URL(url);
    const client = target.protocol === "https:" ? https : http;
    let allSent = false;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;

    const req = client.request(target, {
      method: "POST",
      headers: { "Content-Type": body.contentType, "Content-Length": String(body.length) },
    });

    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      outcome();
    };
    const fail = (kind: "network" | "stalled" | "aborted", cause?: unknown) => {
      finish(() => reject(new TransportError(kind, allSent, describe(kind, cause))));
      req.destroy();
    };
    const armStallTimer = () => {
      if (!stallTimeoutMs || settled) return;
      clearTimeout(timer);
      timer = setTimeout(() => fail("stalled"), stallTimeoutMs);
    };
    function onAbort() {
      fail("aborted");
    }
    signal?.addEventListener("abort", onAbort, { once: true });

    req.on("error", (error) => fail("network", error));
    req.on("response", (response) => {
      armStallTimer();
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        armStallTimer();
        if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      response.on("error", (error) => fail("network", error));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8").slice(0, MAX_ANSWER_BYTES);
        finish(() => resolve({ status: response.statusCode ?? 0, body: text }));
        // Storage may answer before reading the whole body (an early 4xx); stop sending then.
        if (!allSent) req.destroy();
      });
    });

    armStallTimer();
    void (async () => {
      let loaded = 0;
      for await (const chunk of bodyChunks(body, filePath)) {
        if (settled) return;
        // Flushed before the next chunk is asked for: bodyChunks reuses the memory (and it paces us).
        await flushed(req, chunk);
        loaded += chunk.byteLength;
        armStallTimer();
        onProgress?.(loaded, body.length);
      }
      if (settled) return;
      req.end();
      allSent = true;
      armStallTimer();
      onAllBytesSent?.();
    })().catch((error: unknown) => {
      if (!(error instanceof FileChangedError)) return fail("network", error);
      // Not a network failure: another attempt would send the same changed file. The engine
      // passes its own error type through, so this one ends the upload (and deletes its video).
      finish(() => reject(new UploadError("unknown", error.message, { retryable: false })));
      req.destroy();
    });
  });
}

// Resolves once the socket has taken the chunk, or when the request ends for any reason (the error
// and response handlers settle the upload; the writer only has to stop waiting).
function flushed(req: http.ClientRequest, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off("close", done);
      resolve();
    };
    req.once("close", done);
    req.write(chunk, done);
  });
}

function describe(kind: string, cause: unknown): string {
  const detail =
    cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : "";
  return detail ? `${kind}: ${detail}` : kind;
}
