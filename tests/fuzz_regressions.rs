//! The fuzzing smoke run by `cargo test` (docs/security.md): the minimised inputs the cargo-fuzz
//! targets in `fuzz/` found (`tests/fuzz/html/`, `tests/fuzz/snapshot_json/`,
//! `tests/fuzz/snapshot_wire/`), replayed, then a bounded number of generated inputs through the same
//! checks: token soup built from the fuzz dictionary (`fuzz/html.dict`), mutated fixture pages,
//! mutated snapshot JSON and mutated snapshots in the wire form the panel receives. Deterministic
//! (fixed seed), so a failure reproduces; not coverage-guided (that is `cargo fuzz`'s job).

use lede::{Snapshot, Summary};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The checks and input readers of the cargo-fuzz targets, shared with them.
#[path = "../fuzz/fuzz_targets/check.rs"]
mod fuzz_check;

/// xorshift64*: a small deterministic generator for test inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The invariants of the fuzz targets: a valid snapshot, every range inside its text node, a
/// serialisable summary, a message when there is no article.
fn check(snap: &Snapshot, s: &Summary) {
    snap.validate().unwrap();
    fuzz_check::ranges_inside(&snap.bounded(), s);
    assert!(s.article_found || s.message.is_some());
    serde_json::to_string(s).unwrap();
}

fn run_html(bytes: &[u8]) {
    let html = String::from_utf8_lossy(bytes);
    let snap = Snapshot::from_html(&html, Some("https://news.example/a"));
    check(&snap, &lede::summarize(&snap));
}

fn run_json(bytes: &[u8]) {
    let Ok(json) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(snap) = Snapshot::from_json(json) {
        check(&snap, &lede::summarize(&snap));
    }
}

