import { describe, expect, it } from "vitest";
import { describeUploadFailure, isUploadSuccess, parseS3Error } from "@/lib/upload/s3-error";
import { s3Xml } from "./fake-xhr";

describe("parseS3Error", () => {
  it("reads Code and Message and decodes XML entities", () => {
    expect(
      parseS3Error(
        s3Xml(
          "AccessDenied",
          "Invalid according to Policy: Extra input fields: x &amp; &quot;y&quot; &#x41;&#66;",
        ),
      ),
    ).toEqual({
      code: "AccessDenied",
      message: 'Invalid according to Policy: Extra input fields: x & "y" AB',
    });
  });

  it("returns null for bodies that are not an S3 error", () => {
    expect(parseS3Error("")).toBeNull();
    expect(parseS3Error("<PostResponse><Key>k</Key></PostResponse>")).toBeNull();
    expect(parseS3Error("<html>Bad gateway</html>")).toBeNull();
  });
});

describe("isUploadSuccess (F07: the status decides)", () => {
  it.each([
    [200, true],
    [201, true],
    [204, true],
    [0, false],
    [302, false],
    [403, false],
    [500, false],
  ])("%i → %s", (status, ok) => expect(isUploadSuccess(status)).toBe(ok));
});

describe("describeUploadFailure", () => {
  it.each([
    [
      403,
      s3Xml("AccessDenied", "Invalid according to Policy: Policy expired."),
      "expired",
      true,
      /expired/,
    ],
    [
      400,
      s3Xml("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size"),
      "too-large",
      false,
      /larger/,
    ],
    [
      400,
      s3Xml("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size"),
      "too-small",
      false,
      /empty or too small/,
    ],
    [
      403,
      s3Xml("AccessDenied", "Invalid according to Policy: Extra input fields: uploadLink"),
      "denied",
      false,
      /access denied/,
    ],
    [
      403,
      s3Xml("SignatureDoesNotMatch", "The request signature we calculated does not match"),
      "signature",
      false,
      /signature/,
    ],
    [
      400,
      s3Xml("MalformedPOSTRequest", "The body of your POST request is not well-formed"),
      "bad-request",
      false,
      /rejected the upload request/,
    ],
    [
      400,
      s3Xml("InvalidArgument", "POST requires exactly one file upload per request."),
      "bad-request",
      false,
      /InvalidArgument/,
    ],
    [503, s3Xml("SlowDown", "Please reduce your request rate."), "server", true, /busy/],
    [500, s3Xml("InternalError", "We encountered an internal error."), "server", true, /HTTP 500/],
    [502, "<html>bad gateway</html>", "server", true, /HTTP 502/],
    [
      400,
      s3Xml("RequestTimeout", "Your socket connection to the server was not read from"),
      "server",
      true,
      /busy/,
    ],
    [404, "", "bad-request", false, /HTTP 404/],
  ])("%i %s → %s", (status, body, kind, retryable, message) => {
    const error = describeUploadFailure(status, body);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toMatch(message);
    expect(error.status).toBe(status);
    expect(error.s3Code).toBe(parseS3Error(body)?.code);
  });

  it("keeps S3's own message as detail, not as the headline", () => {
    const error = describeUploadFailure(403, s3Xml("AccessDenied", "Invalid according to Policy"));
    expect(error.detail).toBe("Invalid according to Policy");
    expect(error.message).not.toContain("Invalid according to Policy");
  });

  it("F09: status 0 means blocked by the storage endpoint or the network, retryable", () => {
    const error = describeUploadFailure(0, "");
    expect(error.kind).toBe("network");
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("blocked by the storage endpoint or the network");
  });
});
