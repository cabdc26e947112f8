import { describe, expect, it } from "vitest";
import { buildUploadForm } from "@/lib/upload/form";
import type { UploadTicket } from "@/lib/schemas";

const ticket: UploadTicket = {
  videoId: "0123456789abcdef0123456789abcdef",
  uploadLink: "http://127.0.0.1:4100/s3/bucket",
  expiresAt: "2026-12-03T18:00:00.000Z",
  fields: {
    key: "orig/0123456789abcdef0123456789abcdef",
    "x-amz-credential": "AKIA/20261203/us-east-1/s3/aws4_request",
    "x-amz-algorithm": "AWS4-HMAC-SHA256",
    "x-amz-date": "20261203T170000Z",
    policy: "eyJleHBpcmF0aW9uIjoiMjAyNiJ9+/abc==",
    "x-amz-signature": "  deadbeef  ",
  },
};

const entries = (form: FormData) =>
  [...form.entries()].map(([name, value]) => [
    name,
    typeof value === "string" ? value : `<file ${value.name} ${value.size}>`,
  ]);

describe("buildUploadForm", () => {
  it("puts the issued fields first, byte for byte and in order, then success_action_*, then the file", () => {
    const form = buildUploadForm(ticket, new Blob(["hello"]), "clip.MOV");
    expect(entries(form)).toEqual([
      ["key", "orig/0123456789abcdef0123456789abcdef"],
      ["x-amz-credential", "AKIA/20261203/us-east-1/s3/aws4_request"],
      ["x-amz-algorithm", "AWS4-HMAC-SHA256"],
      ["x-amz-date", "20261203T170000Z"],
      ["policy", "eyJleHBpcmF0aW9uIjoiMjAyNiJ9+/abc=="],
      ["x-amz-signature", "  deadbeef  "],
      ["success_action_status", "201"],
      ["success_action_redirect", ""],
      ["file", "<file clip.MOV 5>"],
    ]);
  });

  it("never sends uploadLink, videoId or a Content-Type field", () => {
    const names = [...buildUploadForm(ticket, new Blob(["x"]), "a.mp4").keys()];
    expect(names).not.toContain("uploadLink");
    expect(names).not.toContain("videoId");
    expect(names.map((n) => n.toLowerCase())).not.toContain("content-type");
  });

  it("does not duplicate success_action_* fields that were issued, and keeps their issued place", () => {
    const issued = {
      ...ticket,
      fields: { success_action_status: "201", key: "k", success_action_redirect: "" },
    };
    expect(entries(buildUploadForm(issued, new Blob(["x"]), "a.mp4"))).toEqual([
      ["success_action_status", "201"],
      ["key", "k"],
      ["success_action_redirect", ""],
      ["file", "<file a.mp4 1>"],
    ]);
  });

  it("serialises with a runtime-generated multipart boundary and the file part last", async () => {
    const request = new Request("http://x/", {
      method: "POST",
      body: buildUploadForm(ticket, new Blob(["VIDEOBYTES"], { type: "" }), "clip.mov"),
    });
    expect(request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=.+/);
    const text = await request.text();
    const fileAt = text.indexOf('name="file"');
    expect(fileAt).toBeGreaterThan(text.indexOf('name="success_action_redirect"'));
    expect(text.indexOf("VIDEOBYTES")).toBeGreaterThan(fileAt);
    expect(text).toContain("eyJleHBpcmF0aW9uIjoiMjAyNiJ9+/abc==");
  });
});
