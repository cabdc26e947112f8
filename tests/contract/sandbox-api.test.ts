import { connect } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SandboxHandle, SandboxVideo } from "../helpers/sandbox";
import { spawnSandbox } from "../helpers/sandbox";

const HEX32 = /^[0-9a-f]{32}$/;

describe("sandbox API v3", () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await spawnSandbox();
  });
  afterAll(() => sandbox.stop());
  beforeEach(() => sandbox.reset());

  const json = async (response: Response) => ({
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
  });
  const create = async (title: string) => (await sandbox.createUpload(title)).videoId;

  describe("auth and errors", () => {
    it.each([
      ["no header", undefined],
      ["a wrong secret", "Apisecret nope"],
      ["another scheme", `Bearer ${"sandbox-secret"}`],
    ])("answers 401 JSON {message} with %s", async (_label, authorization) => {
      const response = await fetch(`${sandbox.apiUrl}/videos`, {
        headers: authorization ? { Authorization: authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(typeof ((await response.json()) as { message: unknown }).message).toBe("string");
    });

    it("answers 404 {message} for unknown ids and unknown paths, 400 for malformed input", async () => {
      for (const path of [
        `/videos/${"0".repeat(32)}`,
        "/videos/not-an-id",
        "/nothing-here",
        `/videos/${"a".repeat(32)}/files/`,
      ]) {
        const { status, body } = await json(await sandbox.api(path));
        expect.soft(status, path).toBe(404);
        expect.soft(typeof body.message).toBe("string");
      }
      const id = await create("x");
      const malformed = await sandbox.api(`/videos/${id}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{not json",
      });
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { message: string }).message).toBeTruthy();
    });

    it("answers 400 {message}, never 500, for malformed percent-encoding in a path parameter", async () => {
      for (const [method, path] of [
        ["GET", "/videos/%zz"],
        ["GET", "/videos/%E0%A4%A/files"],
        ["POST", "/videos/%/otp"],
        ["GET", "/meta/%C0%AF"],
      ] as const) {
        const { status, body } = await json(await sandbox.api(path, { method }));
        expect.soft(status, `${method} ${path}`).toBe(400);
        expect.soft(body.message, path).toMatch(/percent-encoding/);
      }
      // Well-formed encoding of a non-id still reaches the route.
      expect((await sandbox.api("/videos/%41")).status).toBe(404);
    });

    it("answers 400, never 500, for a request-target that is no URL, and routes `//x` as a path", async () => {
      const statusLine = await new Promise<string>((resolve, reject) => {
        const socket = connect(sandbox.port, "127.0.0.1", () =>
          socket.write("GET http://[bad/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        );
        socket.once("data", (chunk) => resolve(chunk.toString("latin1").split("\r\n")[0]!));
        socket.on("error", reject);
      });
      expect(statusLine).toBe("HTTP/1.1 400 Bad Request");
      expect((await fetch(`${sandbox.url}//`)).status).toBe(404);
      const auth = { Authorization: `Apisecret ${sandbox.secret}` };
      expect((await fetch(`${sandbox.url}//x/api/videos`, { headers: auth })).status).toBe(404);
    });

    it("importUrl keeps a file name with malformed percent-encoding as the title instead of failing", async () => {
      const { status, body } = await json(
        await sandbox.api("/videos/importUrl", {
          method: "PUT",
          json: { url: "http://127.0.0.1:1/clip%zz%20one.mp4" },
        }),
      );
      expect(status).toBe(200);
      expect(body.title).toBe("clip%zz%20one.mp4");
    });
  });

  describe("upload credentials", () => {
    it("PUT /api/videos?title= answers the exact clientPayload shape and creates a PRE-Upload video", async () => {
      const { status, body } = await json(
        await sandbox.api("/videos?title=Holiday", { method: "PUT" }),
      );
      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(["clientPayload", "videoId"]);
      const payload = body.clientPayload as Record<string, string>;
      expect(Object.keys(payload).sort()).toEqual(
        [
          "policy",
          "key",
          "uploadLink",
          "x-amz-algorithm",
          "x-amz-credential",
          "x-amz-date",
          "x-amz-signature",
        ].sort(),
      );
      expect(body.videoId).toMatch(HEX32);
      expect(payload["x-amz-algorithm"]).toBe("AWS4-HMAC-SHA256");
      expect(payload["x-amz-credential"]).toMatch(
        /^AKIA[A-Z0-9]{16}\/\d{8}\/us-east-1\/s3\/aws4_request$/,
      );
      expect(payload["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
      expect(payload["x-amz-signature"]).toMatch(/^[0-9a-f]{64}$/);
      expect(payload.uploadLink).toBe(`${sandbox.url}/s3/vdo-sandbox-uploads`);
      const policy = JSON.parse(Buffer.from(payload.policy!, "base64").toString()) as {
        expiration: string;
        conditions: unknown[];
      };
      const ttl = Date.parse(policy.expiration) - Date.now();
      expect(ttl).toBeGreaterThan(3500_000);
      expect(ttl).toBeLessThanOrEqual(3600_000);
      expect(policy.conditions).toContainEqual(["content-length-range", 1, 5 * 1024 ** 3]);
      const video = await sandbox.getVideo(body.videoId as string);
      expect(video.status).toBe("PRE-Upload");
      expect(video.title).toBe("Holiday");
    });

    it("keeps a form-encoded title exactly ('+' is a space, %3A a colon)", async () => {
      const { body } = await json(
        await sandbox.api("/videos?title=my+video%3A+part+1&offset=3", { method: "PUT" }),
      );
      expect((await sandbox.getVideo(body.videoId as string)).title).toBe("my video: part 1");
    });

    it("accepts an empty JSON body or {} on the credentials PUT", async () => {
      const empty = await sandbox.api("/videos?title=a", {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
      });
      const braces = await sandbox.api("/videos?title=b", { method: "PUT", json: {} });
      expect([empty.status, braces.status]).toEqual([200, 200]);
    });

    it("rejects a missing title or a malformed folderId with 400", async () => {
      expect((await sandbox.api("/videos", { method: "PUT" })).status).toBe(400);
      expect((await sandbox.api("/videos?title=", { method: "PUT" })).status).toBe(400);
      expect((await sandbox.api("/videos?title=a&folderId=../x", { method: "PUT" })).status).toBe(
        400,
      );
      expect((await sandbox.api("/videos?title=a&folderId=root", { method: "PUT" })).status).toBe(
        200,
      );
    });
  });

  describe("video details and list", () => {
    it("GET /api/videos/{id} has the documented fields; upload_time in seconds; tags a list", async () => {
      const id = await create("details");
      const response = await sandbox.api(`/videos/${id}`, {
        headers: { "Content-Type": "application/json" },
      });
      const video = (await response.json()) as SandboxVideo;
      expect(video).toMatchObject({
        id,
        title: "details",
        description: "",
        length: 0,
        status: "PRE-Upload",
        posters: [],
        tags: [],
      });
      expect(Math.abs(video.upload_time - Date.now() / 1000)).toBeLessThan(10);
    });

    it("lists newest first with count, page and limit; includes not-ready videos; ignores unknown params", async () => {
      const ids = [];
      for (const title of ["test-query-0", "test-query-1", "other"]) ids.push(await create(title));
      const { body } = await json(await sandbox.api("/videos?offset=10&unknown=1"));
      expect(body.count).toBe(3);
      expect((body.rows as SandboxVideo[]).map((row) => row.id)).toEqual([...ids].reverse());
      const one = await json(await sandbox.api("/videos?limit=1&page=2"));
      expect(one.body.count).toBe(3);
      expect((one.body.rows as SandboxVideo[]).map((row) => row.id)).toEqual([ids[1]]);
      expect((await json(await sandbox.api("/videos?limit=100"))).body.count).toBe(3);
      const query = await json(await sandbox.api("/videos?q=test-query-1"));
      expect((query.body.rows as SandboxVideo[]).map((row) => row.title)).toEqual(["test-query-1"]);
    });

    it.each(["limit=0", "limit=101", "limit=abc", "page=0"])(
      "answers 400 for %s",
      async (query) => {
        expect((await sandbox.api(`/videos?${query}`)).status).toBe(400);
      },
    );

    it("filters by folderId", async () => {
      await create("in root");
      const folder = "f".repeat(32);
      await sandbox.api(`/videos?title=in+folder&folderId=${folder}`, { method: "PUT" });
      const { body } = await json(await sandbox.api(`/videos?folderId=${folder}`));
      expect((body.rows as SandboxVideo[]).map((row) => row.title)).toEqual(["in folder"]);
    });
  });

  describe("rename and delete", () => {
    it("POST /api/videos/{id} {title} renames", async () => {
      const id = await create("old");
      const { status, body } = await json(
        await sandbox.api(`/videos/${id}`, { method: "POST", json: { title: "new name" } }),
      );
      expect(status).toBe(200);
      expect(body.title).toBe("new name");
      expect((await sandbox.getVideo(id)).title).toBe("new name");
      expect(
        (await sandbox.api(`/videos/${id}`, { method: "POST", json: { title: 5 } })).status,
      ).toBe(400);
      expect((await sandbox.api(`/videos/${id}`, { method: "POST", json: {} })).status).toBe(400);
      expect(
        (await sandbox.api(`/videos/${"0".repeat(32)}`, { method: "POST", json: { title: "x" } }))
          .status,
      ).toBe(404);
    });

    it("DELETE /api/videos?videos=a,b deletes pre-upload videos at once", async () => {
      const a = await create("a");
      const b = await create("b");
      const keep = await create("keep");
      const response = await sandbox.api(`/videos?videos=${a},${b}`, {
        method: "DELETE",
        headers: { "Content-Type": "application/json" },
      });
      expect(await response.json()).toEqual({ message: "Successfully deleted 2 videos" });
      expect((await sandbox.api(`/videos/${a}`)).status).toBe(404);
      const { body } = await json(await sandbox.api("/videos"));
      expect((body.rows as SandboxVideo[]).map((row) => row.id)).toEqual([keep]);
    });

    it("DELETE answers 400 without videos and 404 for unknown ids", async () => {
      expect((await sandbox.api("/videos", { method: "DELETE" })).status).toBe(400);
      expect(
        (await sandbox.api(`/videos?videos=${"0".repeat(32)}`, { method: "DELETE" })).status,
      ).toBe(404);
    });
  });

  describe("tags", () => {
    it("adds, replaces and clears tags, keeping case and spaces; lists and filters by tag", async () => {
      const a = await create("a");
      const b = await create("b");
      const add = await sandbox.api("/videos/tags", {
        method: "POST",
        json: { videos: [a, b], tags: ["Modelagem 3D", "x"] },
      });
      expect(await add.json()).toEqual({ message: "Done" });
      const replace = await sandbox.api("/videos/tags", {
        method: "PUT",
        json: { videos: [b], tags: ["only"] },
      });
      expect(await replace.json()).toEqual({ message: "Done" });
      expect((await sandbox.getVideo(a)).tags).toEqual(["Modelagem 3D", "x"]);
      expect((await sandbox.getVideo(b)).tags).toEqual(["only"]);
      const filtered = await json(
        await sandbox.api(`/videos?tags=${encodeURIComponent("Modelagem 3D")}`),
      );
      expect((filtered.body.rows as SandboxVideo[]).map((row) => row.id)).toEqual([a]);
      expect((await json(await sandbox.api("/videos?tags=modelagem+3d"))).body.count).toBe(0);
      const list = await json(await sandbox.api("/videos/tags"));
      expect(list.status).toBe(200);
      expect(Array.isArray(list.body.rows)).toBe(true);
      await sandbox.api("/videos/tags", { method: "PUT", json: { videos: [a, b], tags: [] } });
      expect((await sandbox.getVideo(a)).tags).toEqual([]);
    });

    it("rejects malformed tag bodies (400) and unknown videos (404)", async () => {
      const a = await create("a");
      expect(
        (await sandbox.api("/videos/tags", { method: "POST", json: { videos: [a] } })).status,
      ).toBe(400);
      expect(
        (await sandbox.api("/videos/tags", { method: "POST", json: { videos: [], tags: ["x"] } }))
          .status,
      ).toBe(400);
      expect(
        (
          await sandbox.api("/videos/tags", {
            method: "POST",
            json: { videos: ["0".repeat(32)], tags: ["x"] },
          })
        ).status,
      ).toBe(404);
    });
  });

  describe("OTP", () => {
    it("answers a 64-char otp and base64 playbackInfo of {videoId}, even before the video is ready", async () => {
      const id = await create("otp");
      const { status, body } = await json(
        await sandbox.api(`/videos/${id}/otp`, { method: "POST", json: { ttl: 300 } }),
      );
      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(["otp", "playbackInfo"]);
      expect(body.otp).toHaveLength(64);
      expect(JSON.parse(Buffer.from(body.playbackInfo as string, "base64").toString())).toEqual({
        videoId: id,
      });
    });

    it("accepts the extra fields real clients send, and an empty body", async () => {
      const id = await create("otp extras");
      const body = {
        ttl: 300,
        annotate: JSON.stringify([
          { type: "rtext", text: "{name}", alpha: 0.8, color: 16711680, size: 15 },
        ]),
        whitelisthref: '"example.com"',
        userId: "viewer_1-A",
        licenseRules: JSON.stringify({ canPersist: true, rentalDuration: 1296000 }),
        ipGeoRules: JSON.stringify([{ actions: true, ipSet: [], countrySet: ["IN"] }]),
        somethingNew: { nested: true },
      };
      expect((await sandbox.api(`/videos/${id}/otp`, { method: "POST", json: body })).status).toBe(
        200,
      );
      const empty = await sandbox.api(`/videos/${id}/otp`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
      });
      expect(empty.status).toBe(200);
    });

    it.each([{ ttl: -5 }, { ttl: "soon" }, { userId: "not an id with spaces" }])(
      "answers 400 for %j",
      async (body) => {
        const id = await create("bad otp");
        expect(
          (await sandbox.api(`/videos/${id}/otp`, { method: "POST", json: body })).status,
        ).toBe(400);
      },
    );

    it("answers 404 for an unknown video", async () => {
      expect(
        (await sandbox.api(`/videos/${"0".repeat(32)}/otp`, { method: "POST", json: {} })).status,
      ).toBe(404);
    });
  });

  describe("hooks, files, importUrl validation", () => {
    it("creates, lists and deletes hooks", async () => {
      const created = await json(
        await sandbox.api("/hooks/", {
          method: "POST",
          json: {
            type: "http",
            value: "https://example.test/hook?token=abc",
            event: "video:ready",
            status: 1,
          },
        }),
      );
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({
        value: "https://example.test/hook?token=abc",
        event: "video:ready",
        status: 1,
      });
      const list = await json(await sandbox.api("/hooks/"));
      expect(list.body.rows).toEqual([created.body]);
      const removed = await sandbox.api("/hooks/", {
        method: "DELETE",
        json: { uuid: created.body.uuid },
      });
      expect(await removed.json()).toEqual({ message: "Deleted" });
      expect((await json(await sandbox.api("/hooks"))).body.rows).toEqual([]);
    });

    it("rejects malformed hooks (400) and unknown hook deletes (404)", async () => {
      expect(
        (
          await sandbox.api("/hooks/", {
            method: "POST",
            json: { value: "not a url", event: "video:ready" },
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await sandbox.api("/hooks/", {
            method: "POST",
            json: { value: "https://x.test", event: "video:gone" },
          })
        ).status,
      ).toBe(400);
      expect(
        (await sandbox.api("/hooks/", { method: "DELETE", json: { uuid: "nope" } })).status,
      ).toBe(404);
    });

    it("GET /api/videos/{id}/files/ answers a bare array", async () => {
      const id = await create("files");
      const response = await sandbox.api(`/videos/${id}/files/`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([]);
    });

    it.each([
      {},
      { url: "not a url" },
      { url: "https://www.youtube.com/watch?v=x" },
      { url: "file:///etc/passwd" },
    ])("PUT /api/videos/importUrl answers 400 for %j", async (body) => {
      expect((await sandbox.api("/videos/importUrl", { method: "PUT", json: body })).status).toBe(
        400,
      );
    });
  });

  describe("stats", () => {
    it("counts API calls by route pattern, and resets", async () => {
      await sandbox.resetStats();
      const id = await create("stats");
      await sandbox.getVideo(id);
      await sandbox.getVideo(id);
      await sandbox.api("/videos/tags");
      await fetch(`${sandbox.apiUrl}/videos`);
      const stats = await sandbox.stats();
      expect(stats).toMatchObject({
        "PUT /api/videos": 1,
        "GET /api/videos/:id": 2,
        "GET /api/videos/tags": 1,
        "GET /api/videos": 1,
      });
      await sandbox.resetStats();
      expect(await sandbox.stats()).toEqual({});
    });
  });
});
