#!/usr/bin/env python3
"""Benchmarks of Lede at scale (issue 24), printed as Markdown (scripts/bench puts them into
docs/performance.md):

1. `lede batch --jobs 1` and `--jobs 2` over the folders corpus/readability, corpus/aeb-dev and
   corpus/wceb-dev (every page file in them), alternated over ROUNDS rounds: pages/s (median) and
   the speed-up, with peak memory (`/usr/bin/time`, max RSS).
2. Peak memory at 1x and 10x that input (the three folders given ten times over).
3. The Python package on the same pages: `summarize_many` (pages read by Python) and
   `summarize_files` (read by Rust), at 1 and 2 jobs, beside the CLI's pages/s; and its JSON byte for
   byte against the CLI's for every page: `summarize_json(bytes)` against the `summary` of
   `lede batch`'s line, and `summarize_json(bytes, pretty=True)` against `lede PAGE` itself.
4. A WARC built by scripts/make-warc.py from corpus/aeb-dev and corpus/readability pages (HTTP
   headers, request records, gzip members): every record's summary byte for byte that of its page
   read alone with its URL; pages/s and peak memory over it.

Run with the virtual environment's Python after `maturin develop --profile python` (scripts/bench
does both): `.venv/bin/python scripts/bench-batch.py [--rounds N] [--skip-identity]`.
"""

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("LEDE_SHARED", os.path.join(ROOT, "..", "shared"))
CORPUS = [os.path.join(SHARED, "corpus", c) for c in ("readability", "aeb-dev", "wceb-dev")]
LEDE = os.path.join(ROOT, "target", "release", "lede")


def timed(cmd):
    """(wall seconds, peak RSS MiB, stdout bytes) of a command, by /usr/bin/time."""
    with tempfile.NamedTemporaryFile("r") as t:
        start = time.perf_counter()
        out = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name, *cmd], capture_output=True)
        wall = time.perf_counter() - start
        if out.returncode not in (0, 1):
            sys.exit(f"bench-batch: {cmd[:3]} failed: {out.stderr.decode()[-500:]}")
        rss = int(t.read().strip().splitlines()[-1]) / 1024
    return wall, rss, out.stdout


def page_files():
    """The page files of the three folders, in `lede batch`'s order (one batch run lists them)."""
    out = subprocess.run([LEDE, "batch", *CORPUS, "--jobs", "2", "-o", "/dev/stdout"], capture_output=True)
    lines = out.stdout.decode().splitlines()
    return [json.loads(l)["source"] for l in lines], lines


def load():
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def summary_bytes(line):
    """The `summary` JSON text inside a `lede batch` line, as written."""
    i = line.index(',"summary":')
    return line[i + len(',"summary":') : -1]


def cli_jobs(rounds, n):
    rates = {1: [], 2: []}
    rss = {1: [], 2: []}
    for _ in range(rounds):
        for jobs in (1, 2):
            wall, mem, _ = timed([LEDE, "batch", *CORPUS, "--jobs", str(jobs), "-o", "/dev/null"])
            rates[jobs].append(n / wall)
            rss[jobs].append(mem)
    return rates, rss


def python_rates(paths, rounds):
    import lede

    def many(jobs):
        start = time.perf_counter()
        count = 0

        def pages():
            for p in paths:
                with open(p, "rb") as f:
                    yield f.read()

        for _ in lede.summarize_many(pages(), jobs=jobs):
            count += 1
        return count / (time.perf_counter() - start)

    def files(jobs):
        start = time.perf_counter()
        count = sum(1 for _ in lede.summarize_files(CORPUS, jobs=jobs))
        return count / (time.perf_counter() - start)

    out = {}
    for _ in range(rounds):
        for jobs in (1, 2):
            wall, _, _ = timed([LEDE, "batch", *CORPUS, "--jobs", str(jobs), "-o", "/dev/null"])
            out.setdefault(("cli", jobs), []).append(len(paths) / wall)
            out.setdefault(("many", jobs), []).append(many(jobs))
            out.setdefault(("files", jobs), []).append(files(jobs))
    return {k: statistics.median(v) for k, v in out.items()}


def identity(paths, lines):
    import lede

    compact_diff = pretty_diff = 0
    for path, line in zip(paths, lines):
        with open(path, "rb") as f:
            data = f.read()
        if lede.summarize_json(data) != summary_bytes(line):
            compact_diff += 1
        cli = subprocess.run([LEDE, path], capture_output=True).stdout.decode()
        if lede.summarize_json(data, pretty=True) + "\n" != cli:
            pretty_diff += 1
    return compact_diff, pretty_diff


