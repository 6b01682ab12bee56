//! `lede PAGE.html|PAGE.html.gz|- [--format json|markdown|text|html] [--no-quotes] [--no-entities]
//! [--snapshot] [--wire] [--url URL] [--charset LABEL] [--bullets auto|lead3|textrank]`
//!
//! Prints the page's [`lede::Summary`] as JSON (default), or for people as Markdown, plain text or an
//! HTML fragment (the panel's three Copy formats; `--no-quotes` / `--no-entities` leave those
//! sections out, as the panel's copy options do); `--snapshot` prints the page
//! snapshot JSON instead, `--wire` the snapshot's compact form as JSON (what the extension's content
//! script sends to the panel, `lede::snapshot::Wire`). `-`
//! reads the page from standard input; `--url` records the page's address in the snapshot; `--charset`
//! gives the encoding the page was served with (a label or a `Content-Type` value), which a byte-order
//! mark or UTF-8 content overrides, and which otherwise overrides the page's `<meta charset>`
//! ([`lede::decode`]).
//! `--bullets lead3|textrank` replaces the bullets with a baseline's (the first three sentences, or
//! TextRank alone) for evaluation (`scripts/score_bullets.py`); `auto`, the default, is what the panel shows.
//! Exit status: 0 with a summary (also when the page holds no article: `article_found` is false),
//! 2 with a one-line reason on unreadable input.
//!
//! `lede batch INPUT...` summarises many pages in one run (files, folders, WARC, JSON Lines), one
//! JSON line each: see `batch.rs` beside this file.

#[path = "lede/batch.rs"]
mod batch;

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: lede PAGE.html|PAGE.html.gz|- [--format json|markdown|text|html] \
[--no-quotes] [--no-entities] [--snapshot] [--wire] [--url URL] [--charset LABEL] [--bullets auto|lead3|textrank]
       lede batch INPUT... [-o OUT.jsonl] [--jobs N] [--format json|markdown] [--no-quotes] [--no-entities]";

fn read_page(path: &str, charset: Option<&str>) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        b
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    lede::snapshot::decode_page_declared(bytes, charset).map_err(|e| format!("{path}: {e}"))
}

fn run() -> Result<String, String> {
    let mut args = std::env::args().skip(1);
    let (mut path, mut format, mut url, mut snapshot_only, mut wire) =
        (None, "json".to_string(), None, false, false);
    let mut charset = None;
    let mut sections = lede::render::Sections::default();
    let mut method = lede::bullets::Method::Auto;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" | "-f" => format = args.next().ok_or(USAGE)?,
            "--url" => url = Some(args.next().ok_or(USAGE)?),
            "--charset" => charset = Some(args.next().ok_or(USAGE)?),
            "--snapshot" => snapshot_only = true,
            "--wire" => wire = true,
            "--no-quotes" => sections.quotes = false,
            "--no-entities" => sections.entities = false,
            "--bullets" => {
                let m = args.next().ok_or(USAGE)?;
                method = lede::bullets::Method::from_name(&m).ok_or(format!(
                    "unknown bullets method {m:?} (auto, lead3 or textrank)"
                ))?;
            }
            "-h" | "--help" => return Ok(USAGE.to_string()),
            _ if path.is_none() && (a == "-" || !a.starts_with('-')) => path = Some(a),
            _ => return Err(format!("unexpected argument {a:?}\n{USAGE}")),
        }
    }
    let path = path.ok_or(USAGE)?;
    let snap = lede::Snapshot::from_html(&read_page(&path, charset.as_deref())?, url.as_deref());
    if wire {
        return serde_json::to_string(&snap.to_wire()).map_err(|e| e.to_string());
    }
    if snapshot_only {
        return serde_json::to_string(&snap).map_err(|e| e.to_string());
    }
    let summary = lede::summarize_with(&snap, method);
    if format == "json" {
        return serde_json::to_string_pretty(&summary).map_err(|e| e.to_string());
    }
    match lede::render::Format::from_name(&format) {
        Some(f) => Ok(lede::render::render(&summary, f, sections)),
        None => Err(format!(
            "unknown format {format:?} (json, markdown, text or html)"
        )),
    }
}

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("batch") {
        return batch::main(std::env::args().skip(2).collect());
    }
    match run() {
        Ok(out) => {
            // a closed pipe (`lede page.html | head`) is a normal end, not an error
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            let _ = writeln!(stdout, "{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lede: {e}");
            ExitCode::from(2)
        }
    }
}
