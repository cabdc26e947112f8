import busboy from "busboy";
import { openAsBlob } from "node:fs";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { bodyChunks, encodeForm } from "@/cli/multipart";
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
