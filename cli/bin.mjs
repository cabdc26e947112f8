#!/usr/bin/env node
// `npm run upload -- …` and `npx cipherdrop-upload …`: the command-line uploader (cli/upload.ts),
// compiled on first use and after changes (cli/build.mjs), then run in this process.
import { pathToFileURL } from "node:url";
import { ensureBuilt, projectDir } from "./build.mjs";

try {
  const { main } = await import(pathToFileURL(await ensureBuilt()).href);
  process.exitCode = await main(projectDir);
} catch (error) {
  process.stderr.write(`cipherdrop-upload: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
}
