//! The CLI's `-f` formats are the panel's Copy formats: Markdown, plain text and HTML, each with the
//! headline, byline, date and source link, and the optional sections switched off by flags.

use std::process::Command;

const SAMPLE: &str = "tests/fixtures/sample/xi-putin-summit.html";
const HEADLINE: &str = "Xi-Putin summit yields united stand on Taiwan and Nato";
const URL: &str = "https://www.scmp.com/news/china/diplomacy/article/3165860";

fn lede(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .output()
        .expect("run lede");
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn every_format_has_headline_byline_date_and_source() {
    let meta = "By Teddy Ng and Jun Mai · South China Morning Post · 4 Feb 2022";
    let (ok, md, _) = lede(&[SAMPLE, "--url", URL, "-f", "markdown"]);
    assert!(ok);
    assert!(
        md.starts_with(&format!(
            "# {HEADLINE}\n\n*{meta}*\n\nSource: [South China Morning Post]({URL})"
        )),
        "{md}"
    );
    let (ok, text, _) = lede(&[SAMPLE, "--url", URL, "-f", "text"]);
    assert!(ok);
    assert!(
        text.starts_with(&format!("{HEADLINE}\n{meta}\nSource: {URL}\n")),
        "{text}"
    );
    assert!(text.contains("\n• China and Russia voice opposition"));
    let (ok, html, _) = lede(&[SAMPLE, "--url", URL, "-f", "html"]);
    assert!(ok);
    assert!(html.contains(&format!("<h1>{HEADLINE}</h1>")), "{html}");
    assert!(html.contains(&format!("<a href=\"{URL}\">South China Morning Post</a>")));
    assert!(html.contains("<time datetime=\"2022-02-04"));
}

#[test]
fn sections_can_be_left_out() {
    for f in ["markdown", "text", "html"] {
        let (_, all, _) = lede(&[SAMPLE, "-f", f]);
        let (ok, bare, _) = lede(&[SAMPLE, "-f", f, "--no-quotes", "--no-entities"]);
        assert!(ok);
        assert!(all.contains("Quotes") && all.contains("People"), "{f}");
        assert!(
            !bare.contains("Quotes") && !bare.contains("People"),
            "{f}: {bare}"
        );
        assert!(bare.contains(HEADLINE), "{f}");
    }
    let (ok, _, err) = lede(&[SAMPLE, "-f", "pdf"]);
    assert!(!ok);
    assert!(err.contains("json, markdown, text or html"), "{err}");
}

#[test]
fn a_page_without_an_article_exits_0_with_an_empty_summary() {
    let page = "tests/fixtures/kinds/index-teaser-cards.html";
    let (ok, json, err) = lede(&[page]);
    assert!(ok, "{err}");
    let s: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(s["article_found"], false);
    assert_eq!(s["message"].as_str(), Some(lede::NO_ARTICLE));
    assert_eq!(s["body"], "");
    for key in ["bullets", "quotes", "entities", "byline"] {
        assert_eq!(s[key], serde_json::json!([]), "{key}: {json}");
    }
    let (ok, md, _) = lede(&[page, "-f", "markdown"]);
    assert!(ok);
    assert!(md.contains(lede::NO_ARTICLE), "{md}");
    assert!(
        !md.contains("Negotiators") && !md.contains("Ana Lima"),
        "{md}"
    );
}
