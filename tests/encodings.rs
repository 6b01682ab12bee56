//! Pages in legacy character encodings (`tests/fixtures/encodings/`): each gives the same summary as its
//! UTF-8 twin (the same invented article, saved as UTF-8), whether the encoding is declared by
//! `<meta>`, passed as the served charset, or left to the detector.

use std::path::PathBuf;

/// (fixture name, its encoding's label, a phrase of the article with non-ASCII letters in it).
const PAGES: &[(&str, &str, &str)] = &[
    ("latin1", "iso-8859-1", "façade en pierre, abîmée"),
    (
        "windows-1252",
        "windows-1252",
        "“These walls have stories in them — shipwrecks",
    ),
    ("shift_jis", "shift_jis", "新しい図書館が開館した"),
    ("gbk", "gbk", "江边老码头经过两年改造"),
    ("euc-kr", "euc-kr", "작은 미술관이 문을 열었다"),
];

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests/fixtures/encodings", name]
        .iter()
        .collect();
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn summary_json(bytes: &[u8], declared: Option<&str>) -> (lede::Summary, String) {
    let html = lede::snapshot::decode_page_declared(bytes.to_vec(), declared).unwrap();
    let s = lede::summarize(&lede::Snapshot::from_html(&html, None));
    let json = serde_json::to_string(&s).unwrap();
    (s, json)
}

/// The page's bytes without its `<meta ...charset...>` tag (still in the legacy encoding: the tag is ASCII).
fn without_meta(bytes: &[u8]) -> Vec<u8> {
    let start = bytes.windows(5).position(|w| w == b"<meta").unwrap();
    let end = start + bytes[start..].iter().position(|&b| b == b'>').unwrap() + 1;
    [&bytes[..start], &bytes[end..]].concat()
}

#[test]
fn each_legacy_encoding_gives_its_utf8_twins_summary() {
    for &(name, label, phrase) in PAGES {
        let (twin, twin_json) = summary_json(&fixture(&format!("{name}.utf8.html")), None);
        assert!(twin.article_found, "{name}: twin has no article");
        assert!(twin.body.contains(phrase), "{name}: {}", twin.body);
        let legacy = fixture(&format!("{name}.html"));
        assert!(
            std::str::from_utf8(&legacy).is_err(),
            "{name}.html must not be UTF-8"
        );
        let (s, json) = summary_json(&legacy, None);
        assert!(s.body.contains(phrase), "{name} (meta): {}", s.body);
        assert_eq!(json, twin_json, "{name}: declared by <meta>");
        // without the <meta>, the node numbers shift: compare with the twin without its <meta>
        let twin_json = summary_json(&without_meta(&fixture(&format!("{name}.utf8.html"))), None).1;
        let bare = without_meta(&legacy);
        assert_eq!(
            summary_json(&bare, Some(label)).1,
            twin_json,
            "{name}: declared by the served charset"
        );
        assert_eq!(
            summary_json(&bare, Some(&format!("text/html; charset={label}"))).1,
            twin_json,
            "{name}: declared by a Content-Type"
        );
        assert_eq!(summary_json(&bare, None).1, twin_json, "{name}: detected");
    }
}

#[test]
fn windows_1252_keeps_curly_quotes_so_the_quote_is_found() {
    let (s, _) = summary_json(&fixture("windows-1252.html"), None);
    assert!(
        s.quotes
            .iter()
            .any(|q| q.text.contains("didn’t want them sold")),
        "{:?}",
        s.quotes
    );
}

#[test]
fn cli_reads_a_declared_latin1_page_and_a_served_charset() {
    let dir = std::env::temp_dir().join(format!("lede-enc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("latin1.html");
    std::fs::write(&page, without_meta(&fixture("latin1.html"))).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .args([page.to_str().unwrap(), "--charset", "latin1", "-f", "text"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Le café du port rouvre"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}
