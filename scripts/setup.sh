#!/usr/bin/env bash
# Install what Lede's build and tests need, skipping what is already there (safe to re-run):
# the wasm32 Rust target, wasm-bindgen-cli at the exact version in Cargo.lock, Debian's Chromium and
# Firefox ESR, Xvfb and xdotool (the keyboard-shortcut test), geckodriver (crates.io, for the
# Firefox end-to-end test), and the npm packages of
# package-lock.json (playwright-core, binaryen's wasm-opt, web-ext, axe-core), and a Python virtual
# environment in .venv with maturin, pytest and Dask for the Python package's tests (scripts/test-python).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }
as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

export PATH="$HOME/.cargo/bin:$PATH"
want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}') || true
if [[ "$have" != "$want" ]]; then
  # --locked fails here (a pinned dependency of the CLI is missing from the index): see docs/platform notes
  say "installing wasm-bindgen-cli $want (about 7 minutes on 2 cores)"
  cargo install wasm-bindgen-cli --version "$want"
fi

apt_missing=()
[[ -x /usr/bin/chromium ]] || apt_missing+=(chromium)
[[ -x /usr/bin/firefox-esr ]] || apt_missing+=(firefox-esr)
# A virtual X display and a keyboard for it: tests/e2e/shortcut.test.mjs presses the Alt+Shift+L
# shortcut in a windowed Chromium (headless Chromium never sees browser shortcuts).
command -v Xvfb >/dev/null || apt_missing+=(xvfb)
command -v xdotool >/dev/null || apt_missing+=(xdotool)
if (( ${#apt_missing[@]} )); then
  say "installing Debian's ${apt_missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

# geckodriver drives Firefox for tests/e2e/firefox.test.mjs (about 3 minutes to build on 2 cores).
GECKODRIVER_VERSION=0.37.1
if [[ "$(geckodriver --version 2>/dev/null | awk 'NR==1 {print $2}')" != "$GECKODRIVER_VERSION" ]]; then
  say "installing geckodriver $GECKODRIVER_VERSION"
  cargo install geckodriver --locked --version "$GECKODRIVER_VERSION"
fi

if [[ ! -d node_modules/playwright-core || ! -d node_modules/web-ext || ! -d node_modules/axe-core \
  || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The Python package (pyproject.toml) is built by maturin and tested with pytest, the Dask example on a
# LocalCluster: pinned versions in a virtual environment under the repository (.venv, git-ignored).
PY_PACKAGES="maturin==1.16.0 pytest==9.2.0 dask==2026.8.0 distributed==2026.8.0"
if [[ ! -x .venv/bin/python || "$(cat .venv/.lede-packages 2>/dev/null)" != "$PY_PACKAGES" ]]; then
  say "installing $PY_PACKAGES into .venv"
  python3 -m venv .venv
  # shellcheck disable=SC2086 # one word per package
  .venv/bin/python -m pip install --quiet --disable-pip-version-check $PY_PACKAGES
  echo "$PY_PACKAGES" >.venv/.lede-packages
fi
