#!/usr/bin/env python3
"""The size budget of the extension's WebAssembly (issue 19): its code at most 260 KB gzipped, and the
whole module (code plus the models and gazetteers in its data section) at most 1 MB gzipped.

usage: scripts/wasm-size.py MODULE.wasm   prints the sizes; exit status 1 when a budget is broken.
Budgets can be changed with LEDE_WASM_CODE_BUDGET_GZ and LEDE_WASM_BUDGET_GZ (bytes, `gzip -9`).

The code is the module's code section (id 10: the function bodies), the data is its data section (id 11:
word lists, gazetteers, model weights); each is gzipped on its own, the module as a whole. Sections follow
the WebAssembly binary format (an 8-byte header, then id byte, LEB128 size, contents).
"""
import gzip, os, sys


def sections(module):
    """{section id: concatenated contents} of a WebAssembly module."""
    out, i = {}, 8
    while i < len(module):
        sid, i = module[i], i + 1
        size = shift = 0
        while True:
            b, i = module[i], i + 1
            size |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                break
        out[sid] = out.get(sid, b'') + module[i:i + size]
        i += size
    return out


def gz(data):
    return len(gzip.compress(data, 9, mtime=0))


def main():
    module = open(sys.argv[1], 'rb').read()
    if module[:4] != b'\0asm':
        sys.exit(f'{sys.argv[1]}: not a WebAssembly module')
    s = sections(module)
    code, data, whole = gz(s.get(10, b'')), gz(s.get(11, b'')), gz(module)
    code_budget = int(os.environ.get('LEDE_WASM_CODE_BUDGET_GZ', 260_000))
    budget = int(os.environ.get('LEDE_WASM_BUDGET_GZ', 1_000_000))
    print(f'wasm gzipped: code {code} bytes (budget {code_budget}), data {data}, whole module {whole} '
          f'(budget {budget})')
    broken = [f'code {code} > {code_budget}'] * (code > code_budget) + [f'module {whole} > {budget}'] * (whole > budget)
    if broken:
        print('wasm-size: over budget: ' + '; '.join(broken), file=sys.stderr)
        sys.exit(1)


if __name__ == '__main__':
    main()
