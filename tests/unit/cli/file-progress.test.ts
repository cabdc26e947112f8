import { describe, expect, it } from "vitest";
import { fileProgress } from "@/cli/file-progress";
import { createProgressTracker } from "@/lib/upload/progress";

// Progress reported in the file's bytes, whatever the multipart body around it adds.

describe("fileProgress", () => {
  it("scales the multipart body's bytes to the file's own", () => {
    // sample-b.mp4 (39,949 bytes) goes out as a 41,749-byte body with its signed fields.
    const body = 41_749;
    const file = 39_949;
    let clock = 0;
    const tracker = createProgressTracker({ now: () => clock });
    clock = 1000;
    const half = fileProgress(tracker.update(body / 2, body), file);
    expect(half).toMatchObject({ total: file, loaded: Math.floor(file / 2), percent: 50 });
    expect(half.bytesPerSecond).toBeCloseTo(file / 2, 6);
    clock = 2000;
    expect(fileProgress(tracker.update(body, body), file)).toMatchObject({
      loaded: file,
      total: file,
      percent: 100,
      etaSeconds: 0,
    });
  });
});
