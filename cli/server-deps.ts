import { setTimeout as sleep } from "node:timers/promises";
import { env } from "@/lib/env";
import type { Video } from "@/lib/schemas";
import type { UploadFileOptions } from "@/lib/upload/upload-file";
import { createUploadCredentials, deleteVideos, getVideo, VdoCipherError } from "@/lib/vdocipher";
import { nodeTransport } from "./node-transport";

// The command line's I/O for the shared upload engine: the typed VdoCipher client with the server's
// secret where the browser calls our routes, and the Node transport where it uses XHR.

const explanations: Partial<Record<VdoCipherError["code"], string>> = {
  unauthenticated: "VdoCipher refused the API secret. Check VDOCIPHER_API_SECRET.",
  rate_limited: "VdoCipher is limiting upload requests right now.",
  upstream_timeout: "VdoCipher did not answer in time.",
};

// No answer at all: from the command line that is most often a sandbox not started, or a wrong URL.
function unreachable(error: VdoCipherError): string {
  const { mode, apiBaseUrl } = env();
  return mode === "sandbox"
    ? `${error.message} (the sandbox at ${apiBaseUrl}). Is the sandbox running? Start it with \`npm run sandbox\` (or \`npm run dev\`).`
    : `${error.message} (${apiBaseUrl}). Check this machine's network connection, and VDOCIPHER_API_BASE_URL if it is set.`;
}

/**
 * A VdoCipher failure in the shape the engine's retry rules read (`status`, `retryAfterSeconds`):
 * a refused secret is final, a timeout or 5xx is worth another try.
 */
export function explain(error: unknown): Error {
  if (!(error instanceof VdoCipherError)) return error as Error;
  const noAnswer = error.code === "upstream_error" && error.details.status === undefined;
  const message = noAnswer ? unreachable(error) : (explanations[error.code] ?? `${error.message}.`);
  return Object.assign(new Error(message, { cause: error }), {
    status: error.details.status ?? 0,
    retryAfterSeconds: error.details.retryAfterSeconds,
  });
}

export function serverUploadDeps(
  folderId?: string,
  filePath?: string,
): Pick<UploadFileOptions, "createTicket" | "transport" | "deleteVideo" | "getStatus"> {
  return {
    createTicket: (title) =>
      createUploadCredentials(title, folderId).catch((error: unknown) => {
        throw explain(error);
      }),
    transport: nodeTransport(filePath),
    deleteVideo: async (videoId) => {
      try {
        await deleteVideos([videoId]);
      } catch (error) {
        if (!(error instanceof VdoCipherError && error.code === "not_found")) throw error;
      }
    },
    getStatus: async (videoId) => {
      try {
        return (await getVideo(videoId)).status;
      } catch (error) {
        if (error instanceof VdoCipherError && error.code === "not_found") return null;
        throw error;
      }
    },
  };
}

/**
 * Polls until the video is ready or failed: 1 s at first, slowing to 5 s, like the studio's poller.
 * A transient error is retried; `onChange` hears each new status.
 */
export async function waitUntilSettled(
  videoId: string,
  signal: AbortSignal,
  onChange: (video: Video) => void,
): Promise<Video> {
  let delay = 1000;
  let last: string | undefined;
  for (;;) {
    try {
      const video = await getVideo(videoId);
      if (video.status !== last) onChange(video);
      last = video.status;
      if (video.status === "ready" || video.status === "failed") return video;
    } catch (error) {
      if (error instanceof VdoCipherError && error.code === "not_found") {
        throw new Error("The video no longer exists on VdoCipher (deleted while waiting).");
      }
    }
    await sleep(delay, undefined, { signal });
    delay = Math.min(5000, delay * 1.5);
  }
}
