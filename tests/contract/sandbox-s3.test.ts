import { readdir, readFile } from "node:fs/promises";
import { request } from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientPayload, SandboxHandle } from "../helpers/sandbox";
import { fixture, SIGNED_FIELDS, spawnSandbox } from "../helpers/sandbox";

const SIGNED = SIGNED_FIELDS;
type FormOptions = {
  override?: Partial<Record<string, string>>;
  omit?: string[];
  extra?: [string, string][];
  after?: [string, string][];
  fileFirst?: boolean;
  file?: Blob;
  fileName?: string;
};

function buildForm(payload: ClientPayload, sample: Blob, options: FormOptions = {}): FormData {
  const form = new FormData();
  const addFile = () =>
    form.append("file", options.file ?? sample, options.fileName ?? "sample.mp4");
  if (options.fileFirst) addFile();
  const fields: [string, string][] = [
    ...SIGNED.map((name): [string, string] => [name, payload[name]]),
    ["success_action_status", "201"],
    ["success_action_redirect", ""],
    ...(options.extra ?? []),
  ];
  for (const [name, value] of fields) {
    if (options.omit?.includes(name)) continue;
    form.append(name, options.override?.[name] ?? value);
  }
  if (!options.fileFirst) addFile();
  for (const [name, value] of options.after ?? []) form.append(name, value);
  return form;
}

const entities: Record<string, string> = {
  "&quot;": '"',
  "&apos;": "'",
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
};
const xmlValue = (xml: string, tag: string) =>
  new RegExp(`<${tag}>([^<]*)</${tag}>`)
    .exec(xml)?.[1]
    ?.replace(/&(quot|apos|lt|gt|amp);/g, (e) => entities[e]!);

