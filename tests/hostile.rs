//! Hostile and degenerate pages (issue "Safe on any page"): every one summarises without a panic and
//! answers clearly, natively and through the snapshot JSON the extension sends; the CLI's exit status
//! and one-line reasons. Timings are in `examples/hostile_times.rs`, not asserted here.

#[path = "hostile/pages.rs"]
mod pages;

use lede::summary::TextRange;
use lede::{Snapshot, Summary};
use std::process::{Command, Stdio};

/// Depth of every node (root element 0).
fn max_depth(snap: &Snapshot) -> u32 {
    let mut depth = vec![0u32; snap.nodes.len()];
    for (i, n) in snap.nodes.iter().enumerate() {
        if let Some(p) = n.parent {
            depth[i] = depth[p as usize] + 1;
        }
    }
    depth.into_iter().max().unwrap_or(0)
}

/// Every range lies inside its text node, on UTF-16 boundaries that do not split a surrogate pair.
fn check_ranges(snap: &Snapshot, ranges: &[TextRange], what: &str) {
    for r in ranges {
        let text = snap.nodes[r.node as usize]
            .text
            .as_deref()
            .unwrap_or_else(|| panic!("{what}: range on an element"));
        let units: Vec<u16> = text.encode_utf16().collect();
        assert!(
            r.start < r.end && r.end as usize <= units.len(),
            "{what}: {r:?} outside {} units",
            units.len()
        );
        for at in [r.start as usize, r.end as usize] {
            assert!(
                at == units.len() || !(0xDC00..0xE000).contains(&units[at]),
                "{what}: {r:?} splits a surrogate pair"
            );
        }
    }
}

/// The answer is clear: an article with a body, or no article with a message and nothing else.
fn check_summary(name: &str, snap: &Snapshot, s: &Summary) {
    if s.article_found {
        assert!(!s.body.trim().is_empty(), "{name}: article without a body");
    } else {
        assert!(
            s.message.as_deref().is_some_and(|m| !m.is_empty()),
            "{name}: no article and no message"
        );
        assert!(
            s.body.is_empty() && s.quotes.is_empty() && s.entities.is_empty(),
            "{name}: no article, yet content"
        );
    }
    for b in &s.bullet_details {
        check_ranges(snap, &b.ranges, name);
    }
    for q in &s.quotes {
        check_ranges(snap, &q.ranges, name);
    }
    for e in &s.entities {
        for m in &e.mentions {
            check_ranges(snap, &m.ranges, name);
        }
    }
    serde_json::to_string(s).unwrap();
}

#[test]
fn every_hostile_page_gets_a_clear_answer_natively_and_through_snapshot_json() {
    for (name, html) in pages::all() {
        let snap = Snapshot::from_html(&html, Some("https://news.example/a"));
        snap.validate().unwrap();
        assert!(
            max_depth(&snap) <= lede::snapshot::MAX_DEPTH + 1,
            "{name}: nesting {} deep",
            max_depth(&snap)
        );
        let s = lede::summarize(&snap);
        check_summary(name, &snap, &s);
        // The extension's path: the snapshot as JSON, parsed again in the panel.
        let json = serde_json::to_string(&snap).unwrap();
        let back = Snapshot::from_json(&json).unwrap();
        assert_eq!(lede::summarize(&back), s, "{name}: JSON path differs");
    }
}

#[test]
fn nesting_of_every_element_shape_is_capped() {
    for (name, html) in pages::nesting_variants(3_000) {
        let snap = Snapshot::from_html(&html, None);
        snap.validate().unwrap();
        assert!(
            max_depth(&snap) <= lede::snapshot::MAX_DEPTH + 1,
            "{name}: nesting {} deep",
            max_depth(&snap)
        );
        check_summary(&name, &snap, &lede::summarize(&snap));
    }
}

#[test]
fn pages_without_an_article_say_so() {
    let pages = pages::all();
    let page = |name: &str| &pages.iter().find(|(n, _)| *n == name).unwrap().1;
    for name in [
        "empty",
        "whitespace only",
        "no body",
        "frameset",
        "image viewer",
        "pdf viewer",
        "video only",
        "login wall",
    ] {
        let s = lede::summarize(&Snapshot::from_html(page(name), None));
        assert!(!s.article_found, "{name}: found an article");
        assert!(s.message.is_some(), "{name}");
    }
}

#[test]
fn text_under_extreme_nesting_is_kept() {
    for (tag, closed) in [("div", true), ("div", false), ("span", false)] {
        let html = pages::nested(tag, 20_000, closed);
        let snap = Snapshot::from_html(&html, None);
        assert!(max_depth(&snap) <= lede::snapshot::MAX_DEPTH + 1);
        let s = lede::summarize(&snap);
        assert!(s.article_found, "{tag} closed={closed}: {:?}", s.message);
        assert!(s.body.contains("harbour plan"), "{tag} closed={closed}");
        assert!(
            s.entities.iter().any(|e| e.name == "Anna Berg"),
            "{tag} closed={closed}"
        );
    }
}

