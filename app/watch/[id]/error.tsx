"use client";

// An upstream outage must not look like a missing video: say so and offer a retry.
export default function WatchError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section role="alert" className="mx-auto max-w-md space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">The video could not be loaded</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        The video service did not answer in time. Please try again in a moment.
      </p>
      <button type="button" className="btn-primary" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
