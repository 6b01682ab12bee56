"""Lede: summaries of news articles (headline, byline, date, key points, quotes with their speakers,
named entities) computed locally from a page's HTML by the same Rust analysis as the ``lede`` CLI and
the browser extension.

    >>> import lede
    >>> s = lede.summarize(open("page.html", "rb").read(), url="https://example.org/a")
    >>> s["headline"], s["bullets"], [q["speaker"] for q in s["quotes"]]

The dictionaries are the CLI's JSON (``docs/schema.md``). The analysis runs with the GIL released, so
threads run pages in parallel; :func:`summarize_many` does that for an iterable of pages.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from ._lede import __version__
from ._lede import batch_lines as _batch_lines
from ._lede import summarize_batch as _summarize_batch
from ._lede import summarize_json as _summarize_json

__all__ = ["summarize", "summarize_json", "summarize_many", "summarize_files", "__version__"]

Html = Union[str, bytes, bytearray, memoryview]
Page = Union[Html, Tuple[Html, Optional[str]], Dict[str, Any]]

# Pages handed to the Rust workers at a time by summarize_many (times the number of jobs): enough that
# no worker waits at the end of a chunk, few enough to keep memory small.
_CHUNK_PER_JOB = 64


def _bytes(html: Html) -> Tuple[bytes, Optional[str]]:
    """The page's bytes and the charset they are known to be in (``str`` input is encoded as UTF-8)."""
    if isinstance(html, str):
        return html.encode("utf-8", "surrogatepass"), "utf-8"
    if isinstance(html, (bytes, bytearray, memoryview)):
        return bytes(html), None
    raise TypeError(f"html must be str or bytes, not {type(html).__name__}")


def summarize_json(
    html: Html, url: Optional[str] = None, charset: Optional[str] = None, pretty: bool = False
) -> str:
    """The summary of one page as JSON text, byte for byte what the CLI writes.

    ``html``: the page as ``bytes`` (as stored or served: gzipped or not, in any encoding, found as the
    CLI finds it; ``charset`` the one it was served with, e.g. an HTTP ``Content-Type`` value) or as
    ``str`` (already decoded). ``url``: the page's address, recorded in the summary.
    ``pretty=True`` gives ``lede PAGE.html --url URL``'s output (without its final newline), otherwise
    the one-line JSON of ``lede batch``'s ``summary``.

    Raises ``ValueError`` (one-line reason) when the input is not a page (binary data, broken gzip).
    """
    data, known = _bytes(html)
    return _summarize_json(data, url, charset or known, pretty)


def summarize(html: Html, url: Optional[str] = None, charset: Optional[str] = None) -> Dict[str, Any]:
    """The summary of one page as a ``dict``: the CLI's JSON (``docs/schema.md``): ``headline``,
    ``byline``, ``published``, ``site_name``, ``url``, ``lang``, ``dir``, ``bullets``,
    ``bullet_details``, ``body``, ``quotes`` (``text``, ``speaker``, ...), ``entities`` (``name``,
    ``type``, ``aliases``, ...), ``article_found`` and ``message``.

    Arguments as for :func:`summarize_json`. The GIL is released while the page is analysed.
    Raises ``ValueError`` when the input is not a page.
    """
    return json.loads(summarize_json(html, url, charset))


def _page(item: Page) -> Tuple[bytes, Optional[str], Optional[str]]:
    if isinstance(item, dict):
        data, known = _bytes(item["html"])
        return data, item.get("url"), item.get("charset") or known
    if isinstance(item, tuple):
        html, url = item
        data, known = _bytes(html)
        return data, url, known
    data, known = _bytes(item)
    return data, None, known


def summarize_many(pages: Iterable[Page], jobs: Optional[int] = None) -> Iterator[Dict[str, Any]]:
    """Summaries of many pages, in the order given, computed on ``jobs`` threads (default: one per
    core) with the GIL released.

    Each page is ``html`` (``str`` or ``bytes``), a tuple ``(html, url)`` or a dict with ``html`` and
    optionally ``url`` and ``charset`` (one line of JSON Lines input). Yields one ``dict`` per page:
    its summary (as :func:`summarize`), or ``{"error": reason}`` for input that is not a page, so one
    bad page never stops the run. Reads ``pages`` lazily, a chunk at a time: memory stays bounded
    however long the iterable.
    """
    if jobs is None:
        jobs = os.cpu_count() or 1
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    size = _CHUNK_PER_JOB * jobs
    # One chunk is analysed in Rust (GIL released) while this thread reads the next one and turns the
    # previous one's results into dicts: at most three chunks in memory.
    with ThreadPoolExecutor(max_workers=1) as pool:
        running = None
        for chunk in _chunks(pages, size):
            future = pool.submit(_summarize_batch, chunk, jobs)
            if running is not None:
                yield from _results(running.result())
            running = future
        if running is not None:
            yield from _results(running.result())


def _chunks(pages: Iterable[Page], size: int) -> Iterator[list]:
    chunk = []
    for item in pages:
        chunk.append(_page(item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _results(results: List[Tuple[bool, str]]) -> Iterator[Dict[str, Any]]:
    for ok, text in results:
        yield json.loads(text) if ok else {"error": text}


def summarize_files(
    inputs: Union[str, "os.PathLike[str]", List[Union[str, "os.PathLike[str]"]]],
    jobs: Optional[int] = None,
    raw: bool = False,
) -> Iterator[Any]:
    """``lede batch INPUT...`` from Python: the pages of page files, folders (recursive), WARC files
    (``.warc``, ``.warc.gz``: each HTML response record) and JSON Lines files, read and summarised in
    Rust on ``jobs`` threads (default: one per core) while Python consumes the results.

    Yields one ``dict`` per page, in input order, exactly the CLI's output lines: ``{"source": ...,
    "summary": {...}}``, or ``{"source": ..., "url": ..., "error": reason}`` for a page that could not
    be read. ``source`` is the file path, ``PATH:LINE`` or the WARC record id; a WARC page's URL is in
    ``summary["url"]``. Memory stays bounded whatever the input's size. Raises ``ValueError`` for an
    input path that does not exist. ``raw=True`` yields each line as the JSON text the CLI writes
    (without its newline) instead of a ``dict``.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    paths = [os.fspath(p) for p in inputs]
    if jobs is None:
        jobs = os.cpu_count() or 1
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    for line in _batch_lines(paths, jobs):
        yield line if raw else json.loads(line)
