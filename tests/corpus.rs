//! Every corpus page: no panic, and every position in the summary points at real page text.

mod common;
use lede::summary::TextRange;

fn utf16_slice(text: &str, r: &TextRange) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    units
        .get(r.start as usize..r.end as usize)
        .map(String::from_utf16_lossy)
}

/// The page text under a list of ranges, whitespace collapsed.
fn text_at(snap: &lede::Snapshot, ranges: &[TextRange]) -> String {
    let mut s = String::new();
    for r in ranges {
        let node = &snap.nodes[r.node as usize];
        let text = node.text.as_deref().expect("range on a text node");
        s.push_str(&utf16_slice(text, r).expect("range inside the text node"));
        s.push(' ');
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_page_summarises_and_ranges_point_at_the_text() {
    let pages = common::corpus_pages();
    assert!(
        pages.len() > 200,
        "corpus not found ({} pages)",
        pages.len()
    );
    let mut articles = 0;
    for page in &pages {
        let snap = lede::Snapshot::from_html(&common::read_page(page), None);
        snap.validate().unwrap();
        let s = lede::summarize(&snap);
        if !s.article_found {
            assert!(
                s.message.is_some() && s.body.is_empty(),
                "{}",
                page.display()
            );
            continue;
        }
        articles += 1;
        assert!(!s.body.is_empty(), "{}", page.display());
        for e in &s.entities {
            assert!(e.aliases.contains(&e.name), "{}: {:?}", page.display(), e);
            for m in &e.mentions {
                if m.ranges.is_empty() {
                    continue;
                }
                assert_eq!(
                    squash(&text_at(&snap, &m.ranges)),
                    squash(&m.text),
                    "{}",
                    page.display()
                );
            }
        }
        for q in s.quotes.iter().filter(|q| !q.ranges.is_empty()) {
            assert_eq!(
                squash(&text_at(&snap, &q.ranges)),
                squash(&q.text),
                "{}",
                page.display()
            );
        }
        for b in &s.bullet_details {
            if !b.ranges.is_empty() {
                assert_eq!(
                    squash(&text_at(&snap, &b.ranges)),
                    squash(&b.text),
                    "{}",
                    page.display()
                );
            }
        }
    }
    assert!(
        articles * 10 >= pages.len() * 8,
        "only {articles} articles found"
    );
}
