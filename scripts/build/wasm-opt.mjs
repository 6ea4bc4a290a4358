#!/usr/bin/env node
// `wasm-opt -Oz` on every module given, in one process: binaryen 132 from npm (the
// version pinned for this project; Debian's 108 silently breaks Rust 1.95+ output) is
// binaryen compiled to Wasm, whose start-up costs seconds per CLI call, and the split
// build has hundreds of small modules.
// Usage: node scripts/build/wasm-opt.mjs file.wasm ...
import binaryen from "binaryen";
import { readFileSync, writeFileSync } from "node:fs";

const F = binaryen.Features;
// The features wasm-opt 132 enables by default, which rustc's wasm32 output and
// wasm-bindgen's externref table use: what every current browser supports.
const FEATURES = F.MVP | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.SignExt |
  F.MutableGlobals | F.ReferenceTypes | F.Multivalue | F.CallIndirectOverlong;
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
// MVP_WASM_NAMES=1 keeps the function names (for a profile of a release build; larger).
if (process.env.MVP_WASM_NAMES) binaryen.setDebugInfo(true);

let before = 0;
let after = 0;
for (const file of process.argv.slice(2)) {
  const input = readFileSync(file);
  const module = binaryen.readBinary(input);
  module.setFeatures(FEATURES);
  module.optimize();
  if (!module.validate()) throw new Error(`wasm-opt.mjs: ${file} does not validate after optimising`);
  const output = module.emitBinary();
  module.dispose();
  writeFileSync(file, output);
  before += input.length;
  after += output.length;
}
console.log(`wasm-opt.mjs: ${process.argv.length - 2} modules, ${before} -> ${after} bytes (-Oz)`);
