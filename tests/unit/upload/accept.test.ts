import { describe, expect, it } from "vitest";
import { isVideoFile, validateFiles, videoAccept, videoExtensions } from "@/lib/upload/accept";

const GIB = 1024 ** 3;
const opts = { maxBytes: 5 * GIB, maxFiles: 20 };
const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe("videoAccept", () => {
  it("lists video/* and the explicit types, each extension lower-case with a dot", () => {
    expect(Object.keys(videoAccept)).toEqual(
      expect.arrayContaining(["video/*", "video/quicktime", "video/x-matroska", "video/mp2t"]),
    );
    for (const ext of [".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".wmv", ".flv"]) {
      expect(videoExtensions).toContain(ext);
    }
    for (const ext of [".mpg", ".mpeg", ".3gp", ".ts", ".mts", ".m2ts", ".ogv"]) {
      expect(videoExtensions).toContain(ext);
    }
    for (const ext of videoExtensions) expect(ext).toMatch(/^\.[a-z0-9]+$/);
  });
});

describe("validateFiles", () => {
  it("F11: accepts an empty-MIME .MOV, an empty-MIME .mkv, an iPhone recording and octet-stream .MP4", () => {
    const files = [
      file("IMG_0001.MOV", ""),
      file("talk.mkv", ""),
      file("IMG_0002.mov", "video/quicktime"),
      file("export.MP4", "application/octet-stream"),
      file("camera.MTS", ""),
      file("no-extension", "video/webm"),
    ];
    const { accepted, rejected } = validateFiles(files, opts);
    expect(rejected).toEqual([]);
    expect(accepted).toEqual(files);
  });

  it("rejects a .txt as not a video, naming it", () => {
    const notes = file("notes.txt", "text/plain");
    const { accepted, rejected } = validateFiles([notes], opts);
    expect(accepted).toEqual([]);
    expect(rejected).toEqual([
      {
        file: notes,
        code: "not-video",
        message: expect.stringContaining("“notes.txt” is not a video"),
      },
    ]);
    expect(isVideoFile(file("archive.zip", "application/octet-stream"))).toBe(false);
    expect(isVideoFile(file("photo.jpg", "image/jpeg"))).toBe(false);
  });

  it("F05: rejects a 0-byte file as empty", () => {
    const { rejected } = validateFiles(
      [new File([], "placeholder.mp4", { type: "video/mp4" })],
      opts,
    );
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ code: "empty" });
    expect(rejected[0]?.message).toMatch(/“placeholder\.mp4” is empty \(0 bytes\)/);
  });

  it("F06: rejects a 5.5 GB File-like object, explaining the limit in GiB", () => {
    const huge = file("holiday.mov", "video/quicktime", 5_500_000_000);
    const { accepted, rejected } = validateFiles([huge], opts);
    expect(accepted).toEqual([]);
    expect(rejected[0]?.code).toBe("too-large");
    expect(rejected[0]?.message).toBe(
      "“holiday.mov” is 5.5 GB (5.1 GiB); the limit is 5 GiB per video.",
    );
  });

  it("accepts exactly the limit and names the byte count just above it", () => {
    const { accepted, rejected } = validateFiles(
      [file("a.mp4", "video/mp4", 5 * GIB), file("b.mp4", "video/mp4", 5 * GIB + 1)],
      opts,
    );
    expect(accepted.map((f) => f.name)).toEqual(["a.mp4"]);
    expect(rejected[0]?.message).toContain("5,368,709,121 bytes; the limit is 5 GiB per video");
  });

  it("uses a configured limit", () => {
    const { rejected } = validateFiles([file("a.webm", "video/webm", 300 * 1024 ** 2)], {
      maxBytes: 200 * 1024 ** 2,
      maxFiles: 20,
    });
    expect(rejected[0]?.message).toMatch(/the limit is 200\.0 MiB per video/);
  });

  it("accepts the first files up to maxFiles minus those already queued, refusing the rest", () => {
    const files = ["1", "2", "3", "4"].map((n) => file(`${n}.mp4`, "video/mp4"));
    const junk = file("x.txt", "text/plain");
    const { accepted, rejected } = validateFiles([files[0]!, junk, ...files.slice(1)], {
      ...opts,
      maxFiles: 3,
      existingCount: 1,
    });
    expect(accepted.map((f) => f.name)).toEqual(["1.mp4", "2.mp4"]);
    expect(rejected.map((r) => [r.file.name, r.code])).toEqual([
      ["x.txt", "not-video"],
      ["3.mp4", "too-many"],
      ["4.mp4", "too-many"],
    ]);
    expect(rejected[1]?.message).toMatch(/at most 3 videos/);
  });

  it("keeps each rejection's own reason when several are wrong at once", () => {
    const { rejected } = validateFiles(
      [file("a.txt", "text/plain"), file("b.mov", "", 0), file("c.mkv", "", 6 * GIB)],
      opts,
    );
    expect(rejected.map((r) => r.code)).toEqual(["not-video", "empty", "too-large"]);
  });
});
