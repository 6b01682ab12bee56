//! Key points on the CNN/DailyMail development half (`../shared/corpus/highlights`, 1,001 news pages):
//! every bullet is a verbatim span of one body paragraph, never starts or ends inside a quotation, is no
//! photo caption and does not start with the wire tag ("(CNN) -- "). The rules are stated here on their
//! own, not through the code that applies them.

mod common;

use lede::summary::BulletKind;

/// True when byte `pos` of `para` is inside a quotation: curly or guillemet marks opened and not yet
/// closed before it, or an odd number of straight double quotes before it.
fn inside_quotation(para: &str, pos: usize) -> bool {
    let head = &para[..pos];
    let opened = head.matches(['“', '«', '„']).count();
    let closed = head.matches(['”', '»']).count();
    opened > closed || head.matches('"').count() % 2 == 1
}

/// A caption or picture label: "Label: …" with one to three words before the colon and no speech
/// verb, or a picture cue in brackets.
fn caption(text: &str) -> bool {
    let lower = text.to_lowercase();
    if ["(pictured", "(left)", "(right)", "(above)", "pictured:"]
        .iter()
        .any(|c| lower.contains(c))
    {
        return true;
    }
    text.split_once(": ").is_some_and(|(head, _)| {
        let words: Vec<&str> = head.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && !head.contains(['"', '“', ',', '(', ')'])
            && !words
                .iter()
                .any(|w| ["said", "says", "told", "added"].contains(&w.to_lowercase().as_str()))
    })
}

#[test]
fn key_points_keep_the_quotation_and_caption_rules_on_the_highlights_corpus() {
    let dir = common::shared().join("corpus/highlights/pages");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|f| f.unwrap().path())
        .collect();
    pages.sort();
    assert!(pages.len() > 900, "{} pages", pages.len());
    let halves: Vec<&[std::path::PathBuf]> = pages.chunks(pages.len().div_ceil(2)).collect();
    let (mut problems, mut bullets, mut tagged_ledes) = (Vec::new(), 0, 0);
    std::thread::scope(|scope| {
        let jobs: Vec<_> = halves
            .iter()
            .map(|half| {
                scope.spawn(move || {
                    let mut out = (Vec::new(), 0usize, 0usize);
                    for path in half.iter() {
                        let snap = lede::Snapshot::from_html(&common::read_page(path), None);
                        let s = lede::summarize(&snap);
                        let name = path.file_name().unwrap().to_string_lossy().to_string();
                        let paras: Vec<&str> = s.body.split("\n\n").collect();
                        for b in &s.bullet_details {
                            assert_eq!(b.kind, BulletKind::Extracted, "{name}");
                            out.1 += 1;
                            let Some((para, at)) = paras
                                .iter()
                                .find_map(|p| p.find(b.text.as_str()).map(|at| (*p, at)))
                            else {
                                out.0.push(format!("{name}: not verbatim: {}", b.text));
                                continue;
                            };
                            // the opening sentence taken without its wire tag
                            if std::ptr::eq(para, paras[0]) && at > 0 && para[..at].contains(')') {
                                out.2 += 1;
                            }
                            let end = at + b.text.len();
                            if inside_quotation(para, at) {
                                out.0
                                    .push(format!("{name}: starts inside a quotation: {}", b.text));
                            }
                            if inside_quotation(para, end) {
                                out.0
                                    .push(format!("{name}: ends inside a quotation: {}", b.text));
                            }
                            if caption(&b.text) {
                                out.0.push(format!("{name}: a caption: {}", b.text));
                            }
                            if b.text.starts_with('(') {
                                out.0.push(format!("{name}: starts with a tag: {}", b.text));
                            }
                        }
                    }
                    out
                })
            })
            .collect();
        for j in jobs {
            let (p, n, t) = j.join().unwrap();
            problems.extend(p);
            bullets += n;
            tagged_ledes += t;
        }
    });
    assert!(bullets > 2900, "{bullets} bullets");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // the wire-tagged opening sentence is a key point on many pages (it was on 30% of the 856 tagged
    // pages before the tag was cut off; now about 60%)
    assert!(
        tagged_ledes > 300,
        "{tagged_ledes} tagged opening sentences taken"
    );
}
