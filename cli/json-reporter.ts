import type { Job, JobEvent, Outcome } from "./run-jobs";

// Machine-readable output: one JSON object per line on stdout, each with an `event` and the `file`
// (path or URL) it concerns, ending with a `summary` line.

export type Reporter = {
  start(job: Job): void;
  event(job: Job, event: JobEvent): void;
  end(job: Job, outcome: Outcome): void;
  /** Refusals found before any request, one message each. */
  rejected(messages: readonly string[]): void;
  note(message: string): void;
  finish(outcomes: readonly Outcome[], ok: boolean): void;
};

// Progress comes many times a second; one line a second per file is plenty for a consumer.
const PROGRESS_EVERY_MS = 1000;

export function jsonReporter(
  write: (line: string) => void = (line) => process.stdout.write(line),
): Reporter {
  const emit = (record: Record<string, unknown>) => write(`${JSON.stringify(record)}\n`);
  const lastProgress = new Map<string, number>();

  return {
    start: (job) => emit({ event: "start", file: job.label, kind: job.kind }),
    event(job, event) {
      const { type, ...rest } = event;
      if (event.type === "progress") {
        const now = performance.now();
        const last = lastProgress.get(job.label);
        if (event.loaded < event.total && last !== undefined && now - last < PROGRESS_EVERY_MS)
          return;
        lastProgress.set(job.label, now);
      }
      if (event.type === "retrying") {
        return emit({
          event: type,
          file: job.label,
          attempt: event.attempt,
          delayMs: event.delayMs,
          reason: event.reason,
        });
      }
      emit({ event: type, file: job.label, ...rest });
    },
    end: (_job, outcome) => emit({ event: "end", ...outcomeRecord(outcome) }),
    rejected: (messages) => messages.forEach((message) => emit({ event: "rejected", message })),
    note: (message) => emit({ event: "note", message }),
    finish: (outcomes, ok) => emit({ event: "summary", ok, results: outcomes.map(outcomeRecord) }),
  };
}

function outcomeRecord(outcome: Outcome) {
  return {
    file: outcome.label,
    videoId: outcome.videoId,
    status: outcome.status,
    reason: outcome.reason ?? null,
    seconds: Math.round(outcome.seconds * 10) / 10,
    videoSeconds: outcome.videoSeconds,
  };
}
