import { describe, expect, it } from "vitest";
import { importUrlSchema, titleSchema } from "@/lib/schemas";

describe("titleSchema", () => {
  it("keeps any Unicode text, trimmed", () => {
    expect(titleSchema.parse("  Café 🎬 – 東京 ")).toBe("Café 🎬 – 東京");
    expect(titleSchema.parse("שלום עולם")).toBe("שלום עולם");
  });

  it("turns control characters into spaces", () => {
    expect(titleSchema.parse("line one\nline two\tend")).toBe("line one line two end");
    expect(titleSchema.parse("a\u0000b\u0007c")).toBe("a b c");
  });

  it("refuses direction overrides that could disguise a title", () => {
    const result = titleSchema.safeParse("\u202Eevil\u202C.mp4");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/direction override/);
  });

  it("treats whitespace, controls or zero-width characters alone as empty", () => {
    for (const title of ["", "   ", "\u200B\u200B", "\n\t", "\uFEFF"]) {
      expect(titleSchema.safeParse(title).success, JSON.stringify(title)).toBe(false);
    }
  });

  it("allows 250 characters and refuses 251", () => {
    expect(titleSchema.safeParse("a".repeat(250)).success).toBe(true);
    expect(titleSchema.safeParse("a".repeat(251)).success).toBe(false);
  });
});

describe("importUrlSchema", () => {
  it("takes http and https addresses, including loopback", () => {
    expect(importUrlSchema.parse("https://cdn.example.com/a.mp4")).toBe(
      "https://cdn.example.com/a.mp4",
    );
    expect(importUrlSchema.safeParse("http://127.0.0.1:8080/clip.mov").success).toBe(true);
  });

  it("refuses other schemes and YouTube pages with a reason", () => {
    expect(importUrlSchema.safeParse("ftp://example.com/a.mp4").success).toBe(false);
    const youtube = importUrlSchema.safeParse("https://www.youtube.com/watch?v=abc");
    expect(youtube.success).toBe(false);
    expect(youtube.error?.issues[0]?.message).toMatch(/YouTube/);
    expect(importUrlSchema.safeParse("https://youtu.be/abc").success).toBe(false);
  });
});
