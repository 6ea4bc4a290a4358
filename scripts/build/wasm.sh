#!/usr/bin/env bash
# Trunk `pre_build` hook: builds the app's Wasm into target/pkg/, which index.html copies
# into the site (Trunk's own Rust step is skipped: it cannot split, trunk-rs/trunk#1022).
#
# Release (trunk build --release): the split build.
#   1. cargo build of the wasm32 binary with the linker's relocations kept (MVP_SPLIT=1
#      makes build.rs add --emit-relocs to the final link only), std built with it so that
#      panics abort at once;
#   2. wasm-split-cli cuts it into main.wasm plus one module per lazy route and chunks of
#      shared code, and writes the loader __wasm_split.js; the same again for the widgets'
#      binary (src/bin/widget.rs), into widget/;
#   3. wasm-bindgen --keep-lld-exports (the chunks call into the main module's table);
#   4. wasm-opt -Oz on every module.
# Debug (trunk serve, trunk build): one module with the `eager` feature, no splitter.
# Both copy the per-language text and FAQ files made by build.rs into target/pkg/text/.
# scripts/build/split.mjs (post_build) then moves target/pkg to a content-hashed folder.
#
# Tool versions are pinned together (see ARCHITECTURE.md, "Split build"): the splitter,
# wasm_split_helpers (via leptos), the wasm-bindgen crate and CLI, and binaryen.
set -euo pipefail
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/../..}"

BIN=mvp-pathway
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
PKG=target/pkg
PROFILE="${TRUNK_PROFILE:-release}"

# The tools must be the versions pinned together; a mismatch can build cleanly and then
# fail at run time (see ARCHITECTURE.md), so refuse it here.
WANT_BINDGEN="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)"
have_bindgen="$(wasm-bindgen --version | awk '{print $2}')"
[ "$have_bindgen" = "$WANT_BINDGEN" ] || {
  echo "wasm.sh: wasm-bindgen $have_bindgen found, $WANT_BINDGEN needed (scripts/setup.sh installs it)" >&2; exit 1; }
wasm-opt --version | grep -q "version 132" || {
  echo "wasm.sh: wasm-opt 132 (npm binaryen) needed, found: $(wasm-opt --version)" >&2; exit 1; }

rm -rf "$PKG" "$TARGET_DIR/split"
mkdir -p "$PKG/text" "$TARGET_DIR/split"

if [ "$PROFILE" = release ]; then
  # The standard library is built again with the app (-Zbuild-std, from the toolchain's
  # rust-src, which scripts/setup.sh installs) so that a panic is one `unreachable`
  # instruction (panic = "immediate-abort"): no panic messages, formatting or locations in
  # any module. Release builds get no panic hook anyway (panic = "abort" printed nothing),
  # so nothing a person sees changes. Home 187,542 -> 170,641 bytes on the wire
  # (ARCHITECTURE.md, "Split build"). Both flags are unstable; RUSTC_BOOTSTRAP lets the
  # stable toolchain take them, for this one command only.
  RUSTC_BOOTSTRAP=1 MVP_SPLIT=1 cargo -Zbuild-std=std,panic_abort -Zpanic-immediate-abort \
    build --release --config 'profile.release.panic="immediate-abort"' \
    --target wasm32-unknown-unknown --bin "$BIN" --bin widget \
    --message-format=json-render-diagnostics >"$TARGET_DIR/split/cargo.json"
  # Each binary split on its own: the full app into $PKG, the widgets (src/bin/widget.rs)
  # into $PKG/widget/, each with its main module, chunk loader and chunks.
  split_bin() {
    local bin="$1" out="$TARGET_DIR/split/$1" pkg="$2"
    mkdir -p "$out" "$pkg"
    # The splitter prints one harmless "unknown name subsection" line per module.
    wasm-split-cli "$TARGET_DIR/wasm32-unknown-unknown/release/$bin.wasm" "$out" \
      2> >(grep -v "unknown name subsection" >&2)
    wasm-bindgen "$out/main.wasm" --target web --keep-lld-exports --no-demangle \
      --out-name main --out-dir "$pkg"
    cp "$out"/__wasm_split.js "$pkg/"
    for f in "$out"/split_*.wasm "$out"/chunk_*.wasm; do
      [ -e "$f" ] && cp "$f" "$pkg/"
    done
  }
  split_bin "$BIN" "$PKG"
  split_bin widget "$PKG/widget"
  # wasm-opt -Oz on every module, in one process (see the script for why).
  node scripts/build/wasm-opt.mjs "$PKG"/*.wasm "$PKG"/widget/*.wasm
else
  cargo build --target wasm32-unknown-unknown --bin "$BIN" --features eager \
    --message-format=json-render-diagnostics >"$TARGET_DIR/split/cargo.json"
  wasm-bindgen "$TARGET_DIR/wasm32-unknown-unknown/debug/$BIN.wasm" --target web --debug \
    --out-name main --out-dir "$PKG"
fi

# The language and FAQ files that build.rs wrote into this crate's OUT_DIR.
OUT_DIR="$(node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n");
  let dir = "";
  for (const l of lines) {
    if (!l.startsWith("{")) continue;
    const m = JSON.parse(l);
    if (m.reason === "build-script-executed" && m.package_id.includes("mvp-pathway")) dir = m.out_dir;
  }
  process.stdout.write(dir);
' "$TARGET_DIR/split/cargo.json")"
[ -d "$OUT_DIR/text" ] || { echo "wasm.sh: build.rs wrote no text/ folder ($OUT_DIR)" >&2; exit 1; }
cp "$OUT_DIR"/text/*.json "$PKG/text/"
