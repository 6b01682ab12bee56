//! Pages whose expected Readability metadata is an artefact (tests/data/readability-artefacts.json):
//! Lede must give the corrected value recorded there, with the reason, for each page.
mod common;

use serde_json::Value;

#[test]
fn corrected_metadata_on_readability_artefact_pages() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/readability-artefacts.json"
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let pages = doc["pages"].as_object().expect("pages");
    assert!(!pages.is_empty());
    let mut wrong = Vec::new();
    for (name, fields) in pages {
        let page = common::shared()
            .join("corpus/readability")
            .join(name)
            .join("source.html");
        let s = lede::summarize(&lede::Snapshot::from_html(&common::read_page(&page), None));
        for (field, entry) in fields.as_object().expect("fields") {
            assert!(
                entry["why"].as_str().is_some_and(|w| !w.is_empty()),
                "{name} {field}: no reason"
            );
            let got = match field.as_str() {
                "headline" => serde_json::json!(s.headline),
                "byline" => serde_json::json!(s.byline),
                "dir" => serde_json::json!(s.dir),
                other => panic!("{name}: unknown field {other:?}"),
            };
            if got != entry["correct"] {
                wrong.push(format!("{name} {field}: {got} != {}", entry["correct"]));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// ISO 8601 as `published` gives it: `YYYY-MM-DD`, optionally `THH:MM[:SS[.f]]` and `Z` or `±HH:MM`.
fn is_iso_8601(d: &str) -> bool {
    let b = d.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let date = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10);
    if !date || b.len() == 10 {
        return date;
    }
    let rest = &d[11..];
    let zone_at = rest.find(['Z', '+', '-']).unwrap_or(rest.len());
    let (clock, zone) = rest.split_at(zone_at);
    let clock_ok = b[10] == b'T'
        && clock.len() >= 5
        && clock.split(':').all(|f| {
            f.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
        });
    let zone_ok = zone.is_empty()
        || zone == "Z"
        || (zone.len() == 6
            && zone.as_bytes()[3] == b':'
            && zone[1..3].bytes().all(|c| c.is_ascii_digit()));
    clock_ok && zone_ok
}

/// Every page of corpus/readability whose expected metadata has a `publishedTime` (the page states a
/// date in its metadata) gets `published` on the same day, and every date Lede gives is ISO 8601.
#[test]
fn published_is_iso_8601_where_the_page_states_a_date() {
    let root = common::shared().join("corpus/readability");
    let (mut stated, mut given) = (0, 0);
    let mut wrong = Vec::new();
    for dir in std::fs::read_dir(&root).expect("corpus") {
        let dir = dir.unwrap().path();
        let Ok(meta) = std::fs::read_to_string(dir.join("expected-metadata.json")) else {
            continue;
        };
        let meta: Value = serde_json::from_str(&meta).unwrap();
        let snap = lede::Snapshot::from_html(&common::read_page(&dir.join("source.html")), None);
        let got = lede::extract::extract(&snap).meta.published;
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        if let Some(d) = &got {
            given += 1;
            if !is_iso_8601(d) {
                wrong.push(format!("{name}: {d:?} is not ISO 8601"));
            }
        }
        if let Some(want) = meta["publishedTime"].as_str() {
            stated += 1;
            if got.as_deref().and_then(|d| d.get(..10)) != want.get(..10) {
                wrong.push(format!("{name}: {got:?}, the page states {want:?}"));
            }
        }
    }
    assert!(
        stated >= 30 && given >= stated,
        "{stated} stated, {given} given"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
