// Writing Wasm binaries by hand, for the build's steps that edit or make modules
// (scripts/build/split.mjs's packs, scripts/build/wasm-opt.mjs's import names).

/** Unsigned LEB128, as Wasm section and name sizes are written. */
export function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}
