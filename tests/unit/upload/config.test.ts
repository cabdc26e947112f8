import { describe, expect, it } from "vitest";
import { parseUploadConfig } from "@/lib/upload/config";

describe("parseUploadConfig", () => {
  it("defaults to 5 GiB, 2 at a time, 20 files per drop, 30 s stall timeout", () => {
    expect(parseUploadConfig({})).toEqual({
      maxBytes: 5 * 1024 ** 3,
      concurrency: 2,
      maxFiles: 20,
      stallTimeoutMs: 30_000,
    });
  });

  it("reads overrides and treats empty strings as unset", () => {
    expect(
      parseUploadConfig({
        NEXT_PUBLIC_MAX_UPLOAD_BYTES: "1048576",
        NEXT_PUBLIC_UPLOAD_CONCURRENCY: "3",
        NEXT_PUBLIC_UPLOAD_MAX_FILES: "",
        NEXT_PUBLIC_UPLOAD_STALL_TIMEOUT_MS: "5000",
      }),
    ).toEqual({ maxBytes: 1048576, concurrency: 3, maxFiles: 20, stallTimeoutMs: 5000 });
  });

  it("refuses values that cannot work, naming the variable", () => {
    expect(() => parseUploadConfig({ NEXT_PUBLIC_UPLOAD_CONCURRENCY: "0" })).toThrow(
      /NEXT_PUBLIC_UPLOAD_CONCURRENCY/,
    );
    expect(() =>
      parseUploadConfig({ NEXT_PUBLIC_MAX_UPLOAD_BYTES: String(6 * 1024 ** 3) }),
    ).toThrow(/NEXT_PUBLIC_MAX_UPLOAD_BYTES/);
    expect(() => parseUploadConfig({ NEXT_PUBLIC_MAX_UPLOAD_BYTES: "lots" })).toThrow();
  });
});
