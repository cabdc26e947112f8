import { parseArgs, type ParseArgsConfig } from "node:util";
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

  constructor(
    message: string,
    /** Print the usage text after the message; one that points to --help says enough. */
    readonly withUsage = true,
  ) {
    super(message);
  }
}

function check<S extends z.ZodType>(schema: S, value: unknown, flag: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(`${flag}: ${parsed.error.issues[0]?.message ?? "invalid value"}`);
}

const optionConfig = {
  url: { type: "string", multiple: true },
  title: { type: "string" },
  folder: { type: "string" },
  concurrency: { type: "string" },
  wait: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const satisfies ParseArgsConfig["options"];

const seeHelp = "Run with --help for usage.";

// Node's own messages speak to programmers (quotes, advice about `--`); these name the option as
// typed and say what to do. A lenient pass finds the mistakes; the strict one then cannot fail but
// for a case not foreseen here, whose message is still better than none.
function findMistake(argv: string[]): string | null {
  const { tokens } = parseArgs({
    args: argv,
    options: optionConfig,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const { rawName, value } = token;
    if (!Object.hasOwn(optionConfig, token.name)) return `Unknown option ${rawName}. ${seeHelp}`;
    const { type } = optionConfig[token.name as keyof typeof optionConfig];
    if (type === "boolean" && value !== undefined) return `${rawName} takes no value. ${seeHelp}`;
    if (type === "string" && value === undefined) return `${rawName} needs a value. ${seeHelp}`;
    if (type === "string" && !token.inlineValue && value?.startsWith("-")) {
      return `${rawName} needs a value (one that starts with “-” is written ${rawName}=${value}). ${seeHelp}`;
    }
  }
  return null;
}

export function parseCliArgs(argv: string[]): CliOptions {
  const mistake = findMistake(argv);
  if (mistake) throw new UsageError(mistake, false);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: optionConfig });
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
    // Digits only: Number() would also take "1.0", "0x2", "1e0" and " 2".
    const n = /^\d+$/.test(values.concurrency) ? Number(values.concurrency) : NaN;
    if (!(n >= 1 && n <= 6)) {
      throw new UsageError(
        `--concurrency must be a whole number from 1 to 6, not “${values.concurrency}”.`,
      );
    }
    options.concurrency = n;
  }
  return options;
}
