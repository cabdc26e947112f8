import { afterEach, describe, expect, it, vi } from "vitest";
import { createCoalescingCache } from "@/lib/vdocipher/coalesce";
import { getVideoStatus, renameVideo } from "@/lib/vdocipher";
import { OTHER_ID, VIDEO_ID, jsonReply, rawVideo, stubFetch } from "./fetch-stub";

const THIRD_ID = "00000000000000000000000000000003";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("createCoalescingCache", () => {
  it("shares one load between concurrent gets", async () => {
    const pending = deferred<string>();
    const load = vi.fn(() => pending.promise);
    const cache = createCoalescingCache({ load, ttlMs: 1000, maxEntries: 10 });
    const results = Promise.all(Array.from({ length: 50 }, () => cache.get("a")));
    pending.resolve("A");
    expect(await results).toStrictEqual(Array(50).fill("A"));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("reuses a value within the ttl and loads again after it", async () => {
    let clock = 0;
    let n = 0;
    const load = vi.fn(async () => ++n);
    const cache = createCoalescingCache({ load, ttlMs: 1000, maxEntries: 10, now: () => clock });
    expect(await cache.get("a")).toBe(1);
    clock = 999;
    expect(await cache.get("a")).toBe(1);
    clock = 1000;
    expect(await cache.get("a")).toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("counts the ttl from when the load settled, not when it started", async () => {
    let clock = 0;
    const pending = deferred<string>();
    const load = vi.fn(() => pending.promise);
    const cache = createCoalescingCache({ load, ttlMs: 1000, maxEntries: 10, now: () => clock });
    const first = cache.get("a");
    clock = 5000;
    pending.resolve("A");
    await first;
    clock = 5900;
    await cache.get("a");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("never reuses a failure", async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error("boom")).mockResolvedValueOnce("A");
    const cache = createCoalescingCache<string>({ load, ttlMs: 1000, maxEntries: 10 });
    await expect(Promise.all([cache.get("a"), cache.get("a")])).rejects.toThrow("boom");
    expect(load).toHaveBeenCalledTimes(1);
    expect(await cache.get("a")).toBe("A");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("reuses a failure for as long as failureTtlMs says, and others not at all", async () => {
    let clock = 0;
    const load = vi.fn(async (key: string) => {
      throw new Error(key === "gone" ? "missing" : "hiccup");
    });
    const cache = createCoalescingCache<string>({
      load,
      ttlMs: 1000,
      maxEntries: 10,
      failureTtlMs: (error) => ((error as Error).message === "missing" ? 10_000 : 0),
      now: () => clock,
    });
    await expect(cache.get("gone")).rejects.toThrow("missing");
    clock = 9_999;
    await expect(cache.get("gone")).rejects.toThrow("missing");
    expect(load).toHaveBeenCalledTimes(1);
    clock = 10_000;
    await expect(cache.get("gone")).rejects.toThrow("missing");
    expect(load).toHaveBeenCalledTimes(2);

    await expect(cache.get("flaky")).rejects.toThrow("hiccup");
    await expect(cache.get("flaky")).rejects.toThrow("hiccup");
    expect(load).toHaveBeenCalledTimes(4);
  });

  it("stays within maxEntries, dropping the oldest", async () => {
    const load = vi.fn(async (key: string) => key);
    const cache = createCoalescingCache({ load, ttlMs: 60_000, maxEntries: 3 });
    for (const key of ["a", "b", "c", "d", "e"]) await cache.get(key);
    expect(cache.size()).toBe(3);
    await cache.get("e");
    expect(load).toHaveBeenCalledTimes(5);
    await cache.get("a");
    expect(load).toHaveBeenCalledTimes(6);
    expect(cache.size()).toBe(3);
  });

  it("shares but never reuses a value that is not reusable", async () => {
    const pending = deferred<string>();
    const load = vi.fn().mockReturnValueOnce(pending.promise).mockResolvedValue("later");
    const cache = createCoalescingCache<string>({
      load,
      ttlMs: 60_000,
      maxEntries: 3,
      reusable: (value) => value !== "pre",
    });
    const both = Promise.all([cache.get("a"), cache.get("a")]);
    pending.resolve("pre");
    expect(await both).toStrictEqual(["pre", "pre"]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(await cache.get("a")).toBe("later");
    expect(await cache.get("a")).toBe("later");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("forgets a key on request", async () => {
    const load = vi.fn(async () => "x");
    const cache = createCoalescingCache({ load, ttlMs: 60_000, maxEntries: 3 });
    await cache.get("a");
    cache.forget("a");
    await cache.get("a");
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("getVideoStatus", () => {
  it("sends one upstream call for 100 concurrent pollers, reuses it for 1 s, then asks again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let status = "Queued";
    const calls = stubFetch(() => jsonReply(rawVideo({ status })));
    const first = await Promise.all(Array.from({ length: 100 }, () => getVideoStatus(VIDEO_ID)));
    expect(calls).toHaveLength(1);
    expect(new Set(first.map((video) => video.status))).toStrictEqual(new Set(["queued"]));

    status = "ready";
    vi.advanceTimersByTime(900);
    expect((await getVideoStatus(VIDEO_ID)).status).toBe("queued");
    expect(calls).toHaveLength(1);

    vi.advanceTimersByTime(200);
    expect((await getVideoStatus(VIDEO_ID)).status).toBe("ready");
    expect(calls).toHaveLength(2);
  });

  it("remembers for 10 s that a video does not exist, so made-up ids cost one upstream call", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const id = "00000000000000000000000000000005";
    const calls = stubFetch(() => jsonReply({ message: "Video not found" }, 404));
    for (let request = 0; request < 50; request += 1) {
      await expect(getVideoStatus(id)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(9_900);
    await expect(getVideoStatus(id)).rejects.toMatchObject({ code: "not_found" });
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(200);
    await expect(getVideoStatus(id)).rejects.toMatchObject({ code: "not_found" });
    expect(calls).toHaveLength(2);
  });

  it("asks again at once after an upstream failure that is not a 404", async () => {
    const id = "00000000000000000000000000000006";
    const calls = stubFetch(() => jsonReply({ message: "boom" }, 500));
    await expect(getVideoStatus(id)).rejects.toMatchObject({ code: "upstream_error" });
    await expect(getVideoStatus(id)).rejects.toMatchObject({ code: "upstream_error" });
    expect(calls).toHaveLength(2);
  });

  it("asks again at once while a video awaits its upload", async () => {
    const id = "00000000000000000000000000000004";
    let status = "PRE-Upload";
    const calls = stubFetch(() => jsonReply(rawVideo({ id, status })));
    expect((await getVideoStatus(id)).status).toBe("awaiting-upload");
    status = "Queued";
    expect((await getVideoStatus(id)).status).toBe("queued");
    expect((await getVideoStatus(id)).status).toBe("queued");
    expect(calls).toHaveLength(2);
  });

  it("keeps videos apart and drops a cached state after a rename", async () => {
    const calls = stubFetch((call) => {
      if (call.method === "POST") return jsonReply({ message: "Done" });
      const id = call.url.pathname.split("/").pop();
      return jsonReply(rawVideo({ id, title: `${id} title ${calls.length}` }));
    });
    await Promise.all([
      getVideoStatus(OTHER_ID),
      getVideoStatus(THIRD_ID),
      getVideoStatus(OTHER_ID),
    ]);
    expect(calls).toHaveLength(2);
    await renameVideo(OTHER_ID, "renamed");
    const after = calls.length;
    await getVideoStatus(OTHER_ID);
    expect(calls).toHaveLength(after + 1);
  });
});
