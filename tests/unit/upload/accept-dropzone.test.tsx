// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import attrAccept from "attr-accept";
import { useDropzone } from "react-dropzone";
import { describe, expect, it } from "vitest";
import { isVideoFile, videoAccept } from "@/lib/upload/accept";

// react-dropzone turns the accept map into the input's `accept` attribute and filters dropped
// files with attr-accept against it; check both against the real libraries (F11).

const accepts =
  typeof attrAccept === "function"
    ? attrAccept
    : (attrAccept as { default: typeof attrAccept }).default;

function inputAccept(): string {
  const { result } = renderHook(() => useDropzone({ accept: videoAccept }));
  return String(result.current.getInputProps().accept);
}

describe("videoAccept through react-dropzone", () => {
  it("gives the input an accept attribute of real MIME types and extensions only", () => {
    const tokens = inputAccept().split(",");
    expect(tokens).toContain("video/*");
    expect(tokens).toContain("video/quicktime");
    expect(tokens).toContain(".mov");
    expect(tokens).toContain(".mkv");
    for (const token of tokens) expect(token).toMatch(/^(video\/[*\w.+-]+|\.[a-z0-9]+)$/);
    expect(tokens).not.toContain("application/octet-stream");
  });

  it.each([
    ["IMG_0001.MOV", "", true],
    ["talk.mkv", "", true],
    ["TALK.MKV", "", true],
    ["clip.mp4", "application/octet-stream", true],
    ["iphone.mov", "video/quicktime", true],
    ["stream.ts", "video/mp2t", true],
    ["notes.txt", "text/plain", false],
    ["notes.txt", "", false],
    ["archive.zip", "application/octet-stream", false],
  ])("%s (%j) accepted: %s, same as validateFiles", (name, type, expected) => {
    const file = new File(["x"], name, { type });
    expect(accepts(file, inputAccept())).toBe(expected);
    expect(isVideoFile(file)).toBe(expected);
  });
});
