import busboy from "busboy";
import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  mkdtempSync,
  openAsBlob,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import nodePath from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bodyChunks, encodeForm, FileChangedError } from "@/cli/multipart";
import { buildUploadForm } from "@/lib/upload/form";
import { fixture } from "../../helpers/sandbox";

// The CLI's multipart body: exactly as long as it says, fields byte for byte in order, file last.

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  // Copies each chunk: the file reader reuses its buffers once the next chunk is asked for.
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

function parse(body: Buffer, contentType: string) {
  return new Promise<{
    fields: [string, string][];
    file: Buffer;
    filename: string;
    order: string[];
  }>((resolve, reject) => {
    const fields: [string, string][] = [];
    const order: string[] = [];
    const fileParts: Buffer[] = [];
    let filename = "";
    const parser = busboy({ headers: { "content-type": contentType } });
    parser.on("field", (name, value) => {
      fields.push([name, value]);
      order.push(name);
    });
    parser.on("file", (_name, stream, info) => {
      filename = info.filename ?? "";
      order.push("file");
      stream.on("data", (data: Buffer) => fileParts.push(data));
    });
    parser.on("close", () => resolve({ fields, file: Buffer.concat(fileParts), filename, order }));
    parser.on("error", reject);
    Readable.from([body]).pipe(parser);
  });
}

const ticket = {
  fields: {
    policy: "eyJ+/abc==",
    key: "orig/0123",
    "x-amz-signature": "  spaced value  ",
    "x-amz-algorithm": "AWS4-HMAC-SHA256",
  },
};

describe("encodeForm + bodyChunks", () => {
  for (const fromDisk of [false, true]) {
    it(`sends the declared length, fields untouched and the file last (${fromDisk ? "read from its path" : "read from the Blob"})`, async () => {
      const path = fixture("sample-c.webm");
      const form = buildUploadForm(ticket, await openAsBlob(path), 'my "clip".webm');
      const encoded = encodeForm(form);
      const body = await collect(bodyChunks(encoded, fromDisk ? path : undefined));
      expect(body.byteLength).toBe(encoded.length);
      expect(encoded.contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);

      const parsed = await parse(body, encoded.contentType);
      expect(parsed.fields).toStrictEqual([
        ...Object.entries(ticket.fields),
        ["success_action_status", "201"],
        ["success_action_redirect", ""],
      ]);
      expect(parsed.file.equals(await readFile(path))).toBe(true);
      expect(parsed.filename).toBe("my %22clip%22.webm");
      expect(parsed.order.at(-1)).toBe("file");
    });
  }
});

describe("bodyChunks with a file that changes while it is read from disk", () => {
  const MIB = 1024 * 1024;
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(nodePath.join(os.tmpdir(), "cipherdrop-multipart-"));
    file = nodePath.join(dir, "clip.mp4");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const bodyOf = async (size: number) => {
    writeFileSync(file, randomBytes(size));
    return encodeForm(buildUploadForm(ticket, await openAsBlob(file), "clip.mp4"));
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  it("rejects a file that shrank with FileChangedError, never as an unhandled rejection", async () => {
    const encoded = await bodyOf(4 * MIB);
    const chunks = bodyChunks(encoded, file);
    // Up to the file's first chunk (fields and the file part's head come first).
    for (let seen = 0; seen < MIB;) seen += (await chunks.next()).value?.byteLength ?? 0;
    truncateSync(file, MIB / 2);
    // Each pause leaves the read-ahead to fail while the consumer is busy elsewhere, as when a chunk
    // is waiting for the socket; an unhandled rejection there fails this test run.
    const error = await (async () => {
      for (;;) {
        await pause();
        const { done } = await chunks.next();
        if (done) return null;
      }
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileChangedError);
    expect((error as Error).message).toBe(
      "The file changed size while uploading (4.0 MiB, now 512.0 KiB); not uploaded.",
    );
  });

  it("rejects a file that grew after its last chunk was read, before the body ends", async () => {
    const encoded = await bodyOf(2 * MIB);
    const chunks = bodyChunks(encoded, file);
    let sent = 0;
    while (sent < encoded.length - 2 * MIB + MIB) sent += (await chunks.next()).value!.byteLength;
    // The last chunk of the file is read ahead by now; the growth is seen only on disk.
    appendFileSync(file, randomBytes(1000));
    const rest = (async () => {
      for (;;) {
        const { done, value } = await chunks.next();
        if (done) return;
        sent += value.byteLength;
      }
    })();
    await expect(rest).rejects.toThrow(
      "The file changed size while uploading (2097152 bytes, now 2098152 bytes); not uploaded.",
    );
    expect(sent).toBeLessThan(encoded.length);
  });
});
