# Sourced by scripts/serve and scripts/test: installs what the project needs (idempotent)
# and exports the environment for building to wasm32.
#
# Works on a fresh Debian/Ubuntu machine that reaches only the package registries (the
# wasm32 standard library is then built from Debian's rust-web-src), and on a normal
# machine with rustup and internet (the rustup target is used).
#
# After sourcing: run wasm32 commands as `wasm_env <command>`; host commands as usual.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$ROOT/Cargo.toml")"
TRUNK_VERSION="0.21.14"
# The Wasm splitter; pinned with wasm-bindgen and binaryen (see ARCHITECTURE.md, "Split build").
WASM_SPLIT_VERSION="0.2.4"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { say "please install: ${missing[*]}"; return 1; }
  say "apt-get install ${missing[*]}"
  if [ "$apt_updated" -eq 0 ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
}

# 1. System packages: a real browser and its driver, Node.js for the test tools.
apt_install chromium chromium-driver ca-certificates
command -v npm >/dev/null || apt_install nodejs npm
command -v cargo >/dev/null || { say "Rust is missing: install it with rustup (https://rustup.rs), then run this again."; exit 1; }
export PATH="$HOME/.cargo/bin:$PATH"

# 2. The wasm32 standard library: rustup's target when it can be had, else Debian's source.
#    The release build compiles std itself (-Zbuild-std, scripts/build/wasm.sh), so it needs
#    the toolchain's source too: rustup's rust-src, or Debian's rust-web-src.
WASM_ENV=()
rustup_has() { rustup "$1" list --installed 2>/dev/null | grep -x "$2" >/dev/null; }
if rustup toolchain list 2>/dev/null | grep -q '^debian-web' && [ -d /usr/lib/rustlib/src/rust/library ]; then
  WASM_MODE=debian
elif rustup_has target wasm32-unknown-unknown && rustup_has component rust-src; then
  WASM_MODE=rustup
elif timeout 45 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 &&
  timeout 90 rustup component add rust-src >/dev/null 2>&1; then
  WASM_MODE=rustup
else
  WASM_MODE=debian
fi
if [ "$WASM_MODE" = debian ]; then
  apt_install rustc-web cargo-web rust-web-src rust-web-clippy lld
  rustup toolchain list | grep -q '^debian-web' || rustup toolchain link debian-web /usr
  WASM_ENV=(
    RUSTUP_TOOLCHAIN=debian-web
    RUSTC_BOOTSTRAP=1
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld
  )
fi
say "wasm32 standard library: $WASM_MODE"
wasm_env() { env "${WASM_ENV[@]}" "$@"; }

# 3. wasm-bindgen CLI of exactly the locked version, and Trunk.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: its lockfile names a webpki-roots release the registry lacks.
  cargo install --quiet wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if ! trunk --version >/dev/null 2>&1; then
  say "cargo install trunk $TRUNK_VERSION (about 8 minutes)"
  cargo install --quiet trunk --version "$TRUNK_VERSION" --locked
fi
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (the Wasm splitter, about 3 minutes)"
  cargo install --quiet wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked \
    --features build-binary
fi

# 4. Node test tools and a current wasm-opt (binaryen 132), from the committed lockfile.
if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "npm ci"
  (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
export PATH="$ROOT/node_modules/.bin:$PATH"

# 5. Browser locations for the test runners.
export CHROME_PATH=/usr/bin/chromium
export CHROMEDRIVER=/usr/bin/chromedriver
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
