export function RateLimitedMessage({ retryAfterSeconds }: { retryAfterSeconds: number }) {
  return (
    <section role="alert" className="mx-auto max-w-md space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Too many requests</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Too many videos were opened from your network just now. Please try again in{" "}
        {Math.max(1, Math.ceil(retryAfterSeconds))} s.
      </p>
      {/* A plain link reloads this page, for a new answer from the server. */}
      <a href="" className="btn-primary inline-block">
        Try again
      </a>
    </section>
  );
}
