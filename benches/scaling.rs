//! How Lede's time grows with page size: `cargo bench --bench scaling`.
//!
//! Generates news-like pages of about 10 000, 50 000 and 200 000 snapshot nodes (navigation, an article
//! of paragraphs with links, emphasis, names and quotes, a sidebar of teasers), times HTML → snapshot and
//! snapshot → summary (median of `LEDE_BENCH_ROUNDS`, default 5), and prints the least-squares slope of
//! log(time) against log(size): 1.0 is linear growth, 2.0 quadratic. The size is what each stage reads:
//! HTML → snapshot parses all of the HTML (bytes), even where `Snapshot::bounded` then cuts the nodes;
//! summarize reads the (bounded) snapshot nodes; the total is fitted against the HTML bytes. Then times pages nested 10 000
//! deep (closed and unclosed `<div>`s) to show that no stage recurses on depth. Output: Markdown.
use std::time::Instant;

/// A deterministic page with roughly `target` snapshot nodes.
fn page(target: usize) -> String {
    const NAMES: [&str; 6] = [
        "Maria Keller",
        "the Ministry of Transport",
        "Tom Okafor",
        "Lisbon",
        "the European Commission",
        "Ana Duarte",
    ];
    const WORDS: [&str; 12] = [
        "council", "budget", "river", "plans", "vote", "week", "report", "bridge", "rail", "city",
        "costs", "schools",
    ];
    let mut seed: u64 = 42;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let mut html = String::from(
        "<!doctype html><html lang=\"en\"><head><title>City plans a new bridge | Example News</title>\
         </head><body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header>\
         <main><article><h1>City plans a new bridge</h1>",
    );
    // about 8 nodes per paragraph, 6 per teaser; 3 paragraphs per teaser
    let units = target / 30;
    let mut aside = String::from("<aside><h2>More news</h2><ul>");
    for i in 0..units.max(1) {
        for _ in 0..3 {
            let w = |k: usize| WORDS[k];
            html.push_str(&format!(
                "<p>{} said the {} {} would <a href=\"/t/{i}\">change the {}</a> by <em>{}</em>. \
                 \u{201c}The {} is ready,\u{201d} {} told reporters in {}.</p>",
                NAMES[next(6)],
                w(next(12)),
                w(next(12)),
                w(next(12)),
                w(next(12)),
                w(next(12)),
                NAMES[next(6)],
                NAMES[3],
            ));
        }
        aside.push_str(&format!(
            "<li><a href=\"/n/{i}\"><span>{} {} {}</span></a></li>",
            WORDS[next(12)],
            WORDS[next(12)],
            WORDS[next(12)]
        ));
    }
    aside.push_str("</ul></aside>");
    html.push_str("</article>");
    html.push_str(&aside);
    html.push_str("</main><footer><p>© Example News</p></footer></body></html>");
    html
}

fn rounds() -> usize {
    std::env::var("LEDE_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
}

/// Median seconds of `f` over [`rounds`] runs.
fn median<T>(mut f: impl FnMut() -> T) -> f64 {
    let mut t: Vec<f64> = (0..rounds().max(1))
        .map(|_| {
            let s = Instant::now();
            std::hint::black_box(f());
            s.elapsed().as_secs_f64()
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[t.len() / 2]
}

/// Least-squares slope of log(y) on log(x).
fn loglog_slope(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    let (xs, ys): (Vec<f64>, Vec<f64>) = points.iter().map(|&(x, y)| (x.ln(), y.ln())).unzip();
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
    sxy / sxx
}

fn main() {
    println!("| target nodes | snapshot nodes | HTML (KB) | HTML → snapshot (ms) | summarize (ms) | total (ms) |");
    println!("|---|---|---|---|---|---|");
    let mut snap_pts = Vec::new();
    let mut sum_pts = Vec::new();
    let mut total_pts = Vec::new();
    for target in [10_000, 50_000, 200_000] {
        let html = page(target);
        let snap = lede::Snapshot::from_html(&html, None);
        let nodes = snap.nodes.len() as f64;
        let t_snap = median(|| lede::Snapshot::from_html(&html, None));
        let t_sum = median(|| lede::summarize(&snap));
        let bytes = html.len() as f64;
        snap_pts.push((bytes, t_snap));
        sum_pts.push((nodes, t_sum));
        total_pts.push((bytes, t_snap + t_sum));
        println!(
            "| {target} | {nodes} | {} | {:.1} | {:.1} | {:.1} |",
            html.len() / 1000,
            t_snap * 1e3,
            t_sum * 1e3,
            (t_snap + t_sum) * 1e3
        );
    }
    println!();
    println!(
        "log-log slope (1.0 = linear): snapshot on HTML bytes {:.2}, summarize on snapshot nodes {:.2}, \
         total on HTML bytes {:.2}",
        loglog_slope(&snap_pts),
        loglog_slope(&sum_pts),
        loglog_slope(&total_pts)
    );
    println!();
    println!("| 10 000-deep nesting | snapshot nodes | total (ms) | article found |");
    println!("|---|---|---|---|");
    let body =
        "<p>Maria Keller said the council would vote on the bridge plans next week.</p>".repeat(8);
    let closed = format!(
        "{}{body}{}",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let unclosed = format!("{}{body}", "<div>".repeat(10_000));
    for (name, html) in [("closed <div>s", closed), ("unclosed <div>s", unclosed)] {
        let t = Instant::now();
        let snap = lede::Snapshot::from_html(&html, None);
        let s = lede::summarize(&snap);
        println!(
            "| {name} | {} | {:.1} | {} |",
            snap.nodes.len(),
            t.elapsed().as_secs_f64() * 1e3,
            s.article_found
        );
    }
}
