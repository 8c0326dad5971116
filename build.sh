#!/usr/bin/env bash
# Builds regplay into www/pkg and installs whatever that needs (Debian 12, as root).
#   ./build.sh          build the wasm package
#   ./build.sh serve    build, then serve www/ on http://127.0.0.1:8000
#   ./build.sh test     build, then native tests, wasm tests in Chromium, end-to-end tests
#   ./build.sh bench    build, then benchmarks: native (cargo bench), then in headless Chromium
#   ./build.sh single   build, then pack the page into one offline file, dist/regplay.html
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export PATH="$HOME/.cargo/bin:$PATH"
TARGET=wasm32-unknown-unknown

step() { echo "==> $*" >&2; }
timed() { local t0=$SECONDS; "$@"; echo "    done in $((SECONDS - t0)) s" >&2; }

install_rust_target() {
  rustup component add rustfmt clippy >/dev/null 2>&1 || rustup component add rustfmt clippy
  rustup target list --installed | grep -x "$TARGET" >/dev/null && return
  step "rustup target add $TARGET"; timed rustup target add "$TARGET"
}

# The CLI must be exactly the crate's version (a mismatch fails with a schema error); no
# --locked: the CLI's own lock pins a crate version the registry mirror may lack.
install_wasm_bindgen() {
  local want have
  want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null || true)
  want=${want:-0.2.130}
  have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
  [[ "$have" == "$want" ]] && return
  step "cargo install wasm-bindgen-cli $want (was: ${have:-none})"
  timed cargo install wasm-bindgen-cli --version "$want"
}

install_npm() {
  local sum; sum=$(sha256sum package-lock.json | cut -d' ' -f1)
  [[ "$(cat node_modules/.lock-sha256 2>/dev/null)" == "$sum" ]] && return
  step "npm ci"; timed npm ci --no-audit --no-fund
  echo "$sum" > node_modules/.lock-sha256
}

# fonts-nanum: without a Korean font, headless Chromium draws the ko strings as boxes.
install_chromium() {
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver && -d /usr/share/fonts/truetype/nanum ]] && return
  step "apt-get install chromium chromium-driver fonts-nanum"
  export DEBIAN_FRONTEND=noninteractive
  timed apt-get update
  timed apt-get install -y chromium chromium-driver fonts-nanum
}

build() {
  install_rust_target; install_wasm_bindgen; install_npm
  step "cargo build (release, $TARGET)"
  timed cargo build --release --target "$TARGET" --lib
  step "wasm-bindgen"
  timed wasm-bindgen --target web --no-typescript --remove-producers-section --out-dir www/pkg "target/$TARGET/release/regplay.wasm"
  # npm's binaryen, not Debian's (Debian's 108 writes modules that break at load). The features are those rustc 1.95 (+simd128)
  # records in the module's target_features section (wasm-opt --print-features).
  # -Os: the same speed as -O3 in the bench (epoch, grid(100), digits; alternating runs on 2026-12-07)
  # and 2 KB smaller gzipped, which keeps the binary under 300 KB. wasm-opt keeps every f64 result.
  step "wasm-opt -Os"
  timed node_modules/.bin/wasm-opt -Os --enable-simd --enable-bulk-memory --enable-bulk-memory-opt \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue --enable-call-indirect-overlong \
    www/pkg/regplay_bg.wasm -o www/pkg/regplay_bg.wasm
  echo "www/pkg/regplay_bg.wasm: $(stat -c %s www/pkg/regplay_bg.wasm) bytes," \
    "$(gzip -9c www/pkg/regplay_bg.wasm | wc -c) gzipped"
  # the handwritten digits, a file beside the wasm: the page fetches it only for digits mode
  # (www/digits_data.js); tools/single.mjs inlines it
  cp src/data/digits.bin www/pkg/digits.bin
}

run_tests() {
  install_chromium
  local failed=()
  step "cargo fmt --check"
  cargo fmt --check || failed+=(fmt)
  step "cargo clippy (host, then $TARGET)"
  cargo clippy --all-targets -- -D warnings || failed+=(clippy)
  cargo clippy --all-targets --target "$TARGET" -- -D warnings || failed+=(clippy-wasm)
  step "native tests"
  cargo test --no-fail-fast || failed+=(native)
  step "wasm tests in headless Chromium"
  CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_USE_BROWSER=1 \
    cargo test --target "$TARGET" --no-fail-fast || failed+=(wasm)
  step "end-to-end tests"
  node --test tests/browser/*.test.mjs || failed+=(e2e)
  if (( ${#failed[@]} )); then echo "FAILED: ${failed[*]}" >&2; return 1; fi
  echo "all tests passed" >&2
}

case "${1:-build}" in
  build) timed build ;;
  serve) build; step "serving www/ on http://127.0.0.1:8000"
         exec python3 -m http.server 8000 --bind 127.0.0.1 --directory www ;;
  test)  timed build; timed run_tests ;;
  bench) timed build; install_chromium
         step "native benchmarks (cargo bench)"; timed cargo bench
         step "browser benchmarks (www/bench.html in headless Chromium)"; timed node tests/browser/bench.mjs ;;
  single) timed build; step "one offline file: dist/regplay.html"; timed node tools/single.mjs dist/regplay.html ;;
  *) echo "usage: $0 [build|serve|test|bench|single]" >&2; exit 2 ;;
esac
