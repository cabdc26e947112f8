import "server-only";

export { VdoCipherError, type VdoCipherErrorCode } from "./errors";
export { normaliseStatus } from "./status";
export {
  createUploadCredentials,
  deleteVideos,
  getVideo,
  getVideoStatus,
  importFromUrl,
  listVideos,
  renameVideo,
  type ListVideosParams,
} from "./videos";
export { createOtp, type Annotation, type Otp, type OtpOptions } from "./otp";
export { listFiles, type VideoFile } from "./files";
export { importVideo } from "./imports";
