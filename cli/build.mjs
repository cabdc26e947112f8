// Compiles cli/upload.ts and what it imports into one ES module under node_modules/.cache, rebuilt
// only when a source file changed. Running the result with plain Node keeps the uploader lean: a
// TypeScript loader (tsx) alone would add ~50 MB to every run.
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectDir = fileURLToPath(new URL("..", import.meta.url));
const outDir = path.join(projectDir, "node_modules", ".cache", "cipherdrop-cli");
const bundle = path.join(outDir, "upload.mjs");
const inputsFile = path.join(outDir, "inputs.json");

async function upToDate() {
  try {
    const built = (await stat(bundle)).mtimeMs;
    const inputs = JSON.parse(await readFile(inputsFile, "utf8"));
    const times = await Promise.all(
      inputs.map(async (input) => (await stat(path.join(projectDir, input))).mtimeMs),
    );
    return times.every((time) => time <= built);
  } catch {
    return false;
  }
}

/** The path of a current bundle, building it first when needed. */
export async function ensureBuilt() {
  if (await upToDate()) return bundle;
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    throw new Error(
      "The uploader needs building, and esbuild is missing: run `npm install` in the project first.",
    );
  }
  await mkdir(outDir, { recursive: true });
  const temp = `${bundle}.${process.pid}.tmp`;
  const result = await esbuild.build({
    entryPoints: [path.join(projectDir, "cli", "upload.ts")],
    outfile: temp,
    absWorkingDir: projectDir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Dependencies stay in node_modules; only our own code is compiled in.
    packages: "external",
    // This bundle is a server process holding the API secret, the very thing `server-only` admits;
    // the marker is resolved to its empty module here as Next does for server code.
    alias: { "server-only": "./node_modules/server-only/empty.js" },
    tsconfig: path.join(projectDir, "tsconfig.json"),
    metafile: true,
    logLevel: "warning",
  });
  const inputs = Object.keys(result.metafile.inputs);
  // Written before the bundle lands, so a bundle never looks fresher than inputs it was not built from.
  await writeFile(inputsFile, JSON.stringify(inputs));
  await rename(temp, bundle);
  return bundle;
}
