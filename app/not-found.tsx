export default function NotFound() {
  return (
    <section className="mx-auto max-w-md space-y-4 py-16 text-center">
      <p className="text-sm font-medium text-brand-600 dark:text-brand-400">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        There is nothing at this address. The link may be mistyped, or the video was deleted.
      </p>
      {/* A full load is right here: next/link would add client code to every route's first load. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/" className="inline-block text-brand-600 underline dark:text-brand-400">
        Go to the studio
      </a>
    </section>
  );
}
