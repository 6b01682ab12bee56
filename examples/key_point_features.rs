//! Dump the key-point candidates of every page of a highlights corpus, with their features, as JSON
//! lines on standard output: `{"id", "want", "texts", "features", "quoted", "similarity"}`. The input
//! of `scripts/train_key_points.py`, which runs it:
//! `cargo run --release --example key_point_features -- ../shared/corpus/highlights`.
use std::io::Write;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: key_point_features CORPUS_DIR (holding references.jsonl and pages/)");
    let refs = std::fs::read_to_string(format!("{dir}/references.jsonl"))
        .unwrap_or_else(|e| panic!("{dir}/references.jsonl: {e}"));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in refs.lines().filter(|l| !l.trim().is_empty()) {
        let r: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let id = r["id"].as_str().expect("an id");
        let bytes = std::fs::read(format!("{dir}/pages/{id}.html")).expect("the page");
        let html = lede::snapshot::decode_page(bytes).expect("a readable page");
        let (texts, c) = lede::key_point_candidates(&lede::Snapshot::from_html(&html, None));
        let round = |x: f64| (x * 1e4).round() / 1e4;
        let row = serde_json::json!({
            "id": id,
            "want": c.want,
            "texts": texts,
            "features": c.features.iter().map(|f| f.iter().map(|&x| round(x)).collect::<Vec<_>>()).collect::<Vec<_>>(),
            "quoted": c.quoted,
            "similarity": c.sentence.iter().map(|&a| c.sentence.iter().map(|&b| round(c.similarity[a][b])).collect::<Vec<_>>()).collect::<Vec<_>>(),
        });
        writeln!(out, "{row}").expect("stdout");
    }
}
