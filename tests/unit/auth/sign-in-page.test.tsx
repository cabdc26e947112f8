import { isValidElement, type ReactElement } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import SignInPage from "@/app/sign-in/page";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { sessionCookie } from "./helpers";

// The page reads the session cookie through next/headers, which only exists inside a Next request.
const jar = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === "cipherdrop_session" && jar.token ? { name, value: jar.token } : undefined,
  }),
}));

const APP = "https://videos.example.com";

async function render(next: string) {
  return SignInPage({ searchParams: Promise.resolve({ next }) });
}

// Next's redirect() throws an error whose digest is `NEXT_REDIRECT;<type>;<url>;<status>;`.
async function redirectTarget(next: string): Promise<string> {
  const error: unknown = await render(next).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  const digest = (error as { digest?: string } | undefined)?.digest ?? "";
  expect(digest).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(";")[2]!;
}

// The form the page renders (its only client component), whose `next` is where the browser goes.
function formTarget(tree: ReactElement): string {
  const children = (tree.props as { children: unknown[] }).children;
  const form = children.find(
    (child): child is ReactElement<{ next: string }> =>
      isValidElement(child) && typeof (child.props as { next?: unknown }).next === "string",
  );
  return form!.props.next;
}

const PAYLOADS = [
  "/..//evil.com",
  "/a/..//evil.com/x",
  "/\\evil.com",
  "/\t/evil.com",
  "//evil.com",
  "https:evil.com",
  "javascript:alert(1)",
];

describe("/sign-in?next=", () => {
  beforeEach(() => {
    jar.token = undefined;
  });

  it.each(PAYLOADS)("a signed-in creator is redirected on the site for %j", async (next) => {
    jar.token = (await sessionCookie()).slice(SESSION_COOKIE.length + 1);
    const target = await redirectTarget(next);
    expect(target).toBe("/");
    expect(new URL(target, APP).origin).toBe(APP);
  });

  it.each(PAYLOADS)("the form is sent on the site after sign-in for %j", async (next) => {
    const target = formTarget(await render(next));
    expect(target).toBe("/");
  });

  it("still honours a path on the site", async () => {
    expect(formTarget(await render("/?q=holiday"))).toBe("/?q=holiday");
    jar.token = (await sessionCookie()).slice(SESSION_COOKIE.length + 1);
    expect(await redirectTarget("/?q=holiday")).toBe("/?q=holiday");
  });
});
