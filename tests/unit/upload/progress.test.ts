import { describe, expect, it } from "vitest";
import { createProgressTracker, percentOf } from "@/lib/upload/progress";

const GIB = 1024 ** 3;

describe("percentOf", () => {
  it("floors to one decimal and says 100 only when every byte is sent", () => {
    expect(percentOf(0, 1000)).toBe(0);
    expect(percentOf(255, 1000)).toBe(25.5);
    expect(percentOf(999_999, 1_000_000)).toBe(99.9);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(5, 0)).toBe(0);
  });

  it("is exact above 4 GiB (no 32-bit arithmetic)", () => {
    expect(percentOf(4.5 * GIB, 5 * GIB)).toBe(90);
    expect(percentOf(2 ** 32 + 1, 2 ** 33)).toBe(50);
  });
});

describe("createProgressTracker", () => {
  it("measures a steady speed and the ETA from it", () => {
    let t = 0;
    const tracker = createProgressTracker({ now: () => t });
    let snap = tracker.update(0, 10_000_000);
    for (let i = 1; i <= 10; i += 1) {
      t = i * 1000;
      snap = tracker.update(i * 500_000, 10_000_000);
    }
    expect(snap.bytesPerSecond).toBeCloseTo(500_000, 0);
    expect(snap.etaSeconds).toBeCloseTo(10, 5);
    expect(snap.percent).toBe(50);
  });

  it("smooths a sudden change instead of jumping to it", () => {
    let t = 0;
    const tracker = createProgressTracker({ now: () => t, smoothingMs: 3000 });
    let loaded = 0;
    for (let i = 1; i <= 5; i += 1) {
      t = i * 1000;
      loaded += 1_000_000;
      tracker.update(loaded, 100_000_000);
    }
    t += 1000;
    loaded += 4_000_000;
    const snap = tracker.update(loaded, 100_000_000);
    expect(snap.bytesPerSecond).toBeGreaterThan(1_000_000);
    expect(snap.bytesPerSecond).toBeLessThan(4_000_000);
    expect(snap.bytesPerSecond).toBeCloseTo(1_000_000 + (1 - Math.exp(-1 / 3)) * 3_000_000, 0);
  });

  it("merges bursts of events closer than the sample spacing", () => {
    let t = 0;
    const tracker = createProgressTracker({ now: () => t, minSampleMs: 250 });
    t = 10;
    expect(tracker.update(1_000_000, 2_000_000).bytesPerSecond).toBe(0);
    expect(tracker.update(1_000_000, 2_000_000).etaSeconds).toBeNull();
    t = 500;
    expect(tracker.update(1_000_000, 2_000_000).bytesPerSecond).toBe(2_000_000);
  });

  it("reports a 6 GiB upload correctly past 4 GiB", () => {
    let t = 0;
    const tracker = createProgressTracker({ now: () => t });
    const total = 6 * GIB;
    t = 1000;
    tracker.update(4 * GIB, total);
    t = 2000;
    const snap = tracker.update(5 * GIB, total);
    expect(snap.loaded).toBe(5 * GIB);
    expect(snap.percent).toBe(83.3);
    expect(snap.bytesPerSecond).toBeGreaterThan(GIB);
    expect(snap.etaSeconds).toBeGreaterThan(0);
    expect(snap.etaSeconds).toBeLessThan(1);
  });

  it("gives an ETA of 0 once all bytes are sent", () => {
    const tracker = createProgressTracker({ now: () => 0 });
    expect(tracker.update(100, 100)).toMatchObject({ percent: 100, etaSeconds: 0 });
  });
});