/// The `snapshot_wire` fuzz target's input, read as that target reads it.
fn run_wire(bytes: &[u8]) {
    if let Some(Ok(snap)) = fuzz_check::wire_snapshot(bytes) {
        check(&snap, &lede::summarize(&snap));
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn minimised_fuzz_findings_stay_fixed() {
    let dir = Path::new(ROOT).join("tests/fuzz");
    for f in files(&dir.join("html")) {
        run_html(&std::fs::read(&f).unwrap());
    }
    for f in files(&dir.join("snapshot_json")) {
        run_json(&std::fs::read(&f).unwrap());
    }
    for f in files(&dir.join("snapshot_wire")) {
        run_wire(&std::fs::read(&f).unwrap());
    }
}

/// Tokens of the fuzz dictionary (`"..."` lines, with `\xNN` and `\"` escapes).
fn dictionary() -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(Path::new(ROOT).join("fuzz/html.dict")).unwrap();
    text.lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"'))
        .map(|t| {
            let (b, mut out, mut i) = (t.as_bytes(), Vec::new(), 0);
            while i < b.len() {
                if b[i] == b'\\' && b.get(i + 1) == Some(&b'x') {
                    out.push(u8::from_str_radix(&t[i + 2..i + 4], 16).unwrap());
                    i += 4;
                } else if b[i] == b'\\' {
                    out.push(b[i + 1]);
                    i += 2;
                } else {
                    out.push(b[i]);
                    i += 1;
                }
            }
            out
        })
        .collect()
}

/// Replace, delete, duplicate or insert a random span (or dictionary token) of `data`.
fn mutate(rng: &mut Rng, data: &mut Vec<u8>, dict: &[Vec<u8>]) {
    let at = rng.below(data.len() + 1);
    let len = rng.below(64).min(data.len() - at);
    match rng.below(5) {
        0 => {
            data.drain(at..at + len);
        }
        1 => {
            let span = data[at..at + len].to_vec();
            data.splice(at..at, span);
        }
        2 => {
            let tok = &dict[rng.below(dict.len())];
            data.splice(at..at, tok.iter().copied());
        }
        3 => {
            for b in data.iter_mut().skip(at).take(len.min(4)) {
                *b = rng.next() as u8;
            }
        }
        _ => {
            let from = rng.below(data.len() + 1);
            let n = rng.below(200).min(data.len() - from);
            let span = data[from..from + n].to_vec();
            data.splice(at..at, span);
        }
    }
}

#[test]
fn generated_pages_and_snapshots_pass_the_fuzz_checks() {
    let dict = dictionary();
    assert!(dict.len() > 40, "fuzz/html.dict not read");
    let mut rng = Rng(0x1ede_5afe_0000_0001);
    let words: Vec<&[u8]> = vec![
        b"The ",
        b"minister ",
        b"said ",
        b"\"We ",
        b"will ",
        b"act,\" ",
        b"Anna Berg ",
        b"Oslo. ",
        "Путин ".as_bytes(),
        "北京 ".as_bytes(),
        "😀".as_bytes(),
        b"\n",
        b"\0",
    ];
    // token soup
    for _ in 0..300 {
        let mut page = Vec::new();
        for _ in 0..rng.below(400) {
            if rng.below(3) == 0 {
                page.extend_from_slice(&dict[rng.below(dict.len())]);
            } else {
                page.extend_from_slice(words[rng.below(words.len())]);
            }
        }
        run_html(&page);
    }
    // mutated fixture pages
    let mut fixtures: Vec<Vec<u8>> = files(&Path::new(ROOT).join("tests/fixtures/kinds"))
        .iter()
        .map(|f| std::fs::read(f).unwrap())
        .collect();
    fixtures.push(
        std::fs::read(Path::new(ROOT).join("tests/fixtures/sample/xi-putin-summit.html")).unwrap(),
    );
    for i in 0..120 {
        let mut page = fixtures[i % fixtures.len()].clone();
        for _ in 0..1 + rng.below(12) {
            mutate(&mut rng, &mut page, &dict);
        }
        run_html(&page);
    }
    // mutated snapshot JSON, as the panel receives it
    let sample = String::from_utf8_lossy(fixtures.last().unwrap()).into_owned();
    let json = serde_json::to_vec(&Snapshot::from_html(&sample, None)).unwrap();
    let json_dict: Vec<Vec<u8>> = [
        r#"{"parent":0,"text":"x"}"#,
        r#""parent":9999999"#,
        r#"\ud800"#,
        r#"\udc00"#,
        r#"\u0000"#,
        r#""visible":false"#,
        r#""tag":"script""#,
        r#"null"#,
        r#"[]"#,
        r#"{}"#,
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .collect();
    for _ in 0..150 {
        let mut j = json.clone();
        for _ in 0..1 + rng.below(6) {
            mutate(&mut rng, &mut j, &json_dict);
        }
        run_json(&j);
    }
    // mutated wire snapshots: bytes of the JSON text, and the numbers of shape and lens themselves
    let snap = Snapshot::from_html(&sample, Some("https://news.example/a"));
    let wire = snap.to_wire();
    let wire_json = serde_json::to_vec(&wire).unwrap();
    for _ in 0..100 {
        let mut j = wire_json.clone();
        for _ in 0..1 + rng.below(6) {
            mutate(&mut rng, &mut j, &json_dict);
        }
        run_wire(&j);
    }
    let mut read_back = 0;
    for _ in 0..300 {
        let (mut shape, mut lens) = (wire.shape.clone(), wire.lens.clone());
        for _ in 0..1 + rng.below(3) {
            let v = match rng.below(4) {
                0 => 0,
                1 => u32::MAX,
                2 => rng.below(8) as u32,
                _ => rng.next() as u32,
            };
            if rng.below(2) == 0 {
                let i = rng.below(shape.len());
                shape[i] = v;
            } else {
                let i = rng.below(lens.len());
                lens[i] = v;
            }
        }
        if let Ok(s) = Snapshot::from_wire(wire.url.clone(), &shape, &wire.text, &lens) {
            read_back += 1;
            check(&s, &lede::summarize(&s));
        }
    }
    // some changes (a flag, a parent within reach) still read: those summaries were checked too
    assert!(read_back > 0, "no mutated wire snapshot was readable");
}
