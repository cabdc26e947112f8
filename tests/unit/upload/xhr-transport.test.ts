import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TransportError } from "@/lib/upload/transport";
import { sendWithXhr } from "@/lib/upload/xhr-transport";
import { FakeXhr, installFakeXhr, s3Xml, storage } from "./fake-xhr";

let restore: () => void;
beforeEach(() => {
  restore = installFakeXhr();
});
afterEach(() => {
  restore();
  vi.useRealTimers();
});

const form = () => {
  const f = new FormData();
  f.append("key", "k");
  f.append("file", new Blob(["abc"]), "a.mp4");
  return f;
};

describe("sendWithXhr", () => {
  it("F08: attaches every listener before send(), posts the FormData itself, sets no header", async () => {
    FakeXhr.scripts = [storage.accepts()];
    const body = form();
    await sendWithXhr({ url: "http://s3.test/bucket", form: body });
    const [xhr] = FakeXhr.instances;
    expect(xhr?.method).toBe("POST");
    expect(xhr?.url).toBe("http://s3.test/bucket");
    expect(xhr?.body).toBe(body);
    expect(xhr?.handlersAtSend).toEqual({
      uploadProgress: true,
      uploadLoad: true,
      load: true,
      error: true,
      abort: true,
    });
    expect(xhr?.headers).toEqual({});
  });

  it("reports progress, then 'all bytes sent' before (and apart from) the answer", async () => {
    const log: string[] = [];
    FakeXhr.scripts = [
      (xhr) => {
        xhr.progress(400, 1000);
        xhr.allSent(1000);
        log.push("answer");
        xhr.respond(201, "");
      },
    ];
    const result = await sendWithXhr({
      url: "u",
      form: form(),
      onProgress: (loaded, total) => log.push(`${loaded}/${total}`),
      onAllBytesSent: () => log.push("all-sent"),
    });
    expect(log).toEqual(["400/1000", "1000/1000", "all-sent", "answer"]);
    expect(result).toEqual({ status: 201, body: "" });
  });

  it("F07: resolves with a 403 and its XML instead of treating the load event as success", async () => {
    const xml = s3Xml("AccessDenied", "Invalid according to Policy");
    FakeXhr.scripts = [storage.answers(403, xml)];
    await expect(sendWithXhr({ url: "u", form: form() })).resolves.toEqual({
      status: 403,
      body: xml,
    });
  });

  it("rejects a dropped connection as a network error, noting whether all bytes were sent", async () => {
    FakeXhr.scripts = [storage.dropsAt(0.4)];
    const error = await sendWithXhr({ url: "u", form: form() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind: "network", allBytesSent: false });
  });

  it("F10: fails as stalled after stallTimeoutMs without progress, the timer reset by each event", async () => {
    vi.useFakeTimers();
    let xhr!: FakeXhr;
    FakeXhr.scripts = [(x) => void (xhr = x)];
    const promise = sendWithXhr({ url: "u", form: form(), stallTimeoutMs: 5000 });
    const outcome = promise.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(4000);
    xhr.progress(100, 1000);
    await vi.advanceTimersByTimeAsync(4000);
    xhr.progress(200, 1000);
    await vi.advanceTimersByTimeAsync(4999);
    expect(xhr.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({ kind: "stalled", allBytesSent: false });
    expect(xhr.aborted).toBe(true);
  });

  it("F10: all bytes sent but no answer also stalls, marked as ambiguous", async () => {
    vi.useFakeTimers();
    FakeXhr.scripts = [storage.neverAnswers()];
    const finishing = vi.fn();
    const outcome = sendWithXhr({
      url: "u",
      form: form(),
      stallTimeoutMs: 3000,
      onAllBytesSent: finishing,
    }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(3000);
    expect(finishing).toHaveBeenCalledTimes(1);
    expect(await outcome).toMatchObject({ kind: "stalled", allBytesSent: true });
  });

  it("aborts through the AbortSignal", async () => {
    const controller = new AbortController();
    FakeXhr.scripts = [(xhr) => xhr.progress(10, 1000)];
    const outcome = sendWithXhr({ url: "u", form: form(), signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    await Promise.resolve();
    controller.abort();
    expect(await outcome).toMatchObject({ kind: "aborted" });
    expect(FakeXhr.instances[0]?.aborted).toBe(true);
  });

  it("does not even open a request when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      sendWithXhr({ url: "u", form: form(), signal: controller.signal }),
    ).rejects.toMatchObject({ kind: "aborted" });
    expect(FakeXhr.instances).toHaveLength(0);
  });
});
