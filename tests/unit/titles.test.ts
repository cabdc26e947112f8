import { describe, expect, it } from "vitest";
import { titleFromFilename, titleFromUrl } from "@/lib/titles";

describe("default titles", () => {
  it("drop the extension and keep the rest of a file name", () => {
    expect(titleFromFilename("Holiday CLIP.MOV")).toBe("Holiday CLIP");
    expect(titleFromFilename("archive.tar.gz")).toBe("archive.tar");
    expect(titleFromFilename(".hidden")).toBe(".hidden");
    expect(titleFromFilename("no-extension")).toBe("no-extension");
    expect(titleFromFilename(`${"x".repeat(300)}.mp4`)).toHaveLength(250);
  });

  it("come from the last path segment of an import address", () => {
    expect(titleFromUrl("https://cdn.example.com/media/My%20Talk.mp4?sig=abc")).toBe("My Talk");
    expect(titleFromUrl("http://127.0.0.1:8080/sample.mov")).toBe("sample");
    expect(titleFromUrl("https://example.com/")).toBeNull();
    expect(titleFromUrl("https://example.com/bad%E0%A4%A.mp4")).toBe("bad%E0%A4%A");
  });
});

describe("title cuts", () => {
  it("never split an emoji", () => {
    expect(titleFromFilename(`${"a".repeat(248)}🎬🎬.mp4`)).toBe(`${"a".repeat(248)}🎬`);
    expect(titleFromFilename(`${"a".repeat(249)}🎬.mp4`)).toBe("a".repeat(249));
  });
});
