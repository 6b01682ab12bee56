#!/usr/bin/env python3
"""Build a WARC file from HTML pages, as a crawler would have written it: a `warcinfo` record, then
for each page a `request` record and a `response` record holding an HTTP/1.1 response (status line,
`Content-Type: text/html`, `Content-Length`) whose body is the page's bytes (gunzipped when the file
is `.gz`). A PNG response record is added after the first page, as real crawls hold non-HTML
responses that `lede batch` must skip.

    scripts/make-warc.py OUT.warc[.gz] PAGE_OR_FOLDER... [--repeat N] [--manifest OUT.jsonl]
        [--charset NAME] [--url-base URL]

Each record is its own gzip member when OUT ends in `.gz` (the Common Crawl layout). Record ids are
UUIDs derived from the page's path and copy number, and dates fixed, so the same pages give the same
bytes. `--repeat N` writes every page N times (distinct record ids and URLs: a bigger input of the
same pages, for memory measurements). `--manifest` writes one line per page response:
{"record": id, "path": page file, "url": target URI}. A page's URL is `--url-base` + its path
relative to the folder given (or its file name), unless a `ground-truth.json` beside the page's
folder names one (corpus/aeb-dev). `--charset` adds `; charset=NAME` to every page's Content-Type.

Only the standard library: this writes a test input, it is not a WARC toolkit.
"""

import argparse
import gzip
import json
import os
import sys
import uuid

DATE = "2026-01-01T00:00:00Z"
PAGE_EXTS = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def pages(args):
    """(path, url) of every page, in the order `lede batch` reads folders (file names sorted)."""
    for root in args:
        if os.path.isfile(root):
            yield root, os.path.basename(root)
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                if name.lower().endswith(PAGE_EXTS):
                    path = os.path.join(dirpath, name)
                    yield path, os.path.relpath(path, root)


def known_urls(path, cache={}):
    """Page id -> URL from a ground-truth.json one level above the page's folder (aeb-dev)."""
    gt = os.path.join(os.path.dirname(os.path.dirname(path)), "ground-truth.json")
    if gt not in cache:
        try:
            with open(gt, encoding="utf-8") as f:
                cache[gt] = {k: v.get("url") for k, v in json.load(f).items()}
        except (OSError, ValueError, AttributeError):
            cache[gt] = {}
    return cache[gt]


def record(kind, record_id, fields, block):
    head = [
        "WARC/1.1",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{record_id}>",
        f"WARC-Date: {DATE}",
    ]
    head += [f"{k}: {v}" for k, v in fields]
    head.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(body, content_type):
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--manifest")
    ap.add_argument("--charset")
    ap.add_argument("--url-base", default="https://pages.example/")
    a = ap.parse_args()
    compress = a.out.endswith(".gz")
    out = open(a.out, "wb")
    manifest = open(a.manifest, "w", encoding="utf-8") if a.manifest else None

    def write(rec):
        out.write(gzip.compress(rec, mtime=0) if compress else rec)

    info = b"software: lede scripts/make-warc.py\r\nformat: WARC File Format 1.1\r\n"
    write(record("warcinfo", uuid.uuid5(uuid.NAMESPACE_URL, "warcinfo"), [("Content-Type", "application/warc-fields")], info))
    content_type = "text/html" + (f"; charset={a.charset}" if a.charset else "")
    n = 0
    for copy in range(a.repeat):
        for path, rel in pages(a.inputs):
            with open(path, "rb") as f:
                body = f.read()
            if body[:2] == b"\x1f\x8b":
                body = gzip.decompress(body)
            page_id = os.path.basename(path).split(".")[0]
            url = known_urls(path).get(page_id) or a.url_base + rel.replace(os.sep, "/")
            if copy:
                url += f"#copy{copy}"
            rid = uuid.uuid5(uuid.NAMESPACE_URL, f"{copy}:{path}")
            req = f"GET / HTTP/1.1\r\nHost: pages.example\r\nUser-Agent: lede-test\r\n\r\n".encode()
            write(record("request", uuid.uuid5(uuid.NAMESPACE_URL, f"req:{copy}:{path}"),
                         [("WARC-Target-URI", url), ("Content-Type", "application/http; msgtype=request")], req))
            write(record("response", rid,
                         [("WARC-Target-URI", url), ("Content-Type", "application/http; msgtype=response")],
                         http_response(body, content_type)))
            if manifest:
                manifest.write(json.dumps({"record": f"<urn:uuid:{rid}>", "path": path, "url": url}) + "\n")
            if n == 0:
                write(record("response", uuid.uuid5(uuid.NAMESPACE_URL, "png"),
                             [("WARC-Target-URI", a.url_base + "logo.png"),
                              ("Content-Type", "application/http; msgtype=response")],
                             http_response(PNG, "image/png")))
            n += 1
    out.close()
    print(f"make-warc: {n} pages -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
