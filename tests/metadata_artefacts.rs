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
                other => panic!("{name}: unknown field {other:?}"),
            };
            if got != entry["correct"] {
                wrong.push(format!("{name} {field}: {got} != {}", entry["correct"]));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
