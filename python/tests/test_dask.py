"""The Dask example on a LocalCluster of two worker processes, over a folder of fixture pages and a WARC
file built from fixture pages by scripts/make-warc.py: its part files, concatenated, are byte for byte
what `lede batch` writes for the same inputs."""

import importlib.util
import subprocess
import sys

from conftest import ROOT

import pytest

pytest.importorskip("dask.distributed")


def load_example():
    spec = importlib.util.spec_from_file_location("dask_summarize", ROOT / "examples/dask_summarize.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_job_writes_the_batch_lines(cli, tmp_path):
    from dask.distributed import Client, LocalCluster

    warc = tmp_path / "pages.warc.gz"
    subprocess.run(
        [sys.executable, ROOT / "scripts/make-warc.py", warc, ROOT / "tests/fixtures/encodings",
         ROOT / "tests/fixtures/sample"],
        check=True,
        capture_output=True,
    )
    inputs = [str(ROOT / "tests/fixtures/kinds"), str(warc)]
    expected = subprocess.run([cli, "batch", *inputs], capture_output=True, check=True).stdout
    kinds = len(list((ROOT / "tests/fixtures/kinds").glob("*.html")))
    in_warc = len(list((ROOT / "tests/fixtures/encodings").glob("*.html"))) + 1
    assert expected.count(b"\n") == kinds + in_warc

    example = load_example()
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(
        cluster
    ) as client:
        parts = example.run(inputs, str(tmp_path / "out"), client, pages_per_task=5)
    assert len(parts) == -(-kinds // 5) + 1  # the pages in groups of 5, then the WARC
    assert b"".join(open(p, "rb").read() for p in parts) == expected
