//! Time `lede::summarize` alone over every corpus page (development aid for profiling):
//! `cargo run --profile profiling --example summarize_times [ROUNDS]`. Loads
//! `../shared/corpus/readability/*/source.html` and `../shared/corpus/aeb-dev/html/*.html.gz` into
//! snapshots once, then prints each round's total `summarize` time and the median of the rounds.
//! With a second argument DIR it also writes each page's summary JSON (the CLI's form) into DIR, to
//! check that a speed change leaves every output byte-identical (`diff -r`). After the rounds it
//! prints the median total of each stage on its own (extraction, entities, quotes, key points; each
//! on the paragraphs extraction gives, as `benches/pipeline.rs` times them).
use std::time::Instant;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let mut paths = Vec::new();
    for dir in [
        "../shared/corpus/readability",
        "../shared/corpus/aeb-dev/html",
    ] {
        let Ok(rd) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                let s = p.join("source.html");
                if s.exists() {
                    paths.push(s);
                }
            } else if p.to_string_lossy().ends_with(".html.gz") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    let snaps: Vec<lede::Snapshot> = paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let html = lede::snapshot::decode_page(bytes).ok()?;
            Some(lede::Snapshot::from_html(&html, None))
        })
        .collect();
    println!("{} pages", snaps.len());
    if let Some(dir) = std::env::args().nth(2) {
        std::fs::create_dir_all(&dir).unwrap();
        for (i, s) in snaps.iter().enumerate() {
            let json = serde_json::to_string_pretty(&lede::summarize(s)).unwrap();
            std::fs::write(format!("{dir}/{i:03}.json"), json).unwrap();
        }
    }
    let mut times = Vec::new();
    for r in 0..rounds {
        let t = Instant::now();
        let mut n = 0usize;
        for s in &snaps {
            n += lede::summarize(s).body.len();
        }
        let e = t.elapsed();
        println!("round {r}: {e:?} ({n} body bytes)");
        times.push(e);
    }
    times.sort();
    println!("median {:?}", times[times.len() / 2]);
    stages(&snaps, rounds);
}

/// Median (over `rounds`) of each stage's total time over all pages.
fn stages(snaps: &[lede::Snapshot], rounds: usize) {
    let salience = Default::default();
    let mut per: [Vec<std::time::Duration>; 4] = Default::default();
    for _ in 0..rounds {
        let mut tot = [std::time::Duration::ZERO; 4];
        for s in snaps {
            let s = &*s.bounded();
            let t = Instant::now();
            let x = lede::extract::extract(s);
            tot[0] += t.elapsed();
            let paras: Vec<lede::text::Para> =
                x.paragraphs.iter().map(|b| b.para.clone()).collect();
            let trusted = vec![true; paras.len()];
            let t = Instant::now();
            let (_, mentions) = lede::entities::find_entities_at(&paras, &trusted);
            tot[1] += t.elapsed();
            let t = Instant::now();
            std::hint::black_box(lede::quotes::find_quotes(&paras, &mentions));
            tot[2] += t.elapsed();
            let skip = vec![false; paras.len()];
            let t = Instant::now();
            std::hint::black_box(lede::bullets::key_points(&lede::bullets::Article {
                paras: &paras,
                skip: &skip,
                headline: x.meta.headline.as_deref(),
                entity_salience: &salience,
            }));
            tot[3] += t.elapsed();
        }
        for (v, t) in per.iter_mut().zip(tot) {
            v.push(t);
        }
    }
    for (name, mut v) in ["extract", "entities", "quotes", "key points"]
        .into_iter()
        .zip(per)
    {
        v.sort();
        println!("stage {name}: median {:?}", v[v.len() / 2]);
    }
}
