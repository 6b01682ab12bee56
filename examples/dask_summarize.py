#!/usr/bin/env python3
"""Lede over many pages on a Dask cluster: each task summarises a group of page files, or one WARC or
JSON Lines file, with the Python package (`lede.summarize_files`, the `lede batch` pipeline in Rust),
and the results are written as JSON Lines, one part file per task in input order: concatenated, the
parts are byte for byte what `lede batch` writes for the same inputs.

    python examples/dask_summarize.py INPUT... --out DIR [--scheduler ADDRESS | --workers N]
        [--pages-per-task N]

INPUT: page files, folders of them (walked as `lede batch` walks them), WARC files (`.warc`,
`.warc.gz`), JSON Lines (`.jsonl`); a URL that fsspec opens (`https://`, `s3://` with s3fs installed)
is copied to a worker's temporary folder first, so Common Crawl WARC paths work as they are. Without
`--scheduler` a `LocalCluster` of `--workers` processes (one thread each) runs the job; with it, the
job runs on that cluster, whose workers need `pip install` of this repository (the `lede` package).
"""

import argparse
import os
import shutil
import sys
import tempfile

import dask.bag as db
from dask.distributed import Client, LocalCluster

PAGE_EXTS = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
ALONE_EXTS = (".warc", ".warc.gz", ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def walk(folder):
    """The page files under `folder` in `lede batch`'s order: each folder's entries by name, sub-folders
    walked where they fall in that order."""
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_dir(follow_symlinks=False):
            yield from walk(entry.path)
        elif entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(PAGE_EXTS):
            yield entry.path


def tasks(inputs, pages_per_task):
    """The inputs as tasks (lists of paths), in input order: a WARC or JSON Lines file (local or remote)
    alone, page files in groups of `pages_per_task`."""
    out, group = [], []
    for i in inputs:
        paths = walk(i) if os.path.isdir(i) else [i]
        for p in paths:
            if p.lower().endswith(ALONE_EXTS):
                if group:
                    out.append(group)
                    group = []
                out.append([p])
            else:
                group.append(p)
                if len(group) >= pages_per_task:
                    out.append(group)
                    group = []
    if group:
        out.append(group)
    return out


def summarize_task(paths):
    """Runs on a worker: the `lede batch` lines of `paths` (remote files fetched first)."""
    import fsspec
    import lede

    tmp = None
    local = []
    try:
        for p in paths:
            if "://" in p:
                tmp = tmp or tempfile.mkdtemp(prefix="lede-")
                dest = os.path.join(tmp, f"{len(local)}-{os.path.basename(p.split('?')[0])}")
                with fsspec.open(p, "rb") as src, open(dest, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                local.append(dest)
            else:
                local.append(p)
        return list(lede.summarize_files(local, jobs=1, raw=True))
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def run(inputs, out_dir, client, pages_per_task=200):
    """Summarise `inputs` on `client`'s cluster into `out_dir/part-NNNNN.jsonl`; returns the part files."""
    client.upload_file(__file__)  # the workers import this module for summarize_task
    work = tasks(inputs, pages_per_task)
    if not work:
        return []
    if "://" not in out_dir:
        os.makedirs(out_dir, exist_ok=True)
    bag = db.from_sequence(work, npartitions=len(work)).map(summarize_task).flatten()
    names = bag.to_textfiles(
        out_dir.rstrip("/") + "/part-*.jsonl", name_function=lambda i: f"{i:05d}", last_endline=True
    )
    return sorted(names)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--pages-per-task", type=int, default=200)
    a = ap.parse_args()
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
    with client:
        parts = run(a.inputs, a.out, client, a.pages_per_task)
    print(f"dask_summarize: wrote {len(parts)} part files to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
