import { describe, expect, it } from "vitest";
import { normaliseStatus } from "@/lib/vdocipher";

describe("normaliseStatus", () => {
  it.each([
    ["Pre-Upload", "awaiting-upload"],
    ["PRE-Upload", "awaiting-upload"],
    ["pre-upload", "awaiting-upload"],
    ["PreUpload", "awaiting-upload"],
    ["Queued", "queued"],
    ["QUEUED", "queued"],
    ["ready", "ready"],
    [" Ready ", "ready"],
    ["Processing", "processing"],
    ["Encoding", "processing"],
    ["Error", "failed"],
    ["Failed", "failed"],
    ["encoding-failure", "failed"],
    ["", "processing"],
    [null, "processing"],
    [undefined, "processing"],
  ] as const)("%j → %s", (raw, expected) => {
    expect(normaliseStatus(raw)).toBe(expected);
  });
});
