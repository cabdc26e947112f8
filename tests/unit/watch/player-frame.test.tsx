// @vitest-environment jsdom
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { PlayerFrame, playerSrc } from "@/components/watch/player-frame";
import type { Playback } from "@/lib/schemas";

const otp = "a".repeat(64);
const playbackInfo = "eyJ2aWRlb0lkIjoiYWJjIn0=";
const playback = (overrides: Partial<Playback> = {}): Playback => ({
  otp,
  playbackInfo,
  playerUrl: `https://player.example/v2/?otp=${otp}&playbackInfo=${encodeURIComponent(playbackInfo)}`,
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
  ...overrides,
});

describe("playerSrc (F16)", () => {
  it("answers the player URL when it carries both tokens", () => {
    expect(playerSrc(playback())).toBe(playback().playerUrl);
  });

  it.each([
    ["an empty otp", { otp: "" }],
    ["an empty playbackInfo", { playbackInfo: "" }],
    ["a URL without the tokens", { playerUrl: "https://player.example/v2/" }],
    [
      "a URL with otp=undefined",
      { playerUrl: `https://player.example/v2/?otp=undefined&playbackInfo=x` },
    ],
    ["a URL that is not one", { playerUrl: "not a url" }],
  ])("answers null for %s", (_, overrides) => {
    expect(playerSrc(playback(overrides))).toBeNull();
  });
});

describe("PlayerFrame", () => {
  it("renders the iframe with DRM and fullscreen permissions", () => {
    const { container } = render(<PlayerFrame playback={playback()} title="Tide" />);
    const iframe = container.querySelector("iframe")!;
    expect(iframe.getAttribute("src")).toBe(playback().playerUrl);
    expect(iframe.getAttribute("allow")).toContain("encrypted-media");
    expect(iframe.hasAttribute("allowfullscreen")).toBe(true);
  });

  it("renders no iframe at all without both tokens", () => {
    const { container } = render(<PlayerFrame playback={playback({ otp: "" })} title="Tide" />);
    expect(container.querySelector("iframe")).toBeNull();
  });
});
