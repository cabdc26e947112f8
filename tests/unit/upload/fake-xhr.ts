// A small stand-in for XMLHttpRequest: records what the code under test did (listeners present at
// send(), headers, body) and lets each test script the network's behaviour per request.

type Handler = ((event: ProgressEvent) => void) | null;

class FakeUpload {
  onprogress: Handler = null;
  onload: Handler = null;
}

export type XhrScript = (xhr: FakeXhr) => void | Promise<void>;

export class FakeXhr {
  static instances: FakeXhr[] = [];
  /** Behaviour for each send(), in order; the last one repeats. */
  static scripts: XhrScript[] = [];

  method = "";
  url = "";
  body: unknown = undefined;
  status = 0;
  responseText = "";
  aborted = false;
  headers: Record<string, string> = {};
  upload = new FakeUpload();
  onload: Handler = null;
  onerror: Handler = null;
  onabort: Handler = null;
  ontimeout: Handler = null;
  /** Which handlers were set at the moment send() was called. */
  handlersAtSend: Record<string, boolean> = {};

  constructor() {
    FakeXhr.instances.push(this);
  }

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  send(body: unknown) {
    this.body = body;
    this.handlersAtSend = {
      uploadProgress: this.upload.onprogress !== null,
      uploadLoad: this.upload.onload !== null,
      load: this.onload !== null,
      error: this.onerror !== null,
      abort: this.onabort !== null,
    };
    const index = FakeXhr.instances.indexOf(this);
    const script = FakeXhr.scripts[Math.min(index, FakeXhr.scripts.length - 1)];
    if (script) queueMicrotask(() => void script(this));
  }

  abort() {
    this.aborted = true;
    this.onabort?.(new Event("abort") as ProgressEvent);
  }

  // Drivers for tests.
  progress(loaded: number, total: number) {
    if (this.aborted) return;
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }

  allSent(total: number) {
    this.progress(total, total);
    if (!this.aborted) this.upload.onload?.({} as ProgressEvent);
  }

  respond(status: number, body = "") {
    if (this.aborted) return;
    this.status = status;
    this.responseText = body;
    this.onload?.({} as ProgressEvent);
  }

  networkError() {
    if (this.aborted) return;
    this.onerror?.({} as ProgressEvent);
  }

  /** The multipart body as [name, value] pairs, files shown by their filename. */
  formEntries(): [string, string][] {
    const form = this.body as FormData;
    return [...form.entries()].map(([name, value]) => [
      name,
      typeof value === "string" ? value : `<file ${value.name}>`,
    ]);
  }
}

export function installFakeXhr(): () => void {
  const original = globalThis.XMLHttpRequest;
  FakeXhr.instances = [];
  FakeXhr.scripts = [];
  globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  return () => {
    globalThis.XMLHttpRequest = original;
  };
}

/** Scripts for common storage behaviours. */
export const storage = {
  accepts:
    (total = 1000): XhrScript =>
    (xhr) => {
      xhr.progress(total / 2, total);
      xhr.allSent(total);
      xhr.respond(201, "");
    },
  answers:
    (status: number, body: string, total = 1000): XhrScript =>
    (xhr) => {
      xhr.allSent(total);
      xhr.respond(status, body);
    },
  dropsAt:
    (share: number, total = 1000): XhrScript =>
    (xhr) => {
      xhr.progress(total * share, total);
      xhr.networkError();
    },
  neverAnswers:
    (total = 1000): XhrScript =>
    (xhr) => {
      xhr.allSent(total);
    },
};

export const s3Xml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`;
