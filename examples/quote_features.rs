//! Dump every page's quotes with the attribution model's features, for training it
//! (`scripts/train_quotes.py` runs this): `cargo run --release --example quote_features -- DIR`.
//!
//! For each `DIR/<id>.html`, in name order, one JSON line: `{"id", "quotes": [{"text", "fragment",
//! "speaker", "traced": null | {"speaker", "score", "features"}}]}`, where `speaker` is the shown
//! speaker and `traced` the speaker before the model's decision with its score and the feature
//! values in the order of `lede::quotes::FEATURES`.
use serde_json::json;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: quote_features DIR (a folder of .html pages)");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    pages.sort();
    for path in pages {
        let html = std::fs::read_to_string(&path).expect("page is UTF-8");
        let snap = lede::Snapshot::from_html(&html, None);
        let (summary, traced) = lede::quotes::trace(|| lede::summarize(&snap));
        let mut t = traced.iter().peekable();
        let quotes: Vec<_> = summary
            .quotes
            .iter()
            .map(|q| {
                let tr = t.next_if(|tr| tr.text == q.text);
                json!({
                    "text": q.text,
                    "fragment": q.fragment,
                    "speaker": q.speaker,
                    "traced": tr.map(|tr| json!({
                        "speaker": tr.speaker,
                        "score": tr.score,
                        "features": tr.features,
                    })),
                })
            })
            .collect();
        let id = path.file_stem().unwrap().to_string_lossy();
        println!("{}", json!({"id": id, "quotes": quotes}));
    }
}
