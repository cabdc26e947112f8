import { SignOutButton } from "@/components/auth/sign-out-button";
import { getSession } from "@/lib/auth/session";

export async function SiteHeader() {
  const session = await getSession();
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        {/* next/link's client code would weigh on every page's first load for one plain link. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden
            className="inline-block size-6 rounded-md bg-gradient-to-br from-brand-500 to-fuchsia-500"
          />
          Cipherdrop
        </a>
        {session && (
          <div className="flex min-w-0 items-center gap-3 text-sm">
            <span className="hidden truncate text-zinc-600 sm:inline dark:text-zinc-400">
              {session.email}
            </span>
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}
