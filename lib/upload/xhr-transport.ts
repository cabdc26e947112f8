import { TransportError, type TransportRequest, type TransportResponse } from "./transport";

// The browser transport. XMLHttpRequest, because fetch still has no upload progress. The body is
// the FormData itself, so the browser streams the file from disk; nothing here reads it.

/**
 * Posts `form` to `url` and resolves with whatever HTTP answer comes back (2xx or not); rejects
 * with a `TransportError` of kind `network` (no answer: offline, dropped, CORS), `stalled` (no
 * progress for `stallTimeoutMs`, or no answer that long after the last byte) or `aborted`.
 */
export function sendWithXhr({
  url,
  form,
  signal,
  onProgress,
  onAllBytesSent,
  stallTimeoutMs,
}: TransportRequest): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new TransportError("aborted", false));
      return;
    }
    const xhr = new XMLHttpRequest();
    let allSent = false;
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      outcome();
    };
    const fail = (kind: "network" | "stalled" | "aborted") =>
      finish(() => reject(new TransportError(kind, allSent)));
    const armStallTimer = () => {
      if (!stallTimeoutMs || settled) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        fail("stalled");
        xhr.abort();
      }, stallTimeoutMs);
    };
    const markAllSent = () => {
      if (allSent) return;
      allSent = true;
      onAllBytesSent?.();
    };
    function onAbort() {
      fail("aborted");
      xhr.abort();
    }

    xhr.open("POST", url);
    // F08: upload listeners must exist before send(), or the browser may never report progress.
    xhr.upload.onprogress = (event) => {
      armStallTimer();
      if (event.lengthComputable) {
        onProgress?.(event.loaded, event.total);
        if (event.loaded >= event.total) markAllSent();
      }
    };
    xhr.upload.onload = () => {
      armStallTimer();
      markAllSent();
    };
    xhr.onload = () => finish(() => resolve({ status: xhr.status, body: xhr.responseText }));
    xhr.onerror = () => fail("network");
    xhr.ontimeout = () => fail("stalled");
    xhr.onabort = () => fail("aborted");
    signal?.addEventListener("abort", onAbort, { once: true });
    armStallTimer();
    xhr.send(form);
  });
}
