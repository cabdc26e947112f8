import { isValidElement } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import WatchPage, { generateMetadata } from "@/app/watch/[id]/page";
import { RateLimitedMessage } from "@/components/watch/rate-limited-message";
import { jsonReply, rawVideo, stubFetch } from "../vdocipher/fetch-stub";

// Each viewer's address, as the proxy in front (TRUST_PROXY=1) reports it.
const viewer = vi.hoisted(() => ({ ip: "192.0.2.1" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": viewer.ip }),
}));
vi.stubEnv("TRUST_PROXY", "1");
vi.stubEnv("PLAYBACK_RATE_LIMIT_PER_MINUTE", "4");
vi.stubEnv("STATUS_RATE_LIMIT_PER_MINUTE", "10");

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const idFor = (n: number) => `${"e".repeat(24)}${n.toString(16).padStart(8, "0")}`;
const view = (id: string) => WatchPage({ params: Promise.resolve({ id }) });

// What the page threw: Next's notFound() throws an error whose digest names the 404 fallback.
async function thrown(id: string): Promise<unknown> {
  return view(id).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("/watch/[id]", () => {
  it("answers 404, not 500, when the video is deleted between its status and its OTP", async () => {
    viewer.ip = "192.0.2.10";
    const id = idFor(1);
    stubFetch((call) =>
      call.method === "GET" ? jsonReply(rawVideo({ id })) : jsonReply({ message: "gone" }, 404),
    );
    const error = await thrown(id);
    expect((error as { digest?: string } | undefined)?.digest).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("still fails (to the error page) when minting fails for another reason", async () => {
    viewer.ip = "192.0.2.11";
    const id = idFor(2);
    stubFetch((call) =>
      call.method === "GET" ? jsonReply(rawVideo({ id })) : jsonReply({ message: "boom" }, 500),
    );
    const error = await thrown(id);
    expect(error).toMatchObject({ code: "upstream_error" });
  });

  it("tells a viewer over the playback limit when to retry, without minting", async () => {
    viewer.ip = "192.0.2.12";
    const id = idFor(3);
    const calls = stubFetch((call) =>
      call.method === "GET"
        ? jsonReply(rawVideo({ id }))
        : jsonReply({ otp: "o".repeat(32), playbackInfo: "info" }),
    );
    for (let views = 0; views < 4; views += 1) {
      const page = await view(id);
      expect(isValidElement(page) && page.type).toBe("article");
    }
    const limited = await view(id);
    expect(isValidElement(limited) && limited.type).toBe(RateLimitedMessage);
    const seconds = (limited as { props: { retryAfterSeconds: number } }).props.retryAfterSeconds;
    expect(seconds).toBeGreaterThan(50);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(calls.filter((call) => call.method === "POST")).toHaveLength(4);

    viewer.ip = "192.0.2.13";
    const other = await view(id);
    expect(isValidElement(other) && other.type).toBe("article");
  });

  it("tells a viewer over the status-read limit when to retry, without asking upstream", async () => {
    viewer.ip = "192.0.2.14";
    const id = idFor(4);
    const calls = stubFetch(() => jsonReply(rawVideo({ id, status: "Queued" })));
    // Views 1.5 s apart, so the 1 s status cache never answers for upstream.
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let reads = 0; reads < 10; reads += 1) {
      await view(id);
      vi.advanceTimersByTime(1500);
    }
    expect(calls).toHaveLength(10);
    const limited = await view(id);
    expect(isValidElement(limited) && limited.type).toBe(RateLimitedMessage);
    const metadata = await generateMetadata({ params: Promise.resolve({ id }) });
    expect(metadata.title).toBe("Too many requests");
    expect(calls).toHaveLength(10);
  });
});
