//! Hostile and degenerate pages, generated: what a browser extension meets on pages nobody controls.
//!
//! Shared by `tests/hostile.rs` (each page summarises without a panic and answers clearly) and
//! `examples/hostile_times.rs` (how long each takes). `tests/e2e/safety.test.mjs` builds the same
//! kinds of pages for the browser.
#![allow(dead_code)]

/// A short, ordinary news paragraph: enough text for an article when repeated.
pub const PARAGRAPH: &str =
    "The city council approved the harbour plan on Tuesday after two years of \
debate, and the mayor, Anna Berg, said the first ferries would run next spring. \"We listened to \
every neighbourhood,\" Berg said at a press conference in Oslo.";

/// An article page around `body_html` (already HTML), with a headline.
pub fn article(headline: &str, body_html: &str) -> String {
    format!(
        "<!doctype html><html lang=en><head><title>{headline}</title></head><body><article>\
         <h1>{headline}</h1>{body_html}</article></body></html>"
    )
}

fn paragraphs(n: usize) -> String {
    (0..n).map(|_| format!("<p>{PARAGRAPH}</p>")).collect()
}

/// `depth` nested elements named `tag` around a short article, closed properly or left open.
pub fn nested(tag: &str, depth: usize, closed: bool) -> String {
    let mut s = String::with_capacity(depth * (2 * tag.len() + 5) + 2000);
    s.push_str("<!doctype html><html><head><title>Deep</title></head><body>");
    for _ in 0..depth {
        s.push('<');
        s.push_str(tag);
        s.push('>');
    }
    s.push_str(&paragraphs(4));
    if closed {
        for _ in 0..depth {
            s.push_str("</");
            s.push_str(tag);
            s.push('>');
        }
    }
    s.push_str("</body></html>");
    s
}

/// Unclosed nesting `depth` levels deep of the element shapes that stress an HTML tree builder:
/// block elements, inline elements, list items, self-closing syntax on a non-void element,
/// formatting elements (reconstructed by the parser), foreign (SVG) content and table cells.
pub fn nesting_variants(depth: usize) -> Vec<(String, String)> {
    [
        ("div", 1),
        ("span", 1),
        ("ul><li", 2),
        ("div/", 1),
        ("b id=x", 1),
        ("svg><g", 2),
        ("table><tr><td", 3),
    ]
    .into_iter()
    .map(|(tag, per_level)| {
        (
            format!("{} deep <{tag}>", depth),
            nested(tag, depth / per_level, false),
        )
    })
    .collect()
}

