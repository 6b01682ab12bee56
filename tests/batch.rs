//! `lede batch`: pages from folders, WARC files (built here, with HTTP headers) and JSON Lines give the
//! same summaries as the pages read one by one, in input order whatever the number of workers; a bad
//! page becomes an `error` line without stopping the run; the exit status says whether all went well.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn lede(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .output()
        .expect("run lede");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The fixture pages, sorted by name (the order `lede batch` walks a folder in).
fn fixture_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/kinds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
}

/// A fresh scratch folder under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One WARC 1.1 record (its header block, its content block and the closing CRLF CRLF).
fn record(kind: &str, id: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {id}\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n\
         WARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

fn gzip_member(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// A crawl-like WARC of the fixture pages: request and response records, one gzip member each, with
/// a PNG response and a redirect among them (neither is a page). Returns (record id, page, url).
fn write_warc(path: &Path, pages: &[PathBuf]) -> Vec<(String, PathBuf, String)> {
    let mut out = Vec::new();
    let mut expected = Vec::new();
    let mut push = |r: Vec<u8>| out.extend(gzip_member(&r));
    push(record(
        "warcinfo",
        "<urn:uuid:info>",
        "",
        "application/warc-fields",
        b"software: tests/batch.rs\r\n",
    ));
    for (i, page) in pages.iter().enumerate() {
        let url = format!(
            "https://news.example/{}",
            page.file_name().unwrap().to_string_lossy()
        );
        let id = format!("<urn:uuid:00000000-0000-0000-0000-{i:012}>");
        let request = "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n";
        push(record(
            "request",
            "<urn:uuid:req>",
            &url,
            "application/http; msgtype=request",
            request.as_bytes(),
        ));
        let body = std::fs::read(page).unwrap();
        let response = http("200 OK", "text/html; charset=UTF-8", &body);
        push(record(
            "response",
            &id,
            &url,
            "application/http; msgtype=response",
            &response,
        ));
        if i == 1 {
            let png = http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
            push(record(
                "response",
                "<urn:uuid:png>",
                "https://news.example/a.png",
                "application/http",
                &png,
            ));
            let moved = http(
                "301 Moved Permanently",
                "text/html",
                b"<a href=/b>moved</a>",
            );
            push(record(
                "response",
                "<urn:uuid:moved>",
                "https://news.example/old",
                "application/http",
                &moved,
            ));
        }
        expected.push((id, page.clone(), url));
    }
    std::fs::write(path, out).unwrap();
    expected
}

#[test]
fn a_warc_gives_the_summaries_of_the_pages_read_one_by_one() {
    let dir = scratch("batch-warc");
    let pages = fixture_pages();
    assert!(pages.len() >= 20);
    let warc = dir.join("crawl.warc.gz");
    let expected = write_warc(&warc, &pages);
    let (code, out, err) = lede(&["batch", warc.to_str().unwrap(), "--jobs", "2"]);
    assert_eq!(code, 0, "{err}");
    let got = lines(&out);
    assert_eq!(
        got.len(),
        expected.len(),
        "the PNG and the redirect are skipped"
    );
    for (line, (id, page, url)) in got.iter().zip(&expected) {
        assert_eq!(line["source"], id.as_str());
        let (code, one, _) = lede(&[page.to_str().unwrap(), "--url", url]);
        assert_eq!(code, 0);
        let one: Value = serde_json::from_str(&one).unwrap();
        assert_eq!(line["summary"], one, "{}", page.display());
    }

    // The same records uncompressed, cut short in the middle of the third page's response: the pages
    // before it are summarised, then one error line names the file, and the status is 1.
    let mut plain = Vec::new();
    for (i, page) in pages.iter().take(3).enumerate() {
        let body = std::fs::read(page).unwrap();
        let id = format!("<urn:uuid:{i}>");
        plain.extend(record(
            "response",
            &id,
            "https://news.example/",
            "application/http",
            &http("200 OK", "text/html", &body),
        ));
    }
    plain.truncate(plain.len() - 200);
    let cut = dir.join("cut.warc");
    std::fs::write(&cut, plain).unwrap();
    let (code, out, _) = lede(&["batch", cut.to_str().unwrap()]);
    assert_eq!(code, 1);
    let got = lines(&out);
    assert_eq!(got.len(), 3, "{out}");
    assert!(got[0]["summary"].is_object() && got[1]["summary"].is_object());
    assert_eq!(got[2]["source"], "<urn:uuid:2>");
    assert!(
        got[2]["error"]
            .as_str()
            .unwrap()
            .starts_with("WARC record cut short"),
        "{}",
        got[2]
    );
}

#[test]
fn folders_and_json_lines_in_input_order_with_errors_on_their_own_lines() {
    let dir = scratch("batch-mixed");
    let pages = fixture_pages();
    // a folder of pages in nested folders, one gzipped, one binary, one that is not a page by name
    let tree = dir.join("tree");
    std::fs::create_dir_all(tree.join("b/inner")).unwrap();
    std::fs::copy(&pages[0], tree.join("a.html")).unwrap();
    let gz = gzip_member(&std::fs::read(&pages[1]).unwrap());
    std::fs::write(tree.join("b/inner/c.html.gz"), gz).unwrap();
    std::fs::write(
        tree.join("b/binary.htm"),
        [0u8, 1, 2, 3, 4, 5, 6, 7].repeat(100),
    )
    .unwrap();
    std::fs::write(tree.join("b/notes.txt"), "not a page").unwrap();
    // JSON Lines: a page with a url, a broken line, a blank line, a page without url
    let html = std::fs::read_to_string(&pages[2]).unwrap();
    let jsonl = dir.join("pages.jsonl");
    std::fs::write(
        &jsonl,
        format!(
            "{}\n{{\"url\": 3}}\n\n{}\n",
            serde_json::json!({"url": "https://news.example/x", "html": html}),
            serde_json::json!({"html": "<h1>Short</h1><p>Just one line.</p>"}),
        ),
    )
    .unwrap();
    let single = pages[3].to_str().unwrap();
    let args = |jobs: &'static str| {
        vec![
            "batch".to_string(),
            tree.to_str().unwrap().to_string(),
            jsonl.to_str().unwrap().to_string(),
            single.to_string(),
            "--jobs".to_string(),
            jobs.to_string(),
        ]
    };
    let run = |a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        lede(&a)
    };
    let (code, out, _) = run(args("1"));
    assert_eq!(code, 1, "a binary page and a broken line fail");
    let got = lines(&out);
    let sources: Vec<&str> = got.iter().map(|l| l["source"].as_str().unwrap()).collect();
    let t = tree.to_str().unwrap();
    let j = jsonl.to_str().unwrap();
    assert_eq!(
        sources,
        [
            format!("{t}/a.html"),
            format!("{t}/b/binary.htm"),
            format!("{t}/b/inner/c.html.gz"),
            format!("{j}:1"),
            format!("{j}:2"),
            format!("{j}:4"),
            single.to_string(),
        ]
    );
    assert_eq!(got[1]["error"], "not an HTML page (binary data)");
    assert!(got[4]["error"]
        .as_str()
        .unwrap()
        .starts_with("not a JSON object"));
    assert_eq!(got[3]["summary"]["url"], "https://news.example/x");
    for (line, page) in [
        (&got[0], &pages[0]),
        (&got[2], &pages[1]),
        (&got[6], &pages[3]),
    ] {
        let (_, one, _) = lede(&[page.to_str().unwrap()]);
        assert_eq!(
            line["summary"],
            serde_json::from_str::<Value>(&one).unwrap()
        );
    }
    // the same bytes with two workers, and into a file
    let (code2, out2, _) = run(args("2"));
    assert_eq!((code2, &out2), (1, &out));
    let file = dir.join("out.jsonl");
    let mut a = args("2");
    a.extend(["-o".to_string(), file.to_str().unwrap().to_string()]);
    let (code3, out3, _) = run(a);
    assert_eq!((code3, out3.as_str()), (1, ""));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), out);
}

