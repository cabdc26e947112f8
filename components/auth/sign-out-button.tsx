"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { activeUploadCount, cancelAllUploads } from "@/lib/upload/active-uploads";

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function signOut() {
    const uploading = activeUploadCount();
    const question =
      uploading === 1
        ? "An upload is in progress. Signing out cancels it. Sign out anyway?"
        : `${uploading} uploads are in progress. Signing out cancels them. Sign out anyway?`;
    if (uploading > 0 && !window.confirm(question)) return;
    setPending(true);
    // While the session still exists, so the cancelled uploads' empty videos can be deleted.
    await cancelAllUploads();
    await fetch("/api/session", { method: "DELETE" }).catch(() => undefined);
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <button
      type="button"
      onClick={signOut}
      disabled={pending}
      className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      Sign out
    </button>
  );
}
