import "server-only";
import { env, EnvError } from "@/lib/env";

// Imported once when the Node.js server boots, so a production deploy without its secret fails at
// start with a message naming the variable instead of on the first request.
try {
  env();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`\n[cipherdrop] ${error.message}\n`);
  process.exit(1);
}
