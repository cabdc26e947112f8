import type cliProgressModule from "cli-progress";
import { formatBytes, formatDuration } from "@/lib/format";
import type { Reporter } from "./json-reporter";
import type { Job, JobEvent } from "./run-jobs";
import { summaryTable } from "./summary";

// For people at a terminal: one live line per file (bytes, %, speed, ETA, state) on stderr, then
// the summary table on stdout.

type Line = { bar: cliProgressModule.SingleBar; total: number };

const NAME_WIDTH = 28;

function shorten(label: string): string {
  return label.length <= NAME_WIDTH
    ? label.padEnd(NAME_WIDTH)
    : `…${label.slice(-(NAME_WIDTH - 1))}`;
}

// Loaded only for a terminal: JSON runs (scripts, CI, the benchmark) leave it out of memory.
export async function ttyReporter(): Promise<Reporter> {
  const { default: cliProgress } = await import("cli-progress");
  const bars = new cliProgress.MultiBar(
    {
      format: "{name} {bar} {pct} {bytes} {speed} {left} {state}",
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      autopadding: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const lines = new Map<Job, Line>();
  const update = (job: Job, value: number | null, payload: Record<string, string>) => {
    const line = lines.get(job);
    if (!line) return;
    if (value === null) line.bar.update(payload);
    else line.bar.update(value, payload);
  };

  return {
    start(job) {
      const total = job.kind === "file" ? job.file.size : 1;
      const bar = bars.create(total, 0, {
        name: shorten(job.label),
        pct: "  0.0%",
        bytes: job.kind === "file" ? `0 B/${formatBytes(total)}` : "",
        speed: "",
        left: "",
        state: job.kind === "file" ? "starting" : "importing",
      });
      lines.set(job, { bar, total });
    },
    event(job, event) {
      const state = describe(event);
      if (event.type === "progress") {
        update(job, event.loaded, {
          pct: `${event.percent.toFixed(1).padStart(5)}%`,
          bytes: `${formatBytes(event.loaded)}/${formatBytes(event.total)}`,
          speed: event.bytesPerSecond > 0 ? `${formatBytes(event.bytesPerSecond)}/s` : "",
          left: `ETA ${formatDuration(event.etaSeconds)}`,
          state: "uploading",
        });
      } else if (state) {
        const full =
          event.type === "uploaded" || event.type === "imported" || event.type === "status";
        update(job, full ? (lines.get(job)?.total ?? null) : null, {
          state,
          ...(full ? { left: "" } : {}),
        });
      }
    },
    end(job, outcome) {
      update(job, null, { state: outcome.status + (outcome.videoId ? ` ${outcome.videoId}` : "") });
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

function describe(event: JobEvent): string | null {
  switch (event.type) {
    case "ticket":
      return event.attempt > 1 ? `attempt ${event.attempt}` : "uploading";
    case "finishing":
      return "finishing";
    case "retrying":
      return `retry in ${Math.ceil(event.delayMs / 1000)} s: ${event.reason}`;
    case "uploaded":
      return "uploaded";
    case "imported":
      return "importing on VdoCipher";
    case "status":
      return event.status;
    default:
      return null;
  }
}