def warc_check(tmp):
    import lede

    pages = sorted(glob.glob(os.path.join(SHARED, "corpus/aeb-dev/html/*.html.gz")))
    pages += sorted(glob.glob(os.path.join(SHARED, "corpus/readability/*/source.html")))
    pages += sorted(glob.glob(os.path.join(SHARED, "corpus/wceb-dev/cleaneval/html/*.html.gz")))[:100]
    warc, manifest = os.path.join(tmp, "corpus.warc.gz"), os.path.join(tmp, "manifest.jsonl")
    subprocess.run(
        [sys.executable, os.path.join(ROOT, "scripts/make-warc.py"), warc, *pages, "--manifest", manifest],
        check=True,
        capture_output=True,
    )
    wall, rss, out = timed([LEDE, "batch", warc, "--jobs", "2"])
    lines = out.decode().splitlines()
    records = [json.loads(l) for l in open(manifest, encoding="utf-8")]
    same = 0
    for rec, line in zip(records, lines):
        with open(rec["path"], "rb") as f:
            alone = lede.summarize_json(f.read(), url=rec["url"])
        cli_alone = json.loads(subprocess.run([LEDE, rec["path"], "--url", rec["url"]], capture_output=True).stdout)
        if (
            json.loads(line)["source"] == rec["record"]
            and summary_bytes(line) == alone
            and json.loads(alone) == cli_alone
        ):
            same += 1
    return len(records), len(lines), same, os.path.getsize(warc), len(records) / wall, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--skip-identity", action="store_true")
    ap.add_argument("--python-only", action="store_true", help="only the Python package beside the CLI")
    a = ap.parse_args()
    if a.python_only:
        paths, _ = page_files()
        py = python_rates(paths, a.rounds)
        print(f"load {load()}; " + ", ".join(f"{k[0]} {k[1]} jobs {v:.1f}" for k, v in py.items()))
        return
    print(f"bench-batch: load before {load()}", file=sys.stderr)
    paths, lines = page_files()
    n = len(paths)
    load_start = load()
    rates, rss = cli_jobs(a.rounds, n)
    r1, r2 = statistics.median(rates[1]), statistics.median(rates[2])
    print(f"bench-batch: jobs 1 {r1:.1f}, jobs 2 {r2:.1f} pages/s", file=sys.stderr)
    wall10, rss10, _ = timed([LEDE, "batch", *(CORPUS * 10), "--jobs", "2", "-o", "/dev/null"])
    wall1, rss1, _ = timed([LEDE, "batch", *CORPUS, "--jobs", "2", "-o", "/dev/null"])
    print(f"bench-batch: memory 1x {rss1:.1f} MiB, 10x {rss10:.1f} MiB", file=sys.stderr)
    py = python_rates(paths, a.rounds)
    print(f"bench-batch: python {py}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        warc = warc_check(tmp)
    print(f"bench-batch: warc {warc}", file=sys.stderr)
    ident = None if a.skip_identity else identity(paths, lines)
    load_end = load()

    print(f"""Pages: every page file of `corpus/readability` (source and expected pages), `corpus/aeb-dev` and
`corpus/wceb-dev`, {n} pages, read from their folders; output to `/dev/null`. Medians of {a.rounds} rounds,
alternated. Load average (1 / 5 / 15 min) at the start {load_start}, at the end {load_end}.

| `lede batch` | pages/s | each round | peak memory (MiB) |
|---|---|---|---|
| `--jobs 1` | {r1:.1f} | {', '.join(f'{x:.1f}' for x in rates[1])} | {max(rss[1]):.1f} |
| `--jobs 2` | {r2:.1f} | {', '.join(f'{x:.1f}' for x in rates[2])} | {max(rss[2]):.1f} |

Speed-up of `--jobs 2`: **{r2 / r1:.2f}×**. Peak memory, `--jobs 2`: {rss1:.1f} MiB over the {n} pages,
{rss10:.1f} MiB over ten times as many ({10 * n} pages, {10 * n / wall10:.1f} pages/s).

| Python package | 1 job, pages/s | 2 jobs, pages/s | of the CLI's (1 / 2 jobs) |
|---|---|---|---|
| CLI `lede batch` (same rounds) | {py[('cli', 1)]:.1f} | {py[('cli', 2)]:.1f} | 1.00 / 1.00 |
| `lede.summarize_many` (Python reads the files, dicts out) | {py[('many', 1)]:.1f} | {py[('many', 2)]:.1f} | {py[('many', 1)] / py[('cli', 1)]:.2f} / {py[('many', 2)] / py[('cli', 2)]:.2f} |
| `lede.summarize_files` (Rust reads the folders, dicts out) | {py[('files', 1)]:.1f} | {py[('files', 2)]:.1f} | {py[('files', 1)] / py[('cli', 1)]:.2f} / {py[('files', 2)] / py[('cli', 2)]:.2f} |
""")
    if ident:
        print(f"""Byte identity over all {n} pages: `lede.summarize_json(page_bytes)` differs from the `summary` of
`lede batch`'s line on {ident[0]} pages, and `summarize_json(page_bytes, pretty=True)` from `lede PAGE` on {ident[1]}.
""")
    records, out_lines, same, size, wrate, wrss = warc
    print(f"""WARC: {records} real pages (corpus/aeb-dev, corpus/readability sources, the first 100 of
wceb-dev/cleaneval) written by `scripts/make-warc.py` with request records, HTTP headers, one PNG response
and a gzip member per record ({size / 2**20:.1f} MiB): `lede batch` gave {out_lines} lines, and {same} of
them have the record id as source and, byte for byte, the summary of the page read alone with its URL
(the same as `lede PAGE --url URL`). {wrate:.1f} pages/s with `--jobs 2`, peak memory {wrss:.1f} MiB.""")


if __name__ == "__main__":
    main()
