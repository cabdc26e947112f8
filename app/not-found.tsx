import Link from "next/link";

export default function NotFound() {
  return (
    <section className="mx-auto max-w-md space-y-4 py-16 text-center">
      <p className="text-sm font-medium text-brand-600 dark:text-brand-400">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        There is nothing at this address. The link may be mistyped, or the video was deleted.
      </p>
      <Link href="/" className="inline-block text-brand-600 underline dark:text-brand-400">
        Go to the studio
      </Link>
    </section>
  );
}
