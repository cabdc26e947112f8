import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/videos/[id]/route";
import { jsonReply, rawVideo, stubFetch } from "../vdocipher/fetch-stub";
import { callRoute, errorCode } from "./route-call";

beforeAll(() => {
  vi.stubEnv("VDOCIPHER_API_BASE_URL", "not a url");
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("a server whose configuration is broken", () => {
  it("answers 500 internal without naming the variable, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const calls = stubFetch(() => jsonReply(rawVideo()));
    const { response, text } = await callRoute(GET, {
      params: { id: "0".repeat(32) },
      signedIn: false,
    });
    expect(response.status).toBe(500);
    expect(errorCode(JSON.parse(text))).toBe("internal");
    expect(text).not.toContain("VDOCIPHER_API_BASE_URL");
    expect(String(log.mock.calls[0]?.[1])).toContain("VDOCIPHER_API_BASE_URL");
    expect(calls).toHaveLength(0);
  });
});
