//! Lede beside Rust peers on the same news pages, in one run: `cargo bench --bench peers`.
//!
//! For every page of `corpus/aeb-dev` (in `$LEDE_SHARED`, else `../shared`) each tool runs in a child
//! process of its own (this binary re-executed with `--tool NAME`), so that its peak memory is its own:
//!
//! * `lede` — the full analysis ([`lede::summarize`]: extraction, metadata, sentences, quotes, entities,
//!   bullets) from the HTML text;
//! * `lede-extract` — Lede's parse, snapshot and extraction only ([`lede::extract::extract`]), the
//!   stage the peers do;
//! * `rs-trafilatura` — `rs_trafilatura::extract` (a Rust port of trafilatura), content text;
//! * `dom_smoothie` — `dom_smoothie::Readability::parse` (a Rust port of Mozilla Readability), text content.
//!
//! Each child reads every page into memory first, runs the whole set `LEDE_BENCH_ROUNDS` times (default
//! 5), and reports the median round in pages per second plus its peak resident memory (`VmHWM` from
//! `/proc/self/status`, KiB; it includes the pages held in memory, the same for every tool). The bodies of
//! the last round go to `out/bench/<tool>.json` in the format of `tools/score_aeb.py`, which this bench then
//! runs to print each tool's quality beside its speed. Output: a Markdown table on standard output.
#[path = "../tests/common.rs"]
mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The tools this bench compares, in table order.
const TOOLS: [&str; 4] = ["lede", "lede-extract", "rs-trafilatura", "dom_smoothie"];

/// `(page id, html)` for every aeb-dev page, sorted by id.
fn pages() -> Vec<(String, String)> {
    let dir = common::shared().join("corpus/aeb-dev/html");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let id = name.split('.').next().unwrap().to_string();
            (id, common::read_page(&p))
        })
        .collect()
}

/// The main-content text one tool gives for one page.
fn run_tool(tool: &str, html: &str) -> String {
    match tool {
        "lede" => lede::summarize(&lede::Snapshot::from_html(html, None)).body,
        "lede-extract" => {
            let x = lede::extract::extract(&lede::Snapshot::from_html(html, None));
            x.paragraphs
                .iter()
                .map(|b| b.para.text.as_str())
                .collect::<Vec<_>>()
                .join("\n\n")
        }
        "rs-trafilatura" => rs_trafilatura::extract(html)
            .map(|r| r.content_text)
            .unwrap_or_default(),
        "dom_smoothie" => dom_smoothie::Readability::new(html, None, None)
            .and_then(|mut r| r.parse())
            .map(|a| a.text_content.to_string())
            .unwrap_or_default(),
        other => panic!("unknown tool {other}"),
    }
}

fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Child: time `rounds` passes of `tool` over all pages; print `pages_per_s peak_kib`.
fn child(tool: &str, out: &Path) {
    let pages = pages();
    let rounds: usize = std::env::var("LEDE_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let mut times = Vec::new();
    let mut bodies = BTreeMap::new();
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        for (id, html) in &pages {
            let body = run_tool(tool, html);
            bodies.insert(id.clone(), body);
        }
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let pred: BTreeMap<&String, serde_json::Value> = bodies
        .iter()
        .map(|(k, v)| (k, serde_json::json!({ "articleBody": v })))
        .collect();
    std::fs::write(out, serde_json::to_string(&pred).unwrap()).unwrap();
    println!("{} {}", pages.len() as f64 / median, peak_kib());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("out/bench");
    std::fs::create_dir_all(&out_dir).unwrap();
    if let Some(i) = args.iter().position(|a| a == "--tool") {
        let tool = &args[i + 1];
        child(tool, &out_dir.join(format!("{tool}.json")));
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let truth = common::shared().join("corpus/aeb-dev/ground-truth.json");
    let scorer = common::shared().join("tools/score_aeb.py");
    println!("| tool | pages/s | peak memory (MiB) | precision | recall | F1 | exact |");
    println!("|---|---|---|---|---|---|---|");
    for tool in TOOLS {
        let pred = out_dir.join(format!("{tool}.json"));
        let run = Command::new(&exe).args(["--tool", tool]).output().unwrap();
        assert!(
            run.status.success(),
            "{tool}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let line = String::from_utf8_lossy(&run.stdout);
        let mut it = line.split_whitespace();
        let pps: f64 = it.next().unwrap().parse().unwrap();
        let kib: f64 = it.next().unwrap().parse().unwrap();
        let score = Command::new("python3")
            .arg(&scorer)
            .arg(&pred)
            .arg(&truth)
            .arg("--json")
            .arg(out_dir.join(format!("{tool}.score.json")))
            .output()
            .unwrap();
        assert!(
            score.status.success(),
            "{}",
            String::from_utf8_lossy(&score.stderr)
        );
        let s: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(out_dir.join(format!("{tool}.score.json"))).unwrap(),
        )
        .unwrap();
        let f = |k: &str| s[k].as_f64().unwrap_or(f64::NAN);
        println!(
            "| {tool} | {pps:.1} | {:.1} | {:.3} | {:.3} | {:.3} | {:.3} |",
            kib / 1024.0,
            f("precision"),
            f("recall"),
            f("f1"),
            f("accuracy")
        );
    }
}