describe("sandbox S3 POST endpoint", () => {
  let sandbox: SandboxHandle;
  let sample: Blob;
  let sampleBytes: Buffer;

  beforeAll(async () => {
    sandbox = await spawnSandbox({ env: { SANDBOX_ALLOWED_ORIGINS: "http://app.test:3000" } });
    sampleBytes = await readFile(fixture("sample.mp4"));
    sample = new Blob([new Uint8Array(sampleBytes)], { type: "video/mp4" });
  });
  afterAll(() => sandbox.stop());

  async function post(options: FormOptions = {}, init: RequestInit = {}) {
    const { clientPayload, videoId } = await sandbox.createUpload("s3 test");
    const response = await fetch(clientPayload.uploadLink, {
      method: "POST",
      body: buildForm(clientPayload, sample, options),
      ...init,
    });
    const text = await response.text();
    return {
      response,
      text,
      videoId,
      code: xmlValue(text, "Code"),
      message: xmlValue(text, "Message"),
    };
  }

  async function expectNoPartialFiles() {
    expect(await readdir(path.join(sandbox.dataDir, "incoming"))).toEqual([]);
  }

  it("accepts a correct form: 201 PostResponse with Location, Bucket, Key and the ETag; the video is Queued at once", async () => {
    const { response, text, videoId } = await post();
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/xml");
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(xmlValue(text, "Key")).toBe(`orig/${videoId}`);
    expect(xmlValue(text, "Bucket")).toBe("vdo-sandbox-uploads");
    expect(xmlValue(text, "Location")).toContain(encodeURIComponent(`orig/${videoId}`));
    expect(xmlValue(text, "ETag")).toBe(etag);
    expect((await sandbox.getVideo(videoId)).status).toBe("Queued");
  });

  it("accepts what real clients send: any file type, a filename without extension, fields in another order", async () => {
    const { clientPayload } = await sandbox.createUpload("quirks");
    const form = new FormData();
    form.append("success_action_redirect", "");
    form.append("success_action_status", "201");
    for (const name of [...SIGNED].reverse()) form.append(name, clientPayload[name]);
    form.append(
      "file",
      new Blob([new Uint8Array(sampleBytes)], { type: "text/plain" }),
      "filename",
    );
    const response = await fetch(clientPayload.uploadLink, { method: "POST", body: form });
    expect(response.status).toBe(201);
  });

  it("ignores fields after the file (S3 never reads them)", async () => {
    const { response } = await post({
      after: [
        ["x-amz-meta-title", "ignored"],
        ["Content-Type", "video/mp4"],
      ],
    });
    expect(response.status).toBe(201);
  });

  it("answers 400 InvalidArgument when the file comes before the signed fields (they are ignored)", async () => {
    const { response, code, text, videoId } = await post({ fileFirst: true });
    expect(response.status).toBe(400);
    expect(code).toBe("InvalidArgument");
    expect(xmlValue(text, "ArgumentName")).toBe("key");
    expect((await sandbox.getVideo(videoId)).status).toBe("PRE-Upload");
  });

  it.each(["key", "x-amz-signature", "policy", "x-amz-credential"])(
    "answers 400 InvalidArgument when %s is missing",
    async (name) => {
      const { response, code, text } = await post({ omit: [name] });
      expect(response.status).toBe(400);
      expect(code).toBe("InvalidArgument");
      expect(xmlValue(text, "ArgumentName")).toBe(name);
    },
  );

  describe("the part named file is the file whatever its filename", () => {
    const boundary = "----filepartboundary";
    async function postRaw(fileHeader: string, content: Buffer, type = `boundary=${boundary}`) {
      const { clientPayload, videoId } = await sandbox.createUpload("file part");
      const part = (name: string, value: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      const body = Buffer.concat([
        Buffer.from(
          SIGNED.map((name) => part(name, clientPayload[name])).join("") +
            part("success_action_status", "201") +
            part("success_action_redirect", "") +
            `--${boundary}\r\n${fileHeader}\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const response = await fetch(clientPayload.uploadLink, {
        method: "POST",
        headers: { "Content-Type": `multipart/form-data; ${type}` },
        body,
      });
      return { response, text: await response.text(), videoId };
    }
    const stored = (videoId: string) =>
      readFile(path.join(sandbox.dataDir, "videos", videoId, "source"));

    it.each([
      ["no filename", 'Content-Disposition: form-data; name="file"\r\nContent-Type: video/mp4'],
      ["an empty filename", 'Content-Disposition: form-data; name="file"; filename=""'],
      [
        "an empty extended filename",
        "Content-Disposition: form-data; name=file; filename*=UTF-8''",
      ],
      ["no Content-Type either", 'content-disposition: form-data; name="File"'],
    ])(
      "stores a file part with %s (over the 20 KB field cap) and answers 201",
      async (_label, header) => {
        const { response, text, videoId } = await postRaw(header, sampleBytes);
        expect(response.status, text).toBe(201);
        expect((await stored(videoId)).equals(sampleBytes)).toBe(true);
        expect((await sandbox.getVideo(videoId)).status).not.toBe("PRE-Upload");
      },
    );

    it("stores a small filename-less file part and honours a quoted boundary", async () => {
      const content = Buffer.from("0123456789".repeat(3));
      const { response, videoId } = await postRaw(
        'Content-Disposition: form-data; name="file"',
        content,
        `boundary="${boundary}"`,
      );
      expect(response.status).toBe(201);
      expect((await stored(videoId)).equals(content)).toBe(true);
    });

    it("takes FormData text content under `file` as the file", async () => {
      const { clientPayload, videoId } = await sandbox.createUpload("text file");
      const form = new FormData();
      for (const name of SIGNED) form.append(name, clientPayload[name]);
      form.append("success_action_status", "201");
      form.append("success_action_redirect", "");
      form.append("file", "plain text content");
      const response = await fetch(clientPayload.uploadLink, { method: "POST", body: form });
      expect(response.status).toBe(201);
      expect((await stored(videoId)).toString()).toBe("plain text content");
    });
  });

  it("answers 400 InvalidArgument when there is no file at all", async () => {
    const { clientPayload } = await sandbox.createUpload("no file");
    const form = new FormData();
    for (const name of SIGNED) form.append(name, clientPayload[name]);
    form.append("success_action_status", "201");
    form.append("success_action_redirect", "");
    const response = await fetch(clientPayload.uploadLink, { method: "POST", body: form });
    expect(response.status).toBe(400);
    expect(xmlValue(await response.text(), "Code")).toBe("InvalidArgument");
  });

  it("answers 400 MalformedPOSTRequest for a hand-set multipart Content-Type without boundary", async () => {
    const { response, code } = await post(
      {},
      { headers: { "Content-Type": "multipart/form-data" } },
    );
    expect(response.status).toBe(400);
    expect(code).toBe("MalformedPOSTRequest");
  });

  it("answers 400 MalformedPOSTRequest for a body that is not multipart", async () => {
    const { clientPayload } = await sandbox.createUpload("urlencoded");
    const response = await fetch(clientPayload.uploadLink, {
      method: "POST",
      body: new URLSearchParams({ key: clientPayload.key }),
    });
    expect(response.status).toBe(400);
    expect(xmlValue(await response.text(), "Code")).toBe("MalformedPOSTRequest");
  });

  it.each([
    ["uploadLink", "http://example.test/"],
    ["Content-Type", "video/mp4"],
    ["x-amz-meta-title", "My video"],
  ])("answers 403 AccessDenied for a field no condition covers (%s)", async (name, value) => {
    const { response, code, message } = await post({ extra: [[name, value]] });
    expect(response.status).toBe(403);
    expect(code).toBe("AccessDenied");
    expect(message).toBe(`Invalid according to Policy: Extra input fields: ${name.toLowerCase()}`);
  });

  it("answers 403 AccessDenied when the empty success_action_redirect is dropped", async () => {
    const { response, code, message } = await post({ omit: ["success_action_redirect"] });
    expect(response.status).toBe(403);
    expect(code).toBe("AccessDenied");
    expect(message).toContain("Policy Condition failed");
    expect(message).toContain("$success_action_redirect");
  });

  it.each([
    ["success_action_status", "200"],
    ["key", "orig/someone-else"],
    ["x-amz-date", "20200101T000000Z"],
  ])("answers 403 AccessDenied when an eq condition fails (%s altered)", async (name, value) => {
    const { response, code, message } = await post({ override: { [name]: value } });
    expect(response.status).toBe(403);
    expect(code).toBe("AccessDenied");
    expect(message).toContain(`Policy Condition failed: ["eq", "$${name}"`);
  });

  it("answers 403 SignatureDoesNotMatch for an altered signature, policy or credential", async () => {
    const { clientPayload } = await sandbox.createUpload("tampered");
    const flipped = clientPayload["x-amz-signature"].replace(/^./, (c) => (c === "a" ? "b" : "a"));
    const reencoded = Buffer.from(
      JSON.stringify(JSON.parse(Buffer.from(clientPayload.policy, "base64").toString()), null, 1),
    ).toString("base64");
    const credential = clientPayload["x-amz-credential"].replace(/\/\d{8}\//, "/20200101/");
    for (const override of [
      { "x-amz-signature": flipped },
      { policy: reencoded },
      { policy: encodeURIComponent(clientPayload.policy) + "%2B" },
      { policy: ` ${clientPayload.policy}` },
      { "x-amz-credential": credential },
    ]) {
      const { response, code } = await post({ override });
      expect.soft(response.status, JSON.stringify(Object.keys(override))).toBe(403);
      expect.soft(code).toBe("SignatureDoesNotMatch");
    }
  });

  it("answers 403 AccessDenied 'Policy expired.' once the policy has expired", async () => {
    await sandbox.setFaults({ policyTtlSeconds: 1 });
    const { clientPayload } = await sandbox.createUpload("expiring");
    await sandbox.clearFaults();
    await sleep(1100);
    const response = await fetch(clientPayload.uploadLink, {
      method: "POST",
      body: buildForm(clientPayload, sample),
    });
    const text = await response.text();
    expect(response.status).toBe(403);
    expect(xmlValue(text, "Code")).toBe("AccessDenied");
    expect(xmlValue(text, "Message")).toBe("Invalid according to Policy: Policy expired.");
  });

  it("answers 400 EntityTooSmall for a 0-byte file and keeps no partial file", async () => {
    const { response, code, text, videoId } = await post({
      file: new Blob([]),
      fileName: "empty.mp4",
    });
    expect(response.status).toBe(400);
    expect(code).toBe("EntityTooSmall");
    expect(xmlValue(text, "MinSizeAllowed")).toBe("1");
    expect((await sandbox.getVideo(videoId)).status).toBe("PRE-Upload");
    await expectNoPartialFiles();
  });

  it("answers 411 MissingContentLength for a chunked body", async () => {
    const { clientPayload } = await sandbox.createUpload("chunked");
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(clientPayload.uploadLink, {
        method: "POST",
        headers: {
          "Content-Type": "multipart/form-data; boundary=xyz",
          "Transfer-Encoding": "chunked",
        },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end("--xyz--\r\n");
    });
    expect(status).toBe(411);
  });

  it("answers 404 NoSuchBucket for another bucket", async () => {
    const { clientPayload } = await sandbox.createUpload("bucket");
    const link = clientPayload.uploadLink.replace(/\/s3\/.*/, "/s3/other-bucket");
    const response = await fetch(link, { method: "POST", body: buildForm(clientPayload, sample) });
    expect(response.status).toBe(404);
    expect(xmlValue(await response.text(), "Code")).toBe("NoSuchBucket");
  });

  it("answers a preflight from an allowed origin without auth, and refuses other origins", async () => {
    const { clientPayload } = await sandbox.createUpload("cors");
    const preflight = (origin: string) =>
      fetch(clientPayload.uploadLink, {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "x-requested-with",
        },
      });
    const allowed = await preflight("http://app.test:3000");
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://app.test:3000");
    expect(allowed.headers.get("access-control-allow-methods")).toContain("POST");
    expect(allowed.headers.get("access-control-allow-headers")).toBe("x-requested-with");
    const refused = await preflight("http://evil.test");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(xmlValue(await refused.text(), "Code")).toBe("AccessForbidden");
  });

  it("adds CORS headers to uploads and S3 errors for allowed origins only", async () => {
    const ok = await post({}, { headers: { Origin: "http://app.test:3000" } });
    expect(ok.response.headers.get("access-control-allow-origin")).toBe("http://app.test:3000");
    expect(ok.response.headers.get("access-control-expose-headers")).toContain("ETag");
    const error = await post({ omit: ["key"] }, { headers: { Origin: "http://app.test:3000" } });
    expect(error.response.headers.get("access-control-allow-origin")).toBe("http://app.test:3000");
    const foreign = await post({}, { headers: { Origin: "http://evil.test" } });
    expect(foreign.response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("never offers CORS on the API (server-side only)", async () => {
    const response = await fetch(`${sandbox.apiUrl}/videos`, {
      method: "OPTIONS",
      headers: { Origin: "http://app.test:3000", "Access-Control-Request-Method": "GET" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("leaves no partial file after any rejection", async () => {
    await expectNoPartialFiles();
  });
});

describe("sandbox S3 POST size limit", () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await spawnSandbox({ env: { SANDBOX_MAX_UPLOAD_BYTES: "40000" } });
  });
  afterAll(() => sandbox.stop());

  it("answers 400 EntityTooLarge while the body is still streaming, and removes the partial file", async () => {
    const { clientPayload, videoId } = await sandbox.createUpload("too large");
    const boundary = "----sandboxboundary";
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const head =
      SIGNED.map((name) => part(name, clientPayload[name])).join("") +
      part("success_action_status", "201") +
      part("success_action_redirect", "") +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`;
    const declared = Buffer.byteLength(head) + 10_000_000;
    const result = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(clientPayload.uploadLink, {
        method: "POST",
        headers: {
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": declared,
        },
      });
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.write(head);
      // 100 kB of the declared 10 MB: the answer must come without the rest of the body.
      req.write(Buffer.alloc(100_000, 1));
    });
    expect(result.status).toBe(400);
    expect(xmlValue(result.body, "Code")).toBe("EntityTooLarge");
    expect(xmlValue(result.body, "MaxSizeAllowed")).toBe("40000");
    expect((await sandbox.getVideo(videoId)).status).toBe("PRE-Upload");
    await sleep(100);
    expect(await readdir(path.join(sandbox.dataDir, "incoming"))).toEqual([]);
  });

  it("accepts a file within the limit", async () => {
    const { clientPayload } = await sandbox.createUpload("fits");
    const response = await sandbox.uploadFile(clientPayload, fixture("sample.mp4"));
    expect(response.status).toBe(201);
  });
});

describe("sandbox S3 POST idle timeout (RequestTimeout)", () => {
  const IDLE_MS = 300;
  let sandbox: SandboxHandle;
  let sampleBytes: Buffer;
  beforeAll(async () => {
    sandbox = await spawnSandbox({ env: { SANDBOX_UPLOAD_IDLE_TIMEOUT_MS: String(IDLE_MS) } });
    sampleBytes = await readFile(fixture("sample.mp4"));
  });
  afterAll(() => sandbox.stop());

  const boundary = "----idleboundary";
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const formHead = (payload: ClientPayload) =>
    SIGNED.map((name) => part(name, payload[name])).join("") +
    part("success_action_status", "201") +
    part("success_action_redirect", "") +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\n`;
  const formTail = `\r\n--${boundary}--\r\n`;
  const incoming = () => readdir(path.join(sandbox.dataDir, "incoming"));

  type Raw = { status: number; body: string; ms: number; closed: Promise<void> };
  /** Posts `pieces` (waiting `gapMs` between them) with `declared` as Content-Length. */
  function rawPost(link: string, declared: number, pieces: Buffer[], gapMs = 0): Promise<Raw> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const req = request(link, {
        method: "POST",
        agent: false,
        headers: {
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": declared,
        },
      });
      const closed = new Promise<void>((done) => req.on("socket", (s) => s.on("close", done)));
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body, ms: Date.now() - started, closed }),
        );
      });
      req.on("error", reject);
      void (async () => {
        for (const [index, piece] of pieces.entries()) {
          if (index > 0 && gapMs > 0) await sleep(gapMs);
          req.write(piece);
        }
      })();
    });
  }

  async function expectTimedOut(raw: Raw) {
    expect(raw.status).toBe(400);
    expect(xmlValue(raw.body, "Code")).toBe("RequestTimeout");
    expect(xmlValue(raw.body, "Message")).toBe(
      "Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.",
    );
    expect(raw.ms).toBeGreaterThanOrEqual(IDLE_MS);
    expect(raw.ms).toBeLessThan(IDLE_MS + 2000);
    await raw.closed; // the server closes the connection after the answer
  }

  it("answers 400 RequestTimeout when the client stops mid-file, removes the partial file and closes", async () => {
    const { clientPayload, videoId } = await sandbox.createUpload("stalled");
    const head = Buffer.from(formHead(clientPayload));
    const answer = rawPost(clientPayload.uploadLink, head.length + 100_000, [
      head,
      sampleBytes.subarray(0, 5000),
    ]);
    await expect.poll(incoming).toHaveLength(1);
    await expectTimedOut(await answer);
    expect(await incoming()).toEqual([]);
    expect((await sandbox.getVideo(videoId)).status).toBe("PRE-Upload");
  });

  it("answers 400 RequestTimeout when Content-Length declares more than the complete form sent", async () => {
    const { clientPayload, videoId } = await sandbox.createUpload("short body");
    const body = Buffer.concat([
      Buffer.from(formHead(clientPayload)),
      sampleBytes,
      Buffer.from(formTail),
    ]);
    await expectTimedOut(await rawPost(clientPayload.uploadLink, body.length + 100, [body]));
    expect(await incoming()).toEqual([]);
    expect((await sandbox.getVideo(videoId)).status).toBe("PRE-Upload");
  });

  it("answers 400 RequestTimeout when a rejected request's body stalls (no bucket, nothing read)", async () => {
    const { clientPayload } = await sandbox.createUpload("stalled elsewhere");
    const link = clientPayload.uploadLink.replace(/\/s3\/.*/, "/s3/other-bucket");
    const head = Buffer.from(formHead(clientPayload));
    await expectTimedOut(await rawPost(link, head.length + 100_000, [head]));
  });

  it("keeps a slow but steady client: pauses shorter than the timeout never end the upload", async () => {
    const { clientPayload, videoId } = await sandbox.createUpload("steady");
    const pieces: Buffer[] = [Buffer.from(formHead(clientPayload))];
    const step = Math.ceil(sampleBytes.length / 6);
    for (let offset = 0; offset < sampleBytes.length; offset += step) {
      pieces.push(sampleBytes.subarray(offset, offset + step));
    }
    pieces.push(Buffer.from(formTail));
    const size = pieces.reduce((sum, piece) => sum + piece.length, 0);
    const raw = await rawPost(clientPayload.uploadLink, size, pieces, IDLE_MS / 3);
    expect(raw.ms).toBeGreaterThan(IDLE_MS * 2);
    expect(raw.status).toBe(201);
    expect((await sandbox.getVideo(videoId)).status).not.toBe("PRE-Upload");
  });

  it("never counts time a bytesPerSecond throttle holds the body back as client silence", async () => {
    await sandbox.setFaults({ upload: { bytesPerSecond: 40_000 } });
    try {
      const { clientPayload } = await sandbox.createUpload("throttled");
      const head = Buffer.concat([Buffer.from(formHead(clientPayload)), sampleBytes]);
      const tail = Buffer.from(formTail);
      // The client pauses 2× the timeout while the sandbox still holds ~37 kB it reads at 40 kB/s.
      const raw = await rawPost(
        clientPayload.uploadLink,
        head.length + tail.length,
        [head, tail],
        IDLE_MS * 2,
      );
      expect(raw.status).toBe(201);
      expect(raw.ms).toBeGreaterThan(800);
    } finally {
      await sandbox.clearFaults();
    }
  });

  it("never answers a neverAnswer upload, however long the connection then stays silent", async () => {
    await sandbox.setFaults({ upload: { neverAnswer: true, count: 1 } });
    const { clientPayload, videoId } = await sandbox.createUpload("unanswered");
    const form = new FormData();
    for (const name of SIGNED) form.append(name, clientPayload[name]);
    form.append("success_action_status", "201");
    form.append("success_action_redirect", "");
    form.append("file", new Blob([new Uint8Array(sampleBytes)]), "a.mp4");
    const upload = fetch(clientPayload.uploadLink, {
      method: "POST",
      body: form,
      signal: AbortSignal.timeout(IDLE_MS * 3),
    });
    await expect(upload).rejects.toMatchObject({ name: "TimeoutError" });
    expect((await sandbox.getVideo(videoId)).status).not.toBe("PRE-Upload");
  });
});
