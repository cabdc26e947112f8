import { describe, expect, it } from "vitest";
import { formatBytes, formatDate, formatDuration } from "@/lib/format";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1, "1 B"],
    [1023, "1023 B"],
    [1024, "1.0 KiB"],
    [1536, "1.5 KiB"],
    [1.2 * 1024 * 1024, "1.2 MiB"],
    [1024 * 1024 - 1, "1.0 MiB"],
    [5 * 1024 ** 3, "5.0 GiB"],
    [3 * 1024 ** 4, "3.0 TiB"],
    [2048 * 1024 ** 4, "2048.0 TiB"],
  ])("%d → %s", (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });

  it("answers a dash for values that are not a size", () => {
    expect(formatBytes(-1)).toBe("–");
    expect(formatBytes(Number.NaN)).toBe("–");
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe("–");
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0:00"],
    [7, "0:07"],
    [65, "1:05"],
    [599.6, "10:00"],
    [3723, "1:02:03"],
    [36_000, "10:00:00"],
  ])("%d s → %s", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  it("answers a placeholder when the duration is unknown", () => {
    expect(formatDuration(null)).toBe("–:––");
    expect(formatDuration(undefined)).toBe("–:––");
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe("–:––");
    expect(formatDuration(-3)).toBe("–:––");
  });
});

describe("formatDate", () => {
  it("formats an ISO timestamp as a calendar date in the given locale", () => {
    expect(formatDate("2026-12-03T12:00:00Z", "en-GB")).toBe("3 Dec 2026");
    expect(formatDate("2026-12-03T12:00:00Z", "en-US")).toBe("Dec 3, 2026");
  });

  it("answers an empty string for a missing or invalid date", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate("not a date")).toBe("");
  });
});
