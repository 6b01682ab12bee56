//! The bundled sample (built from the seed article): what the README promises the CLI prints.

use lede::summary::EntityType;

fn summary() -> lede::Summary {
    let html = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sample/xi-putin-summit.html"
    ))
    .unwrap();
    lede::summarize(&lede::Snapshot::from_html(&html, None))
}

#[test]
fn headline_bullets_and_byline() {
    let s = summary();
    assert!(s.article_found);
    assert_eq!(
        s.headline.as_deref(),
        Some("Xi-Putin summit yields united stand on Taiwan and Nato")
    );
    assert_eq!(
        s.bullets,
        vec![
            "China and Russia voice opposition to expansion of US-led security alliance in Europe",
            "Both countries take joint aim at Aukus and Taiwanese independence in any form",
        ]
    );
    assert_eq!(s.byline, vec!["Teddy Ng", "Jun Mai"]);
    assert!(s.published.as_deref().unwrap().starts_with("2022-02-04"));
    assert_eq!(s.lang.as_deref(), Some("en"));
    // body excludes the chrome around the article
    for chrome in [
        "Share on Facebook",
        "You might also like",
        "Sign up",
        "Copyright",
        "Advertisement",
    ] {
        assert!(!s.body.contains(chrome), "body contains {chrome:?}");
    }
    assert!(s.body.starts_with("China and Russia moved a step closer"));
}

#[test]
fn quotes_have_the_right_speakers() {
    let s = summary();
    let quotes: Vec<_> = s.quotes.iter().filter(|q| !q.fragment).collect();
    assert!(quotes.len() >= 8, "{} quotes", quotes.len());
    for who in ["Vladimir Putin", "Xi Jinping", "Danil Bochkov", "Zhang Xin"] {
        assert!(
            quotes.iter().any(|q| q.speaker.as_deref() == Some(who)),
            "no quote by {who}"
        );
    }
    let zhang = quotes
        .iter()
        .find(|q| q.text.starts_with("It used to only refer"))
        .unwrap();
    assert_eq!(zhang.speaker.as_deref(), Some("Zhang Xin"));
}

#[test]
fn entities_are_typed_and_merged() {
    let s = summary();
    let has = |name: &str, t: EntityType| s.entities.iter().any(|e| e.name == name && e.kind == t);
    for (n, t) in [
        ("Xi Jinping", EntityType::Person),
        ("Vladimir Putin", EntityType::Person),
        ("Nato", EntityType::Org),
        ("Rosneft", EntityType::Org),
        ("Taiwan", EntityType::Place),
        ("Beijing", EntityType::Place),
    ] {
        assert!(has(n, t), "missing {n} as {t:?}");
    }
    let xi = s.entities.iter().find(|e| e.name == "Xi Jinping").unwrap();
    assert!(xi.aliases.iter().any(|a| a == "Xi"));
    assert!(!s
        .entities
        .iter()
        .any(|e| e.name == "Chinese" || e.name == "Russian"));
}
