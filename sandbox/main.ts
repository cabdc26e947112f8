// `npm run sandbox`: the local VdoCipher API v3 + S3 stand-in, configured by SANDBOX_* variables.
import { optionsFromEnv } from "./config";
import { startSandbox } from "./server";

const sandbox = await startSandbox(optionsFromEnv(process.env)).catch((error: unknown) => {
  console.error(
    `[sandbox] failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});

console.log(`sandbox listening on ${sandbox.url}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().finally(() => process.exit(0));
  });
}