/// Every hostile page kind, by name. Sizes are the issue's: 5 MB in one text node, 200 000
/// elements, 10 000-deep nesting (and 100 000-deep, unclosed, for the parser's worst case).
pub fn all() -> Vec<(&'static str, String)> {
    let five_mb_text = {
        let sentence =
            "Officials said the storm would pass by the evening and schools would reopen. ";
        let mut t = String::with_capacity(5 * 1024 * 1024 + 100);
        while t.len() < 5 * 1024 * 1024 {
            t.push_str(sentence);
        }
        format!("<!doctype html><html><body><p>{t}</p></body></html>")
    };
    let many_elements = {
        let mut s =
            String::from("<!doctype html><html><body><article><h1>Many small elements</h1>");
        for i in 0..50_000 {
            // four elements per round: 200 000 in all
            s.push_str(&format!(
                "<p><span>word{i}</span> <b>bold</b> <i>it</i></p>"
            ));
        }
        s.push_str("</article></body></html>");
        s
    };
    let malformed = format!(
        "<html><head><title>Broken & <b>bold</b></title></head><body><p><b><i>{PARAGRAPH}</b></i><table><td>cell\
         <p>{PARAGRAPH}</table></li></ul><</a>&amp &#xFFFFFFFF; &#0; &#xD800; <p <p>> <div \
         class=\"a' id=x>{PARAGRAPH}<!-- a comment that never ends <p>after"
    );
    vec![
        ("empty", String::new()),
        ("whitespace only", " \n\t \r\n".into()),
        ("no body", "<html><head><title>Only a title</title></head></html>".into()),
        (
            "frameset",
            "<!doctype html><html><head><title>Frames</title></head><frameset cols=\"50%,50%\">\
             <frame src=\"a.html\"><frame src=\"b.html\"><noframes>Your browser has no frames.\
             </noframes></frameset></html>"
                .into(),
        ),
        (
            "svg only",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><title>A chart\
             </title><circle cx=\"50\" cy=\"50\" r=\"40\"/><text x=\"10\" y=\"50\">Sales rose by \
             four per cent in the quarter, the company said.</text></svg>"
                .into(),
        ),
        (
            "image viewer",
            // what Chromium builds for a directly opened image
            "<html><head><meta name=\"viewport\" content=\"width=device-width, minimum-scale=0.1\">\
             <title>harbour.jpg (1600×900)</title></head><body style=\"margin: 0px; height: 100%;\">\
             <img style=\"display: block;\" src=\"harbour.jpg\"></body></html>"
                .into(),
        ),
        (
            "pdf viewer",
            "<html><head></head><body style=\"height: 100%; width: 100%; overflow: hidden; margin:0px;\">\
             <embed name=\"viewer\" style=\"position:absolute; left: 0; top: 0;\" width=\"100%\" \
             height=\"100%\" src=\"about:blank\" type=\"application/pdf\"></body></html>"
                .into(),
        ),
        (
            "video only",
            "<!doctype html><html><head><title>Watch: the storm</title></head><body><video src=\
             \"storm.mp4\" controls autoplay>Your browser cannot play this video.</video></body></html>"
                .into(),
        ),
        (
            "login wall",
            "<!doctype html><html><head><title>Sign in</title></head><body><main><form>\
             <h1>Sign in to continue reading</h1><label>Email <input name=email></label>\
             <label>Password <input type=password></label><button>Sign in</button>\
             <p><a href=/forgot>Forgot your password?</a></p><p>New here? <a href=/join>Create an \
             account</a></p></form></main></body></html>"
                .into(),
        ),
        ("5 MB text node", five_mb_text),
        ("200k elements", many_elements),
        ("10k deep, closed", nested("div", 10_000, true)),
        ("10k deep, unclosed", nested("div", 10_000, false)),
        ("malformed", malformed),
        (
            "NUL and lone surrogate references",
            article(
                "Null\u{0}bytes &#0; and &#xD800; surrogates",
                &format!("<p>{PARAGRAPH}\u{0}</p><p>Broken &#xDC00;&#xD83D; pair \u{0}{PARAGRAPH}</p>"),
            ),
        ),
        (
            "zero-width and bidi controls",
            article(
                "Harbour\u{200b} plan \u{202e}approved\u{202c}",
                &format!(
                    "<p>The mayor, An\u{200d}na Be\u{feff}rg, said \u{2066}\"we listened\u{2069} to \
                     every neighbourhood\u{200f},\" at a press conference in \u{202b}Oslo\u{202c}.</p>\
                     <p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>"
                ),
            ),
        ),
        (
            "mixed scripts and emoji",
            article(
                "Саммит 🌍 في بكين 北京 summit 👩🏽‍🚀🇳🇴",
                &format!(
                    "<p>Владимир Путин и 习近平 met in Beijing 🇨🇳, and \"мы договорились 🤝\", \
                     Путин said. محمد بن سلمان was not there 👨‍👩‍👧‍👦.</p><p>{PARAGRAPH} 🎉🎉</p>\
                     <p dir=rtl>قال الرئيس إن \"المحادثات كانت مثمرة\" في بكين.</p><p>{PARAGRAPH}</p>"
                ),
            ),
        ),
    ]
}
