//! `lede PAGE.html|PAGE.html.gz [--format json|markdown] [--snapshot] [--url URL]`
//!
//! Prints the page's [`lede::Summary`] as JSON (default) or Markdown; `--snapshot` prints the page
//! snapshot JSON instead (the same shape the extension's content script sends to the panel).

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str =
    "usage: lede PAGE.html|PAGE.html.gz [--format json|markdown] [--snapshot] [--url URL]";

fn read_page(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .map_err(|e| format!("cannot gunzip {path}: {e}"))?;
        out
    } else {
        bytes
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn run() -> Result<String, String> {
    let mut args = std::env::args().skip(1);
    let (mut path, mut format, mut url, mut snapshot_only) =
        (None, "json".to_string(), None, false);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" | "-f" => format = args.next().ok_or(USAGE)?,
            "--url" => url = Some(args.next().ok_or(USAGE)?),
            "--snapshot" => snapshot_only = true,
            "-h" | "--help" => return Ok(USAGE.to_string()),
            _ if path.is_none() && !a.starts_with('-') => path = Some(a),
            _ => return Err(format!("unexpected argument {a:?}\n{USAGE}")),
        }
    }
    let path = path.ok_or(USAGE)?;
    let snap = lede::Snapshot::from_html(&read_page(&path)?, url.as_deref());
    if snapshot_only {
        return serde_json::to_string(&snap).map_err(|e| e.to_string());
    }
    let summary = lede::summarize(&snap);
    match format.as_str() {
        "json" => serde_json::to_string_pretty(&summary).map_err(|e| e.to_string()),
        "markdown" | "md" => Ok(lede::render::markdown(&summary)),
        other => Err(format!("unknown format {other:?} (json or markdown)")),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lede: {e}");
            ExitCode::from(2)
        }
    }
}