#[test]
fn the_depth_cap_leaves_ordinary_nesting_alone() {
    // 200 levels: below the cap, the tree is exactly the nesting of the page
    let html = pages::nested("div", 200, true);
    let snap = Snapshot::from_html(&html, None);
    // html > body > 200 divs > p > text
    assert_eq!(max_depth(&snap), 1 + 200 + 2);
    // Well-formed deep nesting past the cap keeps the page's structure after it.
    let html = format!(
        "{}<p id=after>after</p></body></html>",
        pages::nested("div", 2_000, true).trim_end_matches("</body></html>")
    );
    let snap = Snapshot::from_html(&html, None);
    let after = snap
        .nodes
        .iter()
        .position(|n| n.attr("id") == Some("after"))
        .unwrap();
    assert_eq!(
        snap.nodes[snap.nodes[after].parent.unwrap() as usize].tag,
        "body",
        "the page's own end tags of the capped elements were not matched"
    );
}

#[test]
fn lone_surrogates_and_nul_in_snapshot_json_are_read() {
    // JSON.stringify writes a lone surrogate (a page can make one with JavaScript) as an escape,
    // which serde_json refuses on its own; NUL arrives as \u0000.
    let json = format!(
        r#"{{"url":"https://news.example/a","nodes":[{{"tag":"html"}},{{"parent":0,"tag":"body"}},
        {{"parent":1,"tag":"h1"}},{{"parent":2,"text":"Lone \ud800 high and \udc00 low \u0000 NUL"}},
        {{"parent":1,"tag":"p"}},{{"parent":4,"text":"{}\ud83d\ude00 pair, \ud83d lone, \\ud800 escaped backslash"}}]}}"#,
        pages::PARAGRAPH.replace('"', "\\\"")
    );
    let snap = Snapshot::from_json(&json).expect("lone surrogates are replaced, not refused");
    let h = snap.nodes[3].text.as_deref().unwrap();
    assert_eq!(h, "Lone \u{fffd} high and \u{fffd} low \u{0} NUL");
    let p = snap.nodes[5].text.as_deref().unwrap();
    assert!(p.ends_with("\u{1f600} pair, \u{fffd} lone, \\ud800 escaped backslash"));
    // one replacement character per lone surrogate: UTF-16 offsets still match the page's text node
    assert_eq!(
        h.encode_utf16().count(),
        "Lone X high and X low X NUL".len()
    );
    let s = lede::summarize(&snap);
    check_summary("json surrogates", &snap, &s);
    assert!(Snapshot::from_json(r#"{"nodes":[{"tag":"html"},{"parent":0,"text":"\ud800"#).is_err());
}

#[test]
fn hostile_markup_in_page_text_stays_text() {
    let evil = "<img src=x onerror=alert(1)> and <script>alert(2)</script>";
    let esc = |s: &str| s.replace('<', "&lt;").replace('>', "&gt;");
    let html = pages::article(
        &esc("<img src=x onerror=alert(1)> Harbour plan approved"),
        &format!(
            "<p class=byline>By {}</p><p>{}</p><p>\"They sent us {} in a letter to the council, with \
             javascript:alert(4) links,\" said Anna Berg.</p><p>{}</p>",
            esc("<script>alert(3)</script>"),
            pages::PARAGRAPH,
            esc(evil),
            pages::PARAGRAPH
        ),
    );
    let snap = Snapshot::from_html(&html, None);
    let s = lede::summarize(&snap);
    assert!(s.article_found);
    assert_eq!(
        s.headline.as_deref(),
        Some("<img src=x onerror=alert(1)> Harbour plan approved")
    );
    assert!(
        s.quotes
            .iter()
            .any(|q| q.text.contains(evil) && q.text.contains("javascript:alert(4)")),
        "{:?}",
        s.quotes
    );
}

fn lede_cli(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // a refused input may close the pipe before reading all of it
    let _ = input.write_all(stdin);
    drop(input);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_refuses_unreadable_input_with_one_line_reason() {
    let dir = std::env::temp_dir().join(format!("lede-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken_gz = dir.join("broken.html.gz");
    std::fs::write(&broken_gz, [0x1f, 0x8b, 8, 0, 1, 2, 3]).unwrap();
    let missing = dir.join("missing.html");
    let cases: Vec<(Vec<String>, Vec<u8>)> = vec![
        (vec![missing.display().to_string()], vec![]),
        (vec![dir.display().to_string()], vec![]), // a directory
        (vec![broken_gz.display().to_string()], vec![]),
        (vec!["-".into()], (0..=255u8).cycle().take(4096).collect()), // binary
        (
            vec!["-".into()],
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".repeat(50),
        ),
        (
            vec!["page.html".into(), "--format".into(), "xml".into()],
            vec![],
        ),
        (vec!["--bogus".into()], vec![]),
    ];
    for (args, stdin) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, stdout, stderr) = lede_cli(&args, &stdin);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}");
        let first = stderr.lines().next().unwrap_or("");
        assert!(first.starts_with("lede: "), "{args:?}: {stderr:?}");
        assert!(first.len() > "lede: ".len() + 5, "{args:?}: {stderr:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cli_answers_a_page_without_an_article_with_status_zero() {
    for page in ["", "<html><body><video src=a.mp4></video></body></html>"] {
        let (code, stdout, stderr) = lede_cli(&["-"], page.as_bytes());
        assert_eq!(code, 0, "{stderr}");
        let s: Summary = serde_json::from_str(&stdout).unwrap();
        assert!(!s.article_found && s.message.is_some() && s.body.is_empty());
        let (code, md, _) = lede_cli(&["-", "-f", "markdown"], page.as_bytes());
        assert_eq!(code, 0);
        assert!(
            !md.trim().is_empty(),
            "Markdown says why there is no summary"
        );
    }
}
