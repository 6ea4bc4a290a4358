#!/usr/bin/env node
// `wasm-opt -Oz` on every module given, in one process: binaryen 132 from npm (the
// version pinned for this project; Debian's 108 silently breaks Rust 1.95+ output) is
// binaryen compiled to Wasm, whose start-up costs seconds per CLI call, and the split
// build has hundreds of small modules.
// Usage: node scripts/build/wasm-opt.mjs file.wasm ...
//
// A main module's imports from its glue get short names (`shortenImports`). Before
// optimising a main module (`main_bg.wasm`), it drops the exports of wasm-streams'
// three classes (IntoUnderlyingSource, IntoUnderlyingSink, IntoUnderlyingByteSource) and
// their classes in the glue (`main.js` beside it). leptos's server functions bring the
// crate in; this app has no server, and nothing in it ever makes one of these objects
// (the glue has no `__wrap` for them, checked below). Exported, their code and what it
// calls stayed in every page's first download: 1 KB of brotli.
import binaryen from "binaryen";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { leb } from "../lib/wasm.mjs";

/**
 * `wasm` (a main module's bytes) with short names for its imports from the glue
 * (`./main_bg.js`), and the glue's import object renamed to match. wasm-bindgen names
 * each of them after the JS function plus a 16-digit hash (`__wbg_set_title_<hash>`):
 * 280 names of 38 bytes on average, written twice (in the module and in the glue), whose
 * hashes no compression can shrink. Nothing else uses these names: the chunks import only
 * from the main module (`__wasm_split`).
 */
function shortenImports(wasm, glue) {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  let i = 8;
  const readLeb = () => {
    let value = 0, shift = 0, byte;
    do { byte = wasm[i++]; value |= (byte & 127) << shift; shift += 7; } while (byte & 128);
    return value >>> 0;
  };
  const readName = () => {
    const n = readLeb();
    const s = dec.decode(wasm.subarray(i, i + n));
    i += n;
    return s;
  };
  const name = (s) => { const b = enc.encode(s); return [...leb(b.length), ...b]; };
  const parts = [wasm.subarray(0, 8)];
  const renamed = new Map();
  while (i < wasm.length) {
    const start = i;
    const id = wasm[i++];
    const size = readLeb();
    const end = i + size;
    if (id !== 2) {
      parts.push(wasm.subarray(start, end));
      i = end;
      continue;
    }
    const count = readLeb();
    const body = [...leb(count)];
    for (let k = 0; k < count; k++) {
      const module = readName();
      let field = readName();
      const descStart = i;
      const kind = wasm[i++];
      if (kind === 0) readLeb();
      else if (kind === 1) { i++; const flags = readLeb(); readLeb(); if (flags & 1) readLeb(); }
      else if (kind === 2) { const flags = readLeb(); readLeb(); if (flags & 1) readLeb(); }
      else if (kind === 3) i += 2;
      else throw new Error(`wasm-opt.mjs: import kind ${kind} in a main module`);
      if (module === "./main_bg.js") {
        if (kind !== 0) throw new Error(`wasm-opt.mjs: ${field} from the glue is not a function`);
        const short = renamed.get(field) ?? "w" + renamed.size.toString(36);
        renamed.set(field, short);
        field = short;
      }
      body.push(...name(module), ...name(field), ...wasm.subarray(descStart, i));
    }
    if (i !== end) throw new Error("wasm-opt.mjs: the import section did not read to its end");
    parts.push(Uint8Array.from([2, ...leb(body.length), ...body]));
  }
  let js = glue;
  for (const [long, short] of renamed) {
    const key = `\n        ${long}: `;
    if (js.split(key).length !== 2) {
      throw new Error(`wasm-opt.mjs: the glue's import object has not exactly one ${long} (wasm-bindgen 0.2.130)`);
    }
    js = js.replace(key, `\n        ${short}: `);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { wasm: out, glue: js };
}

const UNUSED_EXPORT = /^(__wbg_)?intounderlying(bytesource|sink|source)_/;
const UNUSED_CLASS = "IntoUnderlying(?:ByteSource|Sink|Source)";

/** The glue without the unused classes; refuses a glue where they could be made. */
function dropUnusedClasses(js) {
  if (new RegExp(`${UNUSED_CLASS}\\.__wrap|intounderlying\\w*_new`).test(js)) {
    throw new Error("wasm-opt.mjs: the Wasm can make an IntoUnderlying* object; its exports are needed");
  }
  const out = js
    .replace(new RegExp(`export class (${UNUSED_CLASS}) \\{\\n[\\s\\S]*?\\n\\}\\nif \\(Symbol\\.dispose\\) \\1\\.prototype\\[Symbol\\.dispose\\] = \\1\\.prototype\\.free;\\n`, "g"), "")
    .replace(new RegExp(`const ${UNUSED_CLASS}Finalization = [^;]*;\\n`, "g"), "");
  if (out.includes("IntoUnderlying") || out.includes("intounderlying")) {
    throw new Error("wasm-opt.mjs: the glue's IntoUnderlying* classes are not in the expected shape (wasm-bindgen 0.2.130)");
  }
  return out;
}

const F = binaryen.Features;
// The features wasm-opt 132 enables by default, which rustc's wasm32 output and
// wasm-bindgen's externref table use: what every current browser supports.
const FEATURES = F.MVP | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.SignExt |
  F.MutableGlobals | F.ReferenceTypes | F.Multivalue | F.CallIndirectOverlong;
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
// --low-memory-unused: the optimiser may assume no address below 1,024 is used, and fold
// more address arithmetic into load and store offsets (main module -940 bytes of brotli).
// Rust's wasm32 layout puts the 1 MB stack first, growing down towards 0, and the data
// after it: the lowest kilobyte is reached only by a stack one kilobyte short of overflow.
binaryen.setLowMemoryUnused(true);
// MVP_WASM_NAMES=1 keeps the function names (for a profile of a release build; larger).
if (process.env.MVP_WASM_NAMES) binaryen.setDebugInfo(true);

let before = 0;
let after = 0;
for (const file of process.argv.slice(2)) {
  const input = readFileSync(file);
  const module = binaryen.readBinary(input);
  module.setFeatures(FEATURES);
  const glue = join(dirname(file), "main.js");
  if (basename(file) === "main_bg.wasm" && existsSync(glue)) {
    const names = [];
    for (let i = 0; i < module.getNumExports(); i++) names.push(binaryen.getExportInfo(module.getExportByIndex(i)).name);
    const unused = names.filter((n) => UNUSED_EXPORT.test(n));
    if (unused.length) {
      writeFileSync(glue, dropUnusedClasses(readFileSync(glue, "utf8")));
      unused.forEach((n) => module.removeExport(n));
    }
  }
  module.optimize();
  if (!module.validate()) throw new Error(`wasm-opt.mjs: ${file} does not validate after optimising`);
  let output = module.emitBinary();
  module.dispose();
  // A profile's build (MVP_WASM_NAMES) keeps the glue's names too.
  if (basename(file) === "main_bg.wasm" && existsSync(glue) && !process.env.MVP_WASM_NAMES) {
    const short = shortenImports(output, readFileSync(glue, "utf8"));
    output = short.wasm;
    writeFileSync(glue, short.glue);
  }
  writeFileSync(file, output);
  before += input.length;
  after += output.length;
}
console.log(`wasm-opt.mjs: ${process.argv.length - 2} modules, ${before} -> ${after} bytes (-Oz)`);
