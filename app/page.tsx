export default function HomePage() {
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Studio</h1>
      <p className="max-w-prose text-zinc-600 dark:text-zinc-400">
        Upload videos straight to VdoCipher, watch them process, and share them.
      </p>
    </section>
  );
}
