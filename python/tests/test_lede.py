"""The Python package gives the CLI's JSON, byte for byte, for every fixture page; summarize_many and
summarize_files keep input order, report bad pages without stopping, and read lazily."""

import itertools
import json
import subprocess
import threading

import pytest

import lede


def run_cli(cli, *args):
    return subprocess.run([cli, *map(str, args)], capture_output=True, check=False)


def test_json_is_the_clis_byte_for_byte_on_every_fixture_page(cli, pages):
    for page in pages:
        url = f"https://news.example/{page.name}"
        out = run_cli(cli, page, "--url", url)
        assert out.returncode == 0, page
        cli_json = out.stdout.decode("utf-8")
        data = page.read_bytes()
        assert lede.summarize_json(data, url=url, pretty=True) + "\n" == cli_json, page
        assert lede.summarize(data, url=url) == json.loads(cli_json), page


def test_batch_lines_are_the_clis_byte_for_byte(cli, pages):
    folder = pages[0].parent
    out = run_cli(cli, "batch", folder, "--jobs", "2")
    assert out.returncode == 0
    assert list(lede.summarize_files(folder, jobs=2, raw=True)) == out.stdout.decode().splitlines()
    first = next(lede.summarize_files([str(folder)]))
    assert first["source"] == str(sorted(folder.glob("*.html"))[0])
    assert first["summary"]["headline"]


def test_str_and_bytes_give_the_same_summary(pages):
    page = next(p for p in pages if p.name == "japanese.html")
    data = page.read_bytes()
    assert lede.summarize(data.decode("utf-8")) == lede.summarize(data)


def test_declared_charset_decodes_legacy_bytes(pages):
    latin1 = next(p for p in pages if p.name == "latin1.html")
    twin = next(p for p in pages if p.name == "latin1.utf8.html")
    assert lede.summarize(latin1.read_bytes(), charset="iso-8859-1") == lede.summarize(twin.read_bytes())


def test_bad_input_raises_a_one_line_value_error():
    with pytest.raises(ValueError, match=r"^not an HTML page \(binary data\)$"):
        lede.summarize(bytes(range(32)) * 10)
    with pytest.raises(TypeError):
        lede.summarize(42)
    with pytest.raises(ValueError):
        list(lede.summarize_files("no/such/folder"))


def test_summarize_many_keeps_order_and_reports_errors(pages):
    items = [p.read_bytes() for p in pages[:12]]
    items.insert(5, bytes(range(32)) * 10)
    items.append(("<h1>Title</h1><p>One short line.</p>", "https://news.example/t"))
    items.append({"html": pages[0].read_bytes(), "url": "https://news.example/d"})
    expected = []
    for item in items:
        if isinstance(item, tuple):
            expected.append(lede.summarize(item[0], url=item[1]))
        elif isinstance(item, dict):
            expected.append(lede.summarize(item["html"], url=item["url"]))
        else:
            try:
                expected.append(lede.summarize(item))
            except ValueError as e:
                expected.append({"error": str(e)})
    for jobs in (1, 2, 3):
        assert list(lede.summarize_many(items, jobs=jobs)) == expected
    assert expected[5] == {"error": "not an HTML page (binary data)"}
    with pytest.raises(ValueError):
        list(lede.summarize_many(items, jobs=0))


def test_summarize_many_reads_its_input_lazily(pages):
    data = pages[0].read_bytes()
    endless = itertools.repeat(data)  # never ends: only a bounded part may be read
    first = list(itertools.islice(lede.summarize_many(endless, jobs=2), 3))
    assert len(first) == 3 and first[0] == first[2]


def test_threads_share_the_package(pages):
    data = [p.read_bytes() for p in pages[:8]]
    expected = [lede.summarize(d) for d in data]
    results = {}

    def work(i):
        results[i] = [lede.summarize(d) for d in data]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[i] == expected for i in range(3))
