import { afterEach, describe, expect, it, vi } from "vitest";
import WatchPage from "@/app/watch/[id]/page";
import { jsonReply, rawVideo, stubFetch } from "../vdocipher/fetch-stub";

afterEach(() => {
  vi.unstubAllGlobals();
});

const idFor = (n: number) => `${"e".repeat(24)}${n.toString(16).padStart(8, "0")}`;

// What the page threw: Next's notFound() throws an error whose digest names the 404 fallback.
async function thrown(id: string): Promise<unknown> {
  return WatchPage({ params: Promise.resolve({ id }) }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("/watch/[id]", () => {
  it("answers 404, not 500, when the video is deleted between its status and its OTP", async () => {
    const id = idFor(1);
    stubFetch((call) =>
      call.method === "GET" ? jsonReply(rawVideo({ id })) : jsonReply({ message: "gone" }, 404),
    );
    const error = await thrown(id);
    expect((error as { digest?: string } | undefined)?.digest).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("still fails (to the error page) when minting fails for another reason", async () => {
    const id = idFor(2);
    stubFetch((call) =>
      call.method === "GET" ? jsonReply(rawVideo({ id })) : jsonReply({ message: "boom" }, 500),
    );
    const error = await thrown(id);
    expect(error).toMatchObject({ code: "upstream_error" });
  });
});
