import { describe, expect, it } from "vitest";
import { byteFigures, progressLine, type LineState } from "@/cli/progress-line";

// The live line at a terminal: every figure and the state fit the width; bytes are the file's own.

const MIB = 1024 * 1024;

const uploading: LineState = {
  label: "tests/fixtures/holiday-in-the-mountains-final-cut.mp4",
  size: 45.6 * MIB,
  progress: {
    loaded: 12.3 * MIB,
    total: 45.6 * MIB,
    percent: 26.9,
    bytesPerSecond: 3.2 * MIB,
    etaSeconds: 11,
  },
  uploading: true,
  complete: false,
  state: "uploading",
};

describe("progressLine", () => {
  it("shows name, bar, %, bytes, speed, ETA and state within 80 columns", () => {
    const line = progressLine(uploading, 80);
    expect(line.length).toBeLessThan(80);
    expect(line).toMatch(
      /^…\S+final-cut\.mp4 [█░]{10}  26% 12\.3\/45\.6 MiB  3\.2 MiB\/s ETA 0:11 uploading$/,
    );
  });

  it("gives the name what room there is and never runs past the width", () => {
    for (const columns of [40, 60, 80, 100, 120, 200]) {
      const line = progressLine(uploading, columns);
      expect(line.length).toBeLessThan(columns);
      if (columns >= 80) expect(line).toContain("ETA 0:11 uploading");
    }
    expect(progressLine(uploading, 120)).toMatch(/^…n-the-mountains-final-cut\.mp4 █/);
    expect(progressLine({ ...uploading, label: "clip.mp4" }, 80)).toMatch(/^clip\.mp4 {11}█/);
  });

  it("keeps a status whole at 100 columns and cuts a long reason with an ellipsis", () => {
    const processing = { ...uploading, uploading: false, state: "processing" };
    expect(progressLine(processing, 100)).toMatch(/ processing$/);
    const retry = { ...uploading, uploading: false, state: `retry in 2 s: ${"x".repeat(200)}` };
    const line = progressLine(retry, 80);
    expect(line).toMatch(/ retry in 2 s: x+…$/);
    expect(line.length).toBe(79);
  });

  it("hides speed and ETA once bytes stop moving (a cancelled upload)", () => {
    const line = progressLine({ ...uploading, uploading: false, state: "cancelled" }, 80);
    expect(line).toMatch(/ 26% 12\.3\/45\.6 MiB cancelled$/);
    expect(line).not.toContain("ETA");
    expect(line).not.toContain("/s");
  });

  it("adds the video id only when it fits whole", () => {
    const done = { ...uploading, uploading: false, state: "uploaded", detail: "f".repeat(32) };
    expect(progressLine(done, 80)).toMatch(/ uploaded$/);
    expect(progressLine(done, 140)).toMatch(/ uploaded f{32}$/);
  });

  it("shows a URL import as name, bar and state", () => {
    const line: LineState = {
      label: "https://example.com/talk.mp4",
      size: null,
      progress: null,
      uploading: false,
      complete: true,
      state: "importing on VdoCipher",
    };
    expect(progressLine(line, 120)).toBe(
      "https://example.com/talk.mp4   ██████████ importing on VdoCipher",
    );
    expect(progressLine(line, 80)).toBe("…mple.com/talk.mp4 ██████████ importing on VdoCipher");
  });
});

describe("byteFigures", () => {
  it("puts both figures in the total's unit", () => {
    expect(byteFigures(12.3 * MIB, 45.6 * MIB)).toBe("12.3/45.6 MiB");
    expect(byteFigures(40_000, 39_949)).toBe("39.1/39.0 KiB");
    expect(byteFigures(512, 900)).toBe("512/900 B");
    expect(byteFigures(0, 3 * 1024 ** 3)).toBe("0.0/3.0 GiB");
  });
});
