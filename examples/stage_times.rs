//! Time each analysis stage on one page (development aid): `cargo run --release --example stage_times PAGE`.
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: stage_times PAGE.html");
    let html = std::fs::read_to_string(&path).unwrap();
    let t = Instant::now();
    let snap = lede::Snapshot::from_html(&html, None);
    println!(
        "parse + snapshot {:?} ({} nodes)",
        t.elapsed(),
        snap.nodes.len()
    );
    let t = Instant::now();
    let x = lede::extract::extract(&snap);
    println!(
        "extract {:?} ({} blocks, {} paragraphs)",
        t.elapsed(),
        x.blocks.len(),
        x.paragraphs.len()
    );
    let paras: Vec<lede::text::Para> = x.paragraphs.iter().map(|b| b.para.clone()).collect();
    let trusted = vec![true; paras.len()];
    let t = Instant::now();
    let (ents, mentions) = lede::entities::find_entities_at(&paras, &trusted);
    println!(
        "entities {:?} ({} entities, {} mentions)",
        t.elapsed(),
        ents.len(),
        mentions.len()
    );
    let t = Instant::now();
    let q = lede::quotes::find_quotes(&paras, &mentions);
    println!("quotes {:?} ({})", t.elapsed(), q.len());
    let t = Instant::now();
    let s = lede::summarize(&snap);
    println!(
        "summarize {:?} ({} bytes of body)",
        t.elapsed(),
        s.body.len()
    );
}
