#!/usr/bin/env python3
"""Store packages of the built extension, byte-for-byte reproducible.

    scripts/package.py [--out DIR]      (scripts/package.sh builds the extension first)

Writes into DIR (default `dist/`):
- `lede-chromium.zip`: the extension with a Chromium manifest (`background.service_worker` only, no
  `browser_specific_settings`);
- `lede-firefox.zip`: the extension with a Firefox manifest (`background.scripts` only, the
  `browser_specific_settings.gecko` id and data-collection declaration);
- `lede-source.zip`: every file tracked by git, as in the working tree, for store reviewers (the
  wasm is compiled code: README.md says how to rebuild it).

Reproducible: entries sorted by name, every timestamp 1980-01-01 00:00, mode 0644, no extra fields,
deflate level 9; the same input gives the same bytes. Needs `extension/pkg/` (the build output).
"""

import argparse
import copy
import json
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "extension"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

# Files of extension/ that are not part of the shipped extension.
NOT_SHIPPED = {"README.md"}


def manifest_for(browser: str, manifest: dict) -> dict:
    """The manifest as `browser` wants it: only its own background key, gecko settings for Firefox."""
    m = copy.deepcopy(manifest)
    background = m.get("background", {})
    if browser == "chromium":
        background.pop("scripts", None)
        m.pop("browser_specific_settings", None)
    else:
        background.pop("service_worker", None)
    return m


def write_zip(path: Path, files: dict) -> None:
    """`files` maps archive names to bytes; written sorted with fixed metadata."""
    with zipfile.ZipFile(path, "w") as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, so the mode below is read as such
            info.external_attr = 0o100644 << 16
            z.writestr(info, files[name], compresslevel=9)


def extension_files() -> dict:
    files = {}
    for p in sorted(EXTENSION.rglob("*")):
        rel = p.relative_to(EXTENSION).as_posix()
        if p.is_dir() or rel in NOT_SHIPPED or any(part.startswith(".") for part in p.parts):
            continue
        files[rel] = p.read_bytes()
    if "pkg/lede_bg.wasm" not in files or "pkg/lede.js" not in files:
        sys.exit("package: extension/pkg/ is missing: run scripts/build-extension.sh first")
    return files


def source_files() -> dict:
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True
    ).stdout.decode().split("\0")
    files = {}
    for rel in filter(None, tracked):
        p = ROOT / rel
        if p.is_file():  # a tracked file deleted in the working tree is left out
            files[f"lede-source/{rel}"] = p.read_bytes()
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "dist"), help="output folder (default dist/)")
    out = Path(ap.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    files = extension_files()
    manifest = json.loads(files["manifest.json"])
    for browser in ("chromium", "firefox"):
        shipped = dict(files)
        shipped["manifest.json"] = (
            json.dumps(manifest_for(browser, manifest), indent=2, ensure_ascii=False) + "\n"
        ).encode()
        target = out / f"lede-{browser}.zip"
        write_zip(target, shipped)
        print(f"{target}: {target.stat().st_size} bytes, {len(shipped)} files")
    source = out / "lede-source.zip"
    write_zip(source, source_files())
    print(f"{source}: {source.stat().st_size} bytes")


if __name__ == "__main__":
    main()
