import { constants, openAsBlob } from "node:fs";
import { access, stat } from "node:fs/promises";
import path from "node:path";
import { validateFiles, videoAccept } from "@/lib/upload/accept";
import { S3_POST_MAX_BYTES } from "@/lib/upload/config";

// Every named file is checked before any request, with the dropzone's own rules (video extension,
// not empty, at most 5 GiB) plus what only a command line meets: missing paths, directories and
// permissions.

export type LocalFile = {
  /** As the user typed it. */
  path: string;
  /** Resolved against the directory the command was started from. */
  absolutePath: string;
  /** The name storage and people see: the path's last segment. */
  name: string;
  size: number;
  /** MIME type from the extension, for the file part's Content-Type. */
  type: string;
};

export type FileCheck = { files: LocalFile[]; problems: string[] };

const typeByExtension = new Map(
  Object.entries(videoAccept).flatMap(([type, extensions]) =>
    extensions.map((extension) => [extension, type] as const),
  ),
);

function mimeType(name: string): string {
  return typeByExtension.get(path.extname(name).toLowerCase()) ?? "";
}

async function inspect(file: string, baseDir: string): Promise<LocalFile | string> {
  const shown = `“${file}”`;
  const absolutePath = path.resolve(baseDir, file);
  let info;
  try {
    info = await stat(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return `${shown} does not exist.`;
    if (code === "EACCES") return `${shown} cannot be read (permission denied).`;
    return `${shown} cannot be read (${code ?? "unknown error"}).`;
  }
  if (info.isDirectory()) {
    return `${shown} is a directory. Name the video files inside it, e.g. ${path.join(file, "*.mp4")}.`;
  }
  if (!info.isFile()) return `${shown} is not a regular file.`;
  try {
    await access(absolutePath, constants.R_OK);
  } catch {
    return `${shown} cannot be read (permission denied).`;
  }
  const name = path.basename(file);
  return { path: file, absolutePath, name, size: info.size, type: mimeType(name) };
}

// `npm run` starts scripts in the project root and records the caller's directory in INIT_CWD.
export async function checkFiles(
  paths: readonly string[],
  baseDir = process.env.INIT_CWD ?? process.cwd(),
): Promise<FileCheck> {
  const files: LocalFile[] = [];
  const problems: string[] = [];
  for (const result of await Promise.all(paths.map((file) => inspect(file, baseDir)))) {
    if (typeof result === "string") {
      problems.push(result);
      continue;
    }
    const { rejected } = validateFiles([result], { maxBytes: S3_POST_MAX_BYTES, maxFiles: 1 });
    const message = rejected[0]?.message;
    if (message) problems.push(message.replace(`“${result.name}”`, `“${result.path}”`));
    else files.push(result);
  }
  return { files, problems };
}

/** The file as a Blob backed by the disk: streamed when sent, never read whole. */
export function fileBlob(file: LocalFile): Promise<Blob> {
  return openAsBlob(file.absolutePath, { type: file.type });
}
