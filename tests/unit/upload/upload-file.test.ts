import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { UploadTicket, VideoStatus } from "@/lib/schemas";
import { UploadError } from "@/lib/upload/upload-error";
import { uploadFile, type UploadEvent, type UploadFileOptions } from "@/lib/upload/upload-file";
import { sendWithXhr } from "@/lib/upload/xhr-transport";
import { FakeXhr, installFakeXhr, s3Xml, storage } from "./fake-xhr";

let restore: () => void;
beforeEach(() => {
  restore = installFakeXhr();
});
afterEach(() => restore());

const id = (n: number) => n.toString(16).padStart(32, "0");

function setup(overrides: Partial<UploadFileOptions> = {}) {
  let issued = 0;
  const tickets: UploadTicket[] = [];
  const events: UploadEvent[] = [];
  const createTicket = vi.fn(async (_title: string): Promise<UploadTicket> => {
    issued += 1;
    const ticket = {
      videoId: id(issued),
      uploadLink: `http://s3.test/bucket?n=${issued}`,
      fields: {
        key: `orig/${id(issued)}`,
        policy: `policy-${issued}`,
        "x-amz-signature": `sig-${issued}`,
      },
      expiresAt: "2026-12-03T18:00:00.000Z",
    };
    tickets.push(ticket);
    return ticket;
  });
  const deleteVideo = vi.fn(async (_id: string) => {});
  const options: UploadFileOptions = {
    file: new Blob(["video bytes"]),
    filename: "clip.mov",
    title: "Clip",
    createTicket,
    transport: sendWithXhr,
    deleteVideo,
    onEvent: (event) => events.push(event),
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
    stallTimeoutMs: 50,
    random: () => 0.5,
    ...overrides,
  };
  return { options, createTicket, deleteVideo, tickets, events };
}

const kinds = (events: UploadEvent[]) => events.map((e) => e.type);

