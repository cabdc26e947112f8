import "server-only";
import { vdoRequest } from "./http";
import { rawOtpSchema } from "./raw";

/** One watermark item, e.g. `{type: "rtext", text: "Cipherdrop", alpha: "0.60", size: "15"}`. */
export type Annotation = { type: string } & Record<string, string | number>;

export type OtpOptions = {
  ttlSeconds?: number;
  annotate?: Annotation[];
  whitelisthref?: string;
  userId?: string;
};

export type Otp = { otp: string; playbackInfo: string };

/** `POST /videos/{id}/otp`. */
export async function createOtp(videoId: string, options: OtpOptions = {}): Promise<Otp> {
  const body: Record<string, string | number> = {};
  if (options.ttlSeconds !== undefined) body.ttl = options.ttlSeconds;
  // VdoCipher wants the watermark list as a JSON string inside the JSON body, not as an array.
  if (options.annotate?.length) body.annotate = JSON.stringify(options.annotate);
  if (options.whitelisthref) body.whitelisthref = options.whitelisthref;
  if (options.userId) body.userId = options.userId;
  const raw = await vdoRequest("POST", `/videos/${videoId}/otp`, rawOtpSchema, { body });
  return { otp: raw.otp, playbackInfo: raw.playbackInfo };
}
