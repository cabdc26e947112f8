import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DEFAULT_CREATOR, DEFAULT_CREATOR_PASSWORD } from "@/lib/auth/creators";
import { safeNextPath } from "@/lib/auth/next-path";
import { getSession } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const target = safeNextPath(typeof next === "string" ? next : undefined);
  if (await getSession()) redirect(target);
  const { auth } = env();

  return (
    <div className="mx-auto max-w-sm space-y-6 py-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          Creators sign in to upload and manage videos.
        </p>
      </div>
      {auth.defaultCreator && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Sandbox account: <strong>{DEFAULT_CREATOR.email}</strong> with password{" "}
          <strong>{DEFAULT_CREATOR_PASSWORD}</strong>. Set <code>CIPHERDROP_CREATORS</code> to use
          your own accounts.
        </p>
      )}
      <SignInForm next={target} />
    </div>
  );
}
