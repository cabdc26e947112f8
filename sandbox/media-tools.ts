import { spawn } from "node:child_process";

export type Probe = { durationSeconds: number; width: number; height: number; hasAudio: boolean };

type RunResult = { code: number | null; stdout: string; stderr: string };

function run(binary: string, args: string[], signal: AbortSignal): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], signal });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    // Keep only the tail: a broken file can make ffmpeg log one line per frame.
    child.stderr
      .setEncoding("utf8")
      .on("data", (text: string) => (stderr = (stderr + text).slice(-8192)));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The first video stream and the container duration, or undefined for a file that is not a video. */
export async function probe(
  ffprobe: string,
  file: string,
  signal: AbortSignal,
): Promise<Probe | undefined> {
  const { code, stdout } = await run(
    ffprobe,
    ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file],
    signal,
  );
  if (code !== 0) return undefined;
  type Stream = { codec_type?: string; width?: number; height?: number; duration?: string };
  let parsed: { streams?: Stream[]; format?: { duration?: string } };
  try {
    parsed = JSON.parse(stdout) as typeof parsed;
  } catch {
    return undefined;
  }
  const video = parsed.streams?.find((stream) => stream.codec_type === "video" && stream.width);
  const duration = Number(parsed.format?.duration ?? video?.duration);
  if (!video?.width || !video.height || !Number.isFinite(duration) || duration <= 0)
    return undefined;
  return {
    durationSeconds: duration,
    width: video.width,
    height: video.height,
    hasAudio: parsed.streams?.some((stream) => stream.codec_type === "audio") ?? false,
  };
}

/**
 * Decodes every frame (`-xerror` stops at the first decode error) into a browser-playable
 * H.264/AAC MP4 with the index up front, so a corrupt or truncated file fails here.
 */
export async function transcode(
  ffmpeg: string,
  input: string,
  output: string,
  hasAudio: boolean,
  signal: AbortSignal,
): Promise<boolean> {
  const args = [
    "-hide_banner",
    "-nostdin",
    "-v",
    "error",
    "-xerror",
    "-err_detect",
    "explode",
    "-i",
    input,
    "-map",
    "0:v:0",
    ...(hasAudio ? ["-map", "0:a:0"] : []),
    "-vf",
    "scale=trunc(iw/2)*2:trunc(ih/2)*2",
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-crf",
    "26",
    "-pix_fmt",
    "yuv420p",
    ...(hasAudio ? ["-c:a", "aac", "-b:a", "128k"] : []),
    "-movflags",
    "+faststart",
    "-threads",
    "2",
    "-y",
    "-f",
    "mp4",
    output,
  ];
  const { code, stderr } = await run(ffmpeg, args, signal);
  return code === 0 && !/error|invalid|corrupt|partial file|premature|truncat/i.test(stderr);
}

export async function extractPoster(
  ffmpeg: string,
  input: string,
  output: string,
  atSeconds: number,
  signal: AbortSignal,
): Promise<boolean> {
  const args = [
    "-hide_banner",
    "-nostdin",
    "-v",
    "error",
    "-ss",
    atSeconds.toFixed(2),
    "-i",
    input,
    "-frames:v",
    "1",
    "-q:v",
    "3",
    "-y",
    "-f",
    "image2",
    output,
  ];
  const { code } = await run(ffmpeg, args, signal);
  return code === 0;
}
