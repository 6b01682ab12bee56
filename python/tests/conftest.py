"""Shared fixtures: the repository, the release CLI (built when missing) and the fixture pages."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def cli():
    """Path of the release CLI (`cargo build --release --bin lede` first when it is missing)."""
    path = pathlib.Path(os.environ.get("LEDE_BIN", ROOT / "target/release/lede"))
    if not path.exists():
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "lede"], cwd=ROOT, check=True)
    return str(path)


@pytest.fixture(scope="session")
def pages():
    """Every HTML fixture page of the repository (invented or licensed test pages, never corpus pages)."""
    found = sorted(p for p in (ROOT / "tests/fixtures").rglob("*.html"))
    assert len(found) >= 30
    return found
