import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { boundaryOf, fileParts } from "@/sandbox/s3-form-parts";

const boundary = "xYz--b";
const part = (header: string, value: string) => `--${boundary}\r\n${header}\r\n\r\n${value}\r\n`;
const body =
  "preamble\r\n" +
  part('Content-Disposition: form-data; name="key"', "orig/abc") +
  part('Content-Disposition: form-data; name="file"\r\nContent-Type: video/mp4', "bytes\r\n--xYz") +
  part('Content-Disposition: form-data; name="after"', "ignored") +
  `--${boundary}--\r\n`;
const expected = body.replace('name="file"\r\n', 'name="file"; filename="file"\r\n');

const run = async (chunks: string[]) =>
  (
    await buffer(Readable.from(chunks.map((c) => Buffer.from(c))).pipe(fileParts(boundary)))
  ).toString();

describe("sandbox fileParts", () => {
  it("gives the filename-less `file` part a filename and changes nothing else, at every chunk split", async () => {
    expect(expected).toContain('Content-Disposition: form-data; name="file"; filename="file"\r\n');
    const preamble = "preamble\r\n".length;
    for (const [input, output] of [
      [body, expected],
      [body.slice(preamble), expected.slice(preamble)],
    ] as const) {
      for (let cut = 0; cut <= input.length; cut++) {
        expect(await run([input.slice(0, cut), input.slice(cut)]), `cut at ${cut}`).toBe(output);
      }
      expect(await run([...input])).toBe(output);
    }
  });

  it("leaves a body without such a part byte for byte as it was", async () => {
    const named = body.replace('name="file"\r\n', 'name="file"; filename="a.mp4"\r\n');
    const noFile = `--${boundary}\r\n\r\nvalue\r\n--${boundary}--`;
    for (const text of [named, noFile, "not multipart at all", ""]) {
      expect(await run([text])).toBe(text);
    }
  });

  it("reads quoted and bare boundaries", () => {
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe("a b");
    expect(boundaryOf("multipart/form-data;boundary=abc; charset=x")).toBe("abc");
    expect(boundaryOf("multipart/form-data")).toBeUndefined();
  });
});
