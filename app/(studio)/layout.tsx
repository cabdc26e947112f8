import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { signInPath } from "@/lib/auth/next-path";
import { getSession } from "@/lib/auth/session";
import { REQUEST_PATH_HEADER } from "@/lib/security-headers";

// Every studio page needs a signed-in creator; the API routes check again on their own.
export default async function StudioLayout({ children }: { children: ReactNode }) {
  if (!(await getSession())) {
    redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER) ?? "/"));
  }
  return children;
}
