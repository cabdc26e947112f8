import { afterEach, describe, expect, it, vi } from "vitest";
import { listFiles } from "@/lib/vdocipher";
import { API, VIDEO_ID, jsonReply, stubFetch } from "./fetch-stub";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("listFiles", () => {
  it("GETs the files of a video and maps posters and captions", async () => {
    const calls = stubFetch(() =>
      jsonReply([
        {
          id: 11,
          name: "poster.jpeg",
          size: 35000,
          time: "2026-12-03T17:00:00Z",
          enabled: 1,
          format: "jpeg",
          height: 480,
          width: 854,
          bitrate: null,
        },
        { id: "12090067", time: "2026-12-03T17:01:00Z", size: "5 kB", lang: "en", enabled: 0 },
        { id: 13, time: "yesterday" },
      ]),
    );
    await expect(listFiles(VIDEO_ID)).resolves.toStrictEqual([
      {
        id: "11",
        name: "poster.jpeg",
        format: "jpeg",
        enabled: true,
        width: 854,
        height: 480,
        lang: null,
        createdAt: "2026-12-03T17:00:00.000Z",
      },
      {
        id: "12090067",
        name: null,
        format: null,
        enabled: false,
        width: null,
        height: null,
        lang: "en",
        createdAt: "2026-12-03T17:01:00.000Z",
      },
      {
        id: "13",
        name: null,
        format: null,
        enabled: true,
        width: null,
        height: null,
        lang: null,
        createdAt: null,
      },
    ]);
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.url.href).toBe(`${API}/videos/${VIDEO_ID}/files/`);
  });

  it("rejects a reply that is not a list", async () => {
    stubFetch(() => jsonReply({ rows: [] }));
    await expect(listFiles(VIDEO_ID)).rejects.toMatchObject({ code: "upstream_error" });
  });
});
