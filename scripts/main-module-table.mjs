#!/usr/bin/env node
// What the main Wasm module holds, by crate: runs `twiggy top` (cargo install twiggy) on
// the splitter's main module (target/split/mvp-pathway/main.wasm; target/split/widget/main.wasm for the widgets, names kept, before wasm-bindgen and
// wasm-opt) and prints a Markdown table of code and data bytes per crate. The sizes are
// before optimisation: compare shares, not totals, with the shipped file.
// Usage: node scripts/main-module-table.mjs [target/split/mvp-pathway/main.wasm | saved.csv] [rows]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "target/split/mvp-pathway/main.wasm";
const rows = Number(process.argv[3] ?? 20);
// A .csv argument is a saved `twiggy top -f csv` output (to compare with an older build).
const csv = file.endsWith(".csv") ? readFileSync(file, "utf8") : execFileSync("twiggy", ["top", "-n", "1000000", "-f", "csv", file], { encoding: "utf8", maxBuffer: 1 << 28 });
const STD = new Set(["core", "alloc", "std", "impl"]);
const totals = new Map();
for (const line of csv.split("\n").slice(1)) {
  const m = line.match(/^(?:"((?:[^"]|"")*)"|([^,]*)),(\d+),/);
  if (!m) continue;
  const name = (m[1] ?? m[2]).replaceAll('""', '"');
  const size = Number(m[3]);
  // wasm-bindgen's describe functions and custom sections never reach the shipped file.
  if (/^"function names"|^custom section|wbindgen_describe|describe::|^import /.test(name)) continue;
  let crate = "data segments";
  if (!name.startsWith("data segment")) {
    const crates = [...name.matchAll(/(?:^|[<\s&(,*])([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/g)].map((c) => c[1]);
    crate = crates.find((c) => !STD.has(c)) ?? (crates[0] ? `${crates[0]} (std)` : "other");
  }
  totals.set(crate, (totals.get(crate) ?? 0) + size);
}
const all = [...totals.values()].reduce((a, b) => a + b, 0);
console.log(`| crate | bytes (before wasm-opt) | share |\n|---|---:|---:|`);
for (const [crate, size] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
  console.log(`| ${crate} | ${size.toLocaleString("en-US")} | ${((100 * size) / all).toFixed(1)} % |`);
}
console.log(`| all | ${all.toLocaleString("en-US")} | 100 % |`);
