#!/usr/bin/env bash
# Build the extension and write the store packages into dist/ (or --out DIR):
# lede-chromium.zip, lede-firefox.zip and lede-source.zip, byte-for-byte reproducible
# (see scripts/package.py). --no-build packages the extension/ folder as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) args+=("$a") ;;
  esac
done
if (( build )); then
  scripts/build-extension.sh
fi
exec python3 scripts/package.py "${args[@]}"