#[test]
fn sections_formats_and_unusable_arguments() {
    let page = "tests/fixtures/sample/xi-putin-summit.html";
    let (code, out, _) = lede(&["batch", page, "--no-quotes", "--no-entities"]);
    assert_eq!(code, 0);
    let l = &lines(&out)[0];
    assert!(l["summary"].get("quotes").is_none() && l["summary"].get("entities").is_none());
    assert!(l["summary"]["headline"].is_string());
    let (code, out, _) = lede(&["batch", page, "-f", "markdown", "--no-quotes"]);
    assert_eq!(code, 0);
    let md = lines(&out)[0]["markdown"].as_str().unwrap().to_string();
    let (_, single, _) = lede(&[page, "-f", "markdown", "--no-quotes"]);
    assert_eq!(md, single.strip_suffix('\n').unwrap());

    for bad in [
        vec!["batch"],
        vec!["batch", "no/such/folder"],
        vec!["batch", page, "--jobs", "0"],
        vec!["batch", page, "--format", "pdf"],
        vec!["batch", page, "--frobnicate"],
        vec!["batch", page, "-o", "no/such/dir/out.jsonl"],
    ] {
        let (code, out, err) = lede(&bad);
        assert_eq!(code, 2, "{bad:?}");
        assert!(
            out.is_empty() && err.starts_with("lede batch: "),
            "{bad:?}: {err}"
        );
    }
}

#[test]
fn a_warc_record_is_decoded_with_its_http_charset() {
    // Shift_JIS bytes whose <meta charset> says UTF-8 (a re-encoded page; the HTTP header is right):
    // the record's Content-Type charset decides, and the summary is the UTF-8 twin's.
    let dir = scratch("batch-charset");
    let read = |name: &str| std::fs::read(format!("tests/fixtures/encodings/{name}")).unwrap();
    let sjis = read("shift_jis.html");
    let start = sjis.windows(5).position(|w| w == b"<meta").unwrap();
    let end = start + sjis[start..].iter().position(|&b| b == b'>').unwrap() + 1;
    let mislabelled = [&sjis[..start], b"<meta charset=\"utf-8\">", &sjis[end..]].concat();
    let url = "https://news.example/ja";
    let mut warc = record(
        "response",
        "<urn:uuid:sjis>",
        url,
        "application/http; msgtype=response",
        &http("200 OK", "text/html; charset=Shift_JIS", &mislabelled),
    );
    // the same bytes served without a charset: the (wrong) <meta> is believed
    warc.extend(record(
        "response",
        "<urn:uuid:meta>",
        url,
        "application/http",
        &http("200 OK", "text/html", &mislabelled),
    ));
    let path = dir.join("ja.warc");
    std::fs::write(&path, warc).unwrap();
    let (code, out, _) = lede(&["batch", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let got = lines(&out);
    let twin = "tests/fixtures/encodings/shift_jis.utf8.html";
    let (_, one, _) = lede(&[twin, "--url", url]);
    let one: Value = serde_json::from_str(&one).unwrap();
    assert_eq!(got[0]["summary"], one);
    assert_ne!(got[1]["summary"]["headline"], one["headline"]);
}
