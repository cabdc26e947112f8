import { parseArgs } from "node:util";
import type { z } from "zod";
import { folderIdSchema, importUrlSchema, titleSchema } from "@/lib/schemas";

export type CliOptions = {
  files: string[];
  urls: string[];
  title?: string;
  folderId?: string;
  concurrency: number;
  wait: boolean;
  json: boolean;
  help: boolean;
};

export const usage = `Usage: npm run upload -- <files…> [options]
       npm run upload -- --url <https://…> [options]

Uploads videos to VdoCipher with the server's API secret (VDOCIPHER_API_SECRET, read from the
environment and .env files like the app does; the bundled sandbox when unset outside production).

Options:
  --url <url>          Have VdoCipher fetch a video from an http(s) URL (repeatable)
  --title <title>      Title of the video (only with a single file or URL; default: the file name)
  --folder <id>        VdoCipher folder id (default: root)
  --concurrency <n>    Uploads at the same time, 1–6 (default: 2)
  --wait               Wait until every video is ready or failed
  --json               One JSON object per line instead of progress bars (default without a TTY)
  -h, --help           Show this help

Exit code 0 only if every video ended as asked: uploaded (or ready, with --wait).`;

export class UsageError extends Error {
  override name = "UsageError";
}

function check<S extends z.ZodType>(schema: S, value: unknown, flag: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(`${flag}: ${parsed.error.issues[0]?.message ?? "invalid value"}`);
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: "string", multiple: true },
        title: { type: "string" },
        folder: { type: "string" },
        concurrency: { type: "string" },
        wait: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const urls = (values.url ?? []).map((url) => check(importUrlSchema, url, "--url"));
  const options: CliOptions = {
    files: positionals,
    urls,
    concurrency: 2,
    wait: values.wait ?? false,
    json: values.json ?? false,
    help: values.help ?? false,
  };
  if (options.help) return options;
  if (positionals.length + urls.length === 0)
    throw new UsageError("Name at least one file or --url.");
  if (values.title !== undefined) {
    if (positionals.length + urls.length > 1) {
      throw new UsageError("--title names one video; leave it out to title each file by its name.");
    }
    options.title = check(titleSchema, values.title, "--title");
  }
  if (values.folder !== undefined)
    options.folderId = check(folderIdSchema, values.folder, "--folder");
  if (values.concurrency !== undefined) {
    const n = Number(values.concurrency);
    if (!Number.isInteger(n) || n < 1 || n > 6)
      throw new UsageError("--concurrency must be 1 to 6.");
    options.concurrency = n;
  }
  return options;
}
