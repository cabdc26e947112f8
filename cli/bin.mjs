#!/usr/bin/env node
// `npx cipherdrop-upload …`: runs cli/upload.ts through tsx in a child Node process. The child gets
// the "react-server" condition, under which `server-only` resolves to its empty module: this is a
// server process holding the API secret, exactly what that guard admits. Ctrl-C reaches the child
// through the terminal's process group; a signal sent to this wrapper alone is passed on.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("./upload.ts", import.meta.url));
// Resolved from here, not from the caller's directory, so the command works from anywhere.
const tsx = import.meta.resolve("tsx");
const tsconfig = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
const child = spawn(
  process.execPath,
  ["--conditions", "react-server", "--import", tsx, entry, ...process.argv.slice(2)],
  { stdio: "inherit", env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig } },
);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}

child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal === "SIGINT" ? 130 : 1);
});
