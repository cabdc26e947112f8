export async function register() {
  // The check needs Node.js; `next build` loads this file too, with no runtime secrets yet.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  await import("@/lib/startup-check");
}
