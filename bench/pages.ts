// P5: first-load JS of the studio and watch pages, gzipped, from the production build's manifests.
//
// Next 16 (Turbopack) no longer prints per-route sizes, so this reads what the HTML would load: the
// root main files of build-manifest.json plus every entry chunk the route's client reference
// manifest lists (layout, not-found, error boundaries, page). Polyfills are left out, as Next did:
// they are `nomodule` scripts that modern browsers skip.
//
//   npm run bench:pages               # next build (under the shared build lock), then measure
//   npm run bench:pages -- --no-build # measure the existing .next
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const LIMIT_BYTES = 150_000;
const ROUTES = [
  { route: "/", manifest: "server/app/(studio)/page_client-reference-manifest.js" },
  { route: "/watch/[id]", manifest: "server/app/watch/[id]/page_client-reference-manifest.js" },
];

const args = process.argv.slice(2);
const distDir = join(process.cwd(), ".next");

if (!args.includes("--no-build")) {
  const build = spawnSync("flock", ["/tmp/cipherdrop-build.lock", "npx", "next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

type RscManifest = Record<string, { entryJSFiles?: Record<string, string[]> }>;

function entryFiles(manifestPath: string): string[] {
  const context: { __RSC_MANIFEST?: RscManifest } & Record<string, unknown> = {};
  context.globalThis = context;
  context.self = context;
  runInNewContext(readFileSync(join(distDir, manifestPath), "utf8"), context);
  const files = Object.values(context.__RSC_MANIFEST ?? {}).flatMap((entry) =>
    Object.values(entry.entryJSFiles ?? {}).flat(),
  );
  if (files.length === 0) throw new Error(`No entry chunks in ${manifestPath}`);
  return files;
}

const buildManifest = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
};
const gzipped = new Map<string, number>();
const gzipSize = (file: string) => {
  let size = gzipped.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
    gzipped.set(file, size);
  }
  return size;
};

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
let failed = false;
console.log(`\nFirst-load JS, gzipped (target ≤ ${kB(LIMIT_BYTES)} per route)\n`);
for (const { route, manifest } of ROUTES) {
  const files = [...new Set([...buildManifest.rootMainFiles, ...entryFiles(manifest)])];
  const total = files.reduce((sum, file) => sum + gzipSize(file), 0);
  const ok = total <= LIMIT_BYTES;
  failed ||= !ok;
  console.log(
    `${route.padEnd(14)} ${kB(total).padStart(10)}  ${ok ? "ok" : "OVER"}  (${files.length} files)`,
  );
  if (args.includes("--verbose")) {
    for (const file of files) console.log(`    ${kB(gzipSize(file)).padStart(9)}  ${file}`);
  }
}
process.exit(failed ? 1 : 0);
