import type { Reporter } from "./json-reporter";
import { progressLine, type LineState } from "./progress-line";
import type { Job, JobEvent } from "./run-jobs";
import { summaryTable } from "./summary";

// For people at a terminal: one live line per file (bar, %, bytes, speed, ETA, state) on stderr,
// fitted to the terminal's width, then the summary table on stdout.

// Loaded only for a terminal: JSON runs (scripts, CI, the benchmark) leave it out of memory.
export async function ttyReporter(): Promise<Reporter> {
  const { default: cliProgress } = await import("cli-progress");
  const bars = new cliProgress.MultiBar({
    // `maxWidth` is the width of the stream the lines go to (the terminal's, or 80 when unknown).
    format: (_options, params, payload: { line: LineState }) =>
      progressLine(payload.line, params.maxWidth),
    hideCursor: true,
    clearOnComplete: false,
    stopOnComplete: false,
    stream: process.stderr,
  });
  const lines = new Map<Job, { bar: ReturnType<typeof bars.create>; line: LineState }>();
  const update = (job: Job, change: Partial<LineState>) => {
    const entry = lines.get(job);
    if (!entry) return;
    entry.line = { ...entry.line, ...change };
    entry.bar.update({ line: entry.line });
  };

  return {
    start(job) {
      const line: LineState = {
        label: job.label,
        size: job.kind === "file" ? job.file.size : null,
        progress: null,
        uploading: false,
        complete: false,
        state: job.kind === "file" ? "starting" : "importing",
      };
      lines.set(job, { bar: bars.create(1, 0, { line }), line });
    },
    event(job, event) {
      update(job, change(event));
    },
    end(job, outcome) {
      update(job, {
        uploading: false,
        state: outcome.status,
        detail: outcome.videoId ?? undefined,
      });
    },
    rejected(messages) {
      for (const message of messages) process.stderr.write(`✗ ${message}\n`);
    },
    note: (message) => bars.log(`${message}\n`),
    finish(outcomes, ok) {
      bars.stop();
      process.stdout.write(`\n${summaryTable(outcomes)}\n`);
      const failed = outcomes.filter((outcome) => outcome.reason);
      for (const outcome of failed) process.stdout.write(`  ${outcome.label}: ${outcome.reason}\n`);
      process.stdout.write(ok ? "All done.\n" : "Not everything went as asked (see above).\n");
    },
  };
}

function change(event: JobEvent): Partial<LineState> {
  switch (event.type) {
    case "progress":
      return { progress: event, uploading: true, state: "uploading" };
    case "ticket":
      return event.attempt > 1
        ? { progress: null, uploading: false, state: `attempt ${event.attempt}` }
        : { state: "uploading" };
    case "finishing":
      return { uploading: false, state: "finishing" };
    case "retrying":
      return {
        uploading: false,
        state: `retry in ${Math.ceil(event.delayMs / 1000)} s: ${event.reason}`,
      };
    case "uploaded":
      return { uploading: false, complete: true, state: "uploaded" };
    case "imported":
      return { complete: true, state: "importing on VdoCipher" };
    case "status":
      return { uploading: false, state: event.status };
  }
}
