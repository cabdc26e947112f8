// `npm run upload -- <files…> [--url <url>] [--title t] [--folder id] [--concurrency n] [--wait] [--json]`:
// uploads from a server or a laptop with the same engine as the studio (credentials per attempt,
// retries, cleanup), with the API secret instead of a creator session. `--help` lists the options.
import nextEnv from "@next/env";
import { env } from "@/lib/env";
import { parseCliArgs, usage, UsageError } from "./args";
import { checkFiles } from "./check-files";
import { titleFiles } from "./file-titles";
import { jsonReporter, type Reporter } from "./json-reporter";
import { runJobs, succeeded, type Job } from "./run-jobs";
import { ttyReporter } from "./tty-reporter";

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

/** Runs one command line; resolves with the exit code. `projectDir` holds the .env files. */
export async function main(projectDir: string): Promise<number> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const more = error.withUsage ? `\n${usage}\n` : "";
    process.stderr.write(`cipherdrop-upload: ${error.message}\n${more}`);
    return EXIT_USAGE;
  }
  if (options.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const reporter: Reporter =
    options.json || !process.stdout.isTTY ? jsonReporter() : await ttyReporter();

  const checked = await checkFiles(options.files);
  const named = titleFiles(checked.files, options.title);
  const problems = [...checked.problems, ...named.problems];
  if (problems.length > 0) {
    reporter.rejected(problems);
    if (options.json || !process.stdout.isTTY) {
      for (const problem of problems) process.stderr.write(`✗ ${problem}\n`);
    }
    process.stderr.write("Nothing was uploaded. Fix or leave out the files above and run again.\n");
    return EXIT_FAILED;
  }

  // Same configuration as the app: .env files the way Next loads them, then one parsed env().
  nextEnv.loadEnvConfig(projectDir, process.env.NODE_ENV !== "production", {
    info: () => undefined,
    error: (...args: unknown[]) => console.error(...args),
  });
  const config = env();
  if (config.mode === "sandbox" && !options.json && process.stdout.isTTY) {
    reporter.note(`Using the sandbox at ${config.apiBaseUrl} (VDOCIPHER_API_SECRET is not set).`);
  }

  const jobs: Job[] = [
    ...checked.files.map<Job>((file) => ({
      kind: "file",
      label: file.path,
      file,
      title: named.titles.get(file) ?? file.name,
    })),
    ...options.urls.map<Job>((url) => ({ kind: "url", label: url, url, title: options.title })),
  ];

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    reporter.note(
      "Cancelling: stopping uploads and deleting their unfinished videos… (Ctrl-C again to quit now)",
    );
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);

  const outcomes = await runJobs(jobs, {
    concurrency: options.concurrency,
    wait: options.wait,
    folderId: options.folderId,
    signal: controller.signal,
    onStart: (job) => reporter.start(job),
    onEvent: (job, event) => reporter.event(job, event),
    onEnd: (job, outcome) => reporter.end(job, outcome),
  });
  const ok = succeeded(outcomes, options.wait);
  reporter.finish(outcomes, ok);
  if (controller.signal.aborted) return EXIT_INTERRUPTED;
  return ok ? 0 : EXIT_FAILED;
}
