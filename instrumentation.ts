// Validates the configuration when the server boots, so a production deploy without its secret fails at
// start with a message naming the variable instead of on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { env, EnvError } = await import("@/lib/env");
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n[cipherdrop] ${error.message}\n`);
    process.exit(1);
  }
}
