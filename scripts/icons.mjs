#!/usr/bin/env node
// Renders the app's PNG icons from their SVG sources in public/icons/ with resvg (a Rust
// rasteriser shipped as an npm binary). The PNGs are committed; run this after changing an
// SVG. `--check` renders in memory and fails if a committed PNG differs.
// The maskable SVG keeps the mark inside the central 80 % circle and fills the whole square,
// because launchers crop it to their own shape.
import { Resvg } from "@resvg/resvg-js";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "public", "icons");
const OUTPUTS = [
  ["icon.svg", 192, "icon-192.png"],
  ["icon.svg", 512, "icon-512.png"],
  ["icon-maskable.svg", 192, "icon-maskable-192.png"],
  ["icon-maskable.svg", 512, "icon-maskable-512.png"],
];
const check = process.argv.includes("--check");
let stale = 0;
for (const [source, size, target] of OUTPUTS) {
  const svg = await readFile(join(dir, source), "utf8");
  const png = new Resvg(svg, { fitTo: { mode: "width", value: size } }).render().asPng();
  if (check) {
    const committed = await readFile(join(dir, target)).catch(() => null);
    if (!committed || !committed.equals(png)) {
      console.error(`icons: ${target} does not match ${source}; run node scripts/icons.mjs`);
      stale += 1;
    }
  } else {
    await writeFile(join(dir, target), png);
    console.log(`icons: ${target} (${size}x${size}, ${png.length} bytes)`);
  }
}
process.exit(stale ? 1 : 0);
