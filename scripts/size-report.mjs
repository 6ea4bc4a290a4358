#!/usr/bin/env node
// Prints raw, gzip and brotli bytes of every file in a built site, and the brotli total
// of what the home page loads (HTML, CSS, JS loader, main Wasm module, chunk loader and the
// English text file) against the 200 KB budget.
// Usage: node scripts/size-report.mjs [dist]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const BUDGET = 200 * 1000;
const dir = process.argv[2] ?? "dist";

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const rows = walk(dir).map((file) => {
  const raw = readFileSync(file);
  return {
    file: relative(dir, file),
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
rows.sort((a, b) => b.br - a.br);

const html = readFileSync(join(dir, "index.html"), "utf8");
const referenced = new Set(
  [...html.matchAll(/(?:href|src)=["']?([^"'\s>]+)/g), ...html.matchAll(/from\s+['"]([^'"]+)['"]/g), ...html.matchAll(/module_or_path:\s*['"]([^'"]+)['"]/g)]
    .map((m) => m[1].replace(/^.*\//, "")),
);
// The split build's loader script fetches the main module and its glue (the full app's,
// not the widgets' in pkg-<hash>/widget/) and the reader's language file (the chunk
// loader comes with the first lazy page); English stands for it here. A page's own chunks come on top:
// scripts/bench-routes.mjs measures each route in Chromium.
const base = (f) => f.replace(/^.*\//, "");
const alsoLoaded = (f) => /^pkg-[^/]+\/(main\.js|main_bg\.wasm|text\/en\.json)$/.test(f);
const firstLoad = rows.filter(
  (r) => r.file === "index.html" || alsoLoaded(r.file) || (referenced.has(base(r.file)) && /\.(js|wasm|css)$/.test(r.file)),
);

const fmt = (n) => n.toLocaleString("en-US").padStart(10);
console.log(`${"file".padEnd(48)} ${"raw".padStart(10)} ${"gzip".padStart(10)} ${"brotli".padStart(10)}  first load`);
for (const r of rows) {
  console.log(`${r.file.padEnd(48)} ${fmt(r.raw)} ${fmt(r.gzip)} ${fmt(r.br)}  ${firstLoad.includes(r) ? "yes" : ""}`);
}
const sum = (key, list) => list.reduce((n, r) => n + r[key], 0);
console.log(`${"all files".padEnd(48)} ${fmt(sum("raw", rows))} ${fmt(sum("gzip", rows))} ${fmt(sum("br", rows))}`);
console.log(`${"home page first load".padEnd(48)} ${fmt(sum("raw", firstLoad))} ${fmt(sum("gzip", firstLoad))} ${fmt(sum("br", firstLoad))}`);
const total = sum("br", firstLoad);
const share = ((100 * total) / BUDGET).toFixed(1);
console.log(`\nFirst load (brotli): ${total.toLocaleString("en-US")} bytes of a ${BUDGET.toLocaleString("en-US")}-byte budget (${share}%): ${total <= BUDGET ? "within budget" : "OVER BUDGET"}`);
if (!firstLoad.some((r) => r.file.endsWith(".wasm"))) {
  console.error("warning: no .wasm file is referenced by index.html; is this a Trunk build?");
  process.exitCode = 1;
}
