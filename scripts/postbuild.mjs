#!/usr/bin/env node
// Trunk `post_build` hook: runs after Trunk has written the whole site into its staging
// folder and before it becomes dist/. Each step is a module in scripts/build/ exporting
// `run(dir, ctx)`; they run in this order because each works on the files the previous
// one left (the split step renames the per-build folder, the security step hashes the
// final inline scripts, the service worker precaches the final files).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const STEPS = ["split", "security", "pwa"];

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error("postbuild: no TRUNK_STAGING_DIR and no folder given");
  process.exit(1);
}
const ctx = {
  publicUrl: process.env.TRUNK_PUBLIC_URL || "/",
  profile: process.env.TRUNK_PROFILE || "release",
  sourceDir: process.env.TRUNK_SOURCE_DIR || process.cwd(),
};
for (const step of STEPS) {
  const file = join(here, "build", `${step}.mjs`);
  if (!existsSync(file)) continue;
  const mod = await import(pathToFileURL(file).href);
  await mod.run(dir, ctx);
}
