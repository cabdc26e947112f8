const BASE = "http://cipherdrop.invalid";

// Browsers drop tabs and newlines from URLs, read `\` as `/` and resolve `..`, so `/a/..//evil.com`
// is a protocol-relative link to evil.com. The raw string proves nothing: only the path as a browser
// resolves it, which is also what we return, is checked.
function sameSitePath(target: string): boolean {
  if (!target.startsWith("/") || /^\/[/\\]/.test(target)) return false;
  try {
    return new URL(target, BASE).origin === BASE;
  } catch {
    return false;
  }
}

/** Where to go after signing in: a path on this site only, so `?next=` cannot send a creator elsewhere. */
export function safeNextPath(next: string | null | undefined, fallback = "/"): string {
  if (!next || !sameSitePath(next)) return fallback;
  const url = new URL(next, BASE);
  const target = `${url.pathname}${url.search}${url.hash}`;
  if (!sameSitePath(target) || url.pathname.startsWith("/sign-in")) return fallback;
  return target;
}

export function signInPath(next: string) {
  const target = safeNextPath(next);
  return target === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(target)}`;
}