describe("uploadFile", () => {
  it("uploads with fresh credentials, reports progress and finishing, resolves on a 2xx", async () => {
    FakeXhr.scripts = [storage.accepts(2000)];
    const { options, createTicket, deleteVideo, events } = setup();
    await expect(uploadFile(options)).resolves.toEqual({ videoId: id(1) });
    expect(createTicket).toHaveBeenCalledTimes(1);
    expect(createTicket.mock.calls[0]?.[0]).toBe("Clip");
    expect(kinds(events)).toEqual(["ticket", "progress", "progress", "finishing", "uploaded"]);
    expect(events[1]).toMatchObject({ type: "progress", loaded: 1000, total: 2000, percent: 50 });
    expect(events[2]).toMatchObject({ loaded: 2000, percent: 100, etaSeconds: 0 });
    const xhr = FakeXhr.instances[0]!;
    expect(xhr.url).toBe("http://s3.test/bucket?n=1");
    expect(xhr.formEntries()).toEqual([
      ["key", `orig/${id(1)}`],
      ["policy", "policy-1"],
      ["x-amz-signature", "sig-1"],
      ["success_action_status", "201"],
      ["success_action_redirect", ""],
      ["file", "<file clip.mov>"],
    ]);
    expect(deleteVideo).not.toHaveBeenCalled();
  });

  it("F07: a 403 whose load event fired is a failure with S3's reason, not retried, video deleted", async () => {
    FakeXhr.scripts = [storage.answers(403, s3Xml("AccessDenied", "Invalid according to Policy"))];
    const { options, createTicket, deleteVideo, events } = setup();
    const error = await uploadFile(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ kind: "denied", s3Code: "AccessDenied", retryable: false });
    expect(createTicket).toHaveBeenCalledTimes(1);
    expect(deleteVideo).toHaveBeenCalledWith(id(1));
    expect(kinds(events)).not.toContain("uploaded");
  });

  it.each([
    ["EntityTooSmall", 400, "too-small"],
    ["EntityTooLarge", 400, "too-large"],
    ["SignatureDoesNotMatch", 403, "signature"],
    ["MalformedPOSTRequest", 400, "bad-request"],
  ])("does not retry %s", async (code, status, kind) => {
    FakeXhr.scripts = [storage.answers(status, s3Xml(code, "m"))];
    const { options, createTicket } = setup();
    await expect(uploadFile(options)).rejects.toMatchObject({ kind, s3Code: code });
    expect(createTicket).toHaveBeenCalledTimes(1);
  });

  it("F03: an expired policy gets fresh credentials at once and succeeds", async () => {
    FakeXhr.scripts = [
      storage.answers(403, s3Xml("AccessDenied", "Invalid according to Policy: Policy expired.")),
      storage.accepts(),
    ];
    const { options, createTicket, deleteVideo, events } = setup();
    await expect(uploadFile(options)).resolves.toEqual({ videoId: id(2) });
    expect(createTicket).toHaveBeenCalledTimes(2);
    expect(FakeXhr.instances[1]?.formEntries()).toContainEqual(["policy", "policy-2"]);
    expect(FakeXhr.instances[1]?.url).toBe("http://s3.test/bucket?n=2");
    expect(events.find((e) => e.type === "retrying")).toMatchObject({ attempt: 2, delayMs: 0 });
    expect(deleteVideo.mock.calls).toEqual([[id(1)]]);
  });

  it("F10: retries dropped connections with growing backoff, at most 3 attempts, cleaning up each", async () => {
    FakeXhr.scripts = [storage.dropsAt(0.4)];
    const { options, createTicket, deleteVideo, events } = setup();
    const error = await uploadFile(options).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "network", retryable: true });
    expect((error as Error).message).toContain("blocked by the storage endpoint or the network");
    expect(createTicket).toHaveBeenCalledTimes(3);
    expect(FakeXhr.instances.map((x) => x.formEntries()[1])).toEqual([
      ["policy", "policy-1"],
      ["policy", "policy-2"],
      ["policy", "policy-3"],
    ]);
    const retries = events.filter((e) => e.type === "retrying");
    expect(retries.map((e) => e.attempt)).toEqual([2, 3]);
    expect(retries.map((e) => e.delayMs)).toEqual([8, 15]);
    expect(deleteVideo.mock.calls.map(([v]) => v).sort()).toEqual([id(1), id(2), id(3)]);
  });

  it("backoff is capped by maxDelayMs and never below half the ceiling", async () => {
    FakeXhr.scripts = [storage.answers(503, s3Xml("SlowDown", "Reduce"))];
    const { options, events } = setup({
      retry: { attempts: 5, baseDelayMs: 10, maxDelayMs: 30 },
      random: () => 0.999,
    });
    await expect(uploadFile(options)).rejects.toMatchObject({ kind: "server" });
    const delays = events.flatMap((e) => (e.type === "retrying" ? [e.delayMs] : []));
    expect(delays).toEqual([10, 20, 30, 30]);
  });

  it("a 5xx followed by a 201 succeeds and deletes only the first attempt's video", async () => {
    FakeXhr.scripts = [storage.answers(500, s3Xml("InternalError", "x")), storage.accepts()];
    const { options, deleteVideo } = setup();
    await expect(uploadFile(options)).resolves.toEqual({ videoId: id(2) });
    expect(deleteVideo.mock.calls).toEqual([[id(1)]]);
  });

  it("a stall mid-body is retried with fresh credentials", async () => {
    FakeXhr.scripts = [(xhr) => xhr.progress(300, 1000), storage.accepts()];
    const { options, events } = setup();
    await expect(uploadFile(options)).resolves.toEqual({ videoId: id(2) });
    expect(events.find((e) => e.type === "retrying")).toMatchObject({
      reason: expect.stringMatching(/stopped making progress/),
    });
  });

  it.each<VideoStatus>(["queued", "processing", "ready"])(
    "F10: all bytes sent, no answer, but the status says %s → success, nothing deleted",
    async (status) => {
      FakeXhr.scripts = [storage.neverAnswers()];
      const getStatus = vi.fn(async () => status);
      const { options, createTicket, deleteVideo, events } = setup({ getStatus });
      await expect(uploadFile(options)).resolves.toEqual({ videoId: id(1) });
      expect(getStatus).toHaveBeenCalledWith(id(1));
      expect(createTicket).toHaveBeenCalledTimes(1);
      expect(deleteVideo).not.toHaveBeenCalled();
      expect(kinds(events).slice(-2)).toEqual(["finishing", "uploaded"]);
    },
  );

  it("F10: an ambiguous failure whose status is still awaiting-upload is retried and cleaned up", async () => {
    FakeXhr.scripts = [storage.neverAnswers(), storage.accepts()];
    const getStatus = vi.fn(async (): Promise<VideoStatus | null> => "awaiting-upload");
    const { options, deleteVideo } = setup({ getStatus });
    await expect(uploadFile(options)).resolves.toEqual({ videoId: id(2) });
    expect(getStatus).toHaveBeenCalledTimes(1);
    expect(deleteVideo.mock.calls).toEqual([[id(1)]]);
  });

  it("does not ask for the status after a failure that is not ambiguous", async () => {
    FakeXhr.scripts = [storage.dropsAt(0.5), storage.accepts()];
    const getStatus = vi.fn(async (): Promise<VideoStatus | null> => "queued");
    const { options } = setup({ getStatus });
    await expect(uploadFile(options)).resolves.toEqual({ videoId: id(2) });
    expect(getStatus).not.toHaveBeenCalled();
  });

  it("cancel mid-upload rejects as aborted, does not retry, deletes the video", async () => {
    const controller = new AbortController();
    FakeXhr.scripts = [
      (xhr) => {
        xhr.progress(100, 1000);
        controller.abort();
      },
    ];
    const { options, createTicket, deleteVideo } = setup({ signal: controller.signal });
    await expect(uploadFile(options)).rejects.toMatchObject({ kind: "aborted", retryable: false });
    expect(createTicket).toHaveBeenCalledTimes(1);
    expect(FakeXhr.instances[0]?.aborted).toBe(true);
    expect(deleteVideo.mock.calls).toEqual([[id(1)]]);
  });

  it("cancel during the backoff wait stops at once", async () => {
    const controller = new AbortController();
    FakeXhr.scripts = [storage.dropsAt(0.2)];
    const { options, createTicket, deleteVideo } = setup({
      signal: controller.signal,
      retry: { attempts: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      onEvent: (e) => e.type === "retrying" && controller.abort(),
    });
    await expect(uploadFile(options)).rejects.toMatchObject({ kind: "aborted" });
    expect(createTicket).toHaveBeenCalledTimes(1);
    expect(deleteVideo.mock.calls).toEqual([[id(1)]]);
  });

  it("cancel while credentials are on their way deletes the video they created", async () => {
    const controller = new AbortController();
    const { options, deleteVideo, createTicket } = setup({ signal: controller.signal });
    const original = createTicket.getMockImplementation()!;
    createTicket.mockImplementation(async (title) => {
      const ticket = await original(title);
      controller.abort();
      return ticket;
    });
    await expect(uploadFile(options)).rejects.toMatchObject({ kind: "aborted" });
    expect(FakeXhr.instances).toHaveLength(0);
    expect(deleteVideo.mock.calls).toEqual([[id(1)]]);
  });

  it("never aborts the credentials request, so a cancel during it still deletes its video", async () => {
    const controller = new AbortController();
    const { options, deleteVideo, createTicket } = setup({ signal: controller.signal });
    const original = createTicket.getMockImplementation()!;
    createTicket.mockImplementation(async (...args: unknown[]) => {
      expect(args).toHaveLength(1);
      controller.abort();
      return original(args[0] as string);
    });
    await expect(uploadFile(options)).rejects.toMatchObject({ kind: "aborted" });
    expect(deleteVideo.mock.calls).toEqual([[id(1)]]);
  });

  it("a failing cleanup does not hide the upload's own error", async () => {
    FakeXhr.scripts = [storage.answers(400, s3Xml("EntityTooSmall", "small"))];
    const { options } = setup({
      deleteVideo: vi.fn(async () => Promise.reject(new Error("boom"))),
    });
    await expect(uploadFile(options)).rejects.toMatchObject({ kind: "too-small" });
  });

  describe("credentials requests", () => {
    const apiError = (status: number, message: string, retryAfterSeconds?: number) =>
      Object.assign(new Error(message), { status, code: "x", retryAfterSeconds });

    it("retries a 503 from our API, then uploads", async () => {
      FakeXhr.scripts = [storage.accepts()];
      const { options, createTicket } = setup();
      const original = createTicket.getMockImplementation()!;
      createTicket.mockImplementationOnce(async () => Promise.reject(apiError(503, "Busy")));
      createTicket.mockImplementation(original);
      await expect(uploadFile(options)).resolves.toEqual({ videoId: id(1) });
      expect(createTicket).toHaveBeenCalledTimes(2);
    });

    it("does not retry a 401, and keeps our API's message", async () => {
      const { options, createTicket } = setup();
      createTicket.mockImplementation(async () => Promise.reject(apiError(401, "Sign in again.")));
      await expect(uploadFile(options)).rejects.toMatchObject({
        kind: "ticket",
        status: 401,
        message: "Sign in again.",
      });
      expect(createTicket).toHaveBeenCalledTimes(1);
    });

    it("gives up on a 429 asking for a longer wait than the retry policy allows", async () => {
      const { options, createTicket } = setup();
      createTicket.mockImplementation(async () =>
        Promise.reject(apiError(429, "Too many uploads; try again in an hour.", 3600)),
      );
      await expect(uploadFile(options)).rejects.toMatchObject({
        kind: "ticket",
        retryAfterSeconds: 3600,
      });
      expect(createTicket).toHaveBeenCalledTimes(1);
    });
  });
});
