#!/usr/bin/env python3
"""Write the latest full run of scripts/bench (out/bench and target/criterion) into docs/performance.md.

usage: scripts/bench_report.py [--print]

The generated part sits between the two MARKERS lines at the top of docs/performance.md and is
replaced on each run; what follows the end marker (earlier measurements, before/after pairs, what was
tried and not kept) is written by hand and kept as it is. With --print the generated part goes to
standard output instead.
"""
import datetime, glob, json, os, platform, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'out/bench')


def read(name):
    p = os.path.join(OUT, name)
    return open(p, encoding='utf-8').read().strip() if os.path.exists(p) else '(not run)'


def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).stdout.strip()
    except OSError:
        return ''


def cpu():
    for line in open('/proc/cpuinfo'):
        if line.startswith('model name'):
            return line.split(':', 1)[1].strip()
    return platform.processor()


def criterion_table():
    """Median time per stage and page from target/criterion/<group>/<bench>/new/estimates.json."""
    rows = {}
    for est in glob.glob(os.path.join(ROOT, 'target/criterion/stages_*/*/*/new/estimates.json')) + \
            glob.glob(os.path.join(ROOT, 'target/criterion/stages_*/*/new/estimates.json')):
        rel = os.path.relpath(est, os.path.join(ROOT, 'target/criterion')).split(os.sep)
        page = rel[0].split('_', 1)[1]
        stage = rel[1]
        ms = json.load(open(est))['median']['point_estimate'] / 1e6
        rows.setdefault(page, {})[stage] = ms
    if not rows:
        return '(not run)'
    stages = ['html_to_snapshot', 'json_to_snapshot', 'extract', 'entities', 'quotes', 'key_points',
              'summarize', 'html_to_summary']
    out = ['| page | ' + ' | '.join(stages) + ' |', '|---' * (len(stages) + 1) + '|']
    for page in sorted(rows):
        out.append(f'| {page} | ' + ' | '.join(
            f'{rows[page][s]:.2f}' if s in rows[page] else '' for s in stages) + ' |')
    return '\n'.join(out)


def sizes():
    wasm = os.path.join(ROOT, 'extension/pkg/lede_bg.wasm')
    lines = []
    if os.path.exists(wasm):
        raw = open(wasm, 'rb').read()
        # `gzip -9`, as scripts/build-extension.sh counts for the budget (Python's gzip differs by ~1%)
        gz = subprocess.run(['gzip', '-9', '-c', wasm], capture_output=True, check=True).stdout
        lines.append(f'- `lede_bg.wasm`: {len(raw):,} bytes raw, {len(gz):,} bytes gzipped '
                     '(budgets: code section 260,000 and whole module 1,000,000 gzipped, checked by `scripts/wasm-size.py`)')
    for z in sorted(glob.glob(os.path.join(ROOT, 'dist/*.zip'))):
        lines.append(f'- `{os.path.relpath(z, ROOT)}`: {os.path.getsize(z):,} bytes')
    return '\n'.join(lines) or '(not built)'


DOC = os.path.join(ROOT, 'docs/performance.md')
MARKERS = ('<!-- bench:start (scripts/bench writes from here) -->', '<!-- bench:end -->')


def generated():
    commit = sh('git', 'rev-parse', '--short', 'HEAD')
    dirty = ' (with uncommitted changes)' if sh('git', 'status', '--porcelain', '--untracked-files=no') else ''
    return f"""## Latest full run

Written by `scripts/bench` on {datetime.date.today().isoformat()} at commit `{commit}`{dirty}.
Machine: {cpu()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; {sh('rustc', '--version')};
{sh('chromium', '--version')}; load average when written {' / '.join(f'{x:.2f}' for x in os.getloadavg())}
(1 / 5 / 15 min). Times are medians; the machine is small and shared, so compare ratios
within one run rather than absolute figures across runs.

### Native pipeline stages (criterion, ms per call)

Pages: the bundled sample, `readability/nytimes-1` (a typical news page), `readability/wikipedia-2`
(the largest corpus page). `summarize` is everything after the snapshot; `html_to_summary` includes
parsing.

{criterion_table()}

### Native, all of corpus/aeb-dev in one process per tool

Each tool in its own child process (peak memory includes the 85 pages held in memory). `lede` is the full
analysis; `lede-extract` Lede's extraction alone, the stage the peers do. Quality by `tools/score_aeb.py`.

{read('peers.md')}

### Scaling (generated news-like pages)

{read('scaling.md')}

### In the browser (headless Chromium, extension loaded, corpus/readability, page scripts off)

{read('browser.md')}

### At scale (`lede batch`, the Python package, WARC input; `scripts/bench-batch.py`)

{read('batch.md')}

### Size

{sizes()}
"""


def main():
    part = generated()
    if '--print' in sys.argv[1:]:
        print(part)
        return
    doc = open(DOC, encoding='utf-8').read()
    start, end = MARKERS
    if start in doc and end in doc:
        head, rest = doc.split(start, 1)
        _, tail = rest.split(end, 1)
    else:  # first run: the generated part goes after the title and the hand-written text stays below
        title, _, body = doc.partition('\n')
        head, tail = title + '\n\n', '\n\n' + body.lstrip('\n')
    with open(DOC, 'w', encoding='utf-8') as f:
        f.write(head + start + '\n' + part.rstrip('\n') + '\n' + end + tail)


if __name__ == '__main__':
    main()
