//! `lede batch INPUT... [-o OUT.jsonl] [--jobs N] [--format json|markdown] [--no-quotes]
//! [--no-entities]`: many pages in one run (the library side is `lede::batch`).
//!
//! Writes one JSON object a line, in input order, to `OUT.jsonl` or standard output; shows a
//! progress bar (input read, pages, pages/s, ETA) on standard error when that is a terminal. Exit
//! status: 0 when every page was summarised, 1 when some failed (their lines hold an `error`), 2 on
//! unusable arguments (nothing is written then).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use lede::batch::{self, input, Format, Options};

const USAGE: &str = "usage: lede batch INPUT... [-o OUT.jsonl] [--jobs N] [--format json|markdown] \
[--no-quotes] [--no-entities]
INPUT: a page (.html, .htm, .xhtml, optionally .gz), a folder of them (recursive), a WARC file \
(.warc, .warc.gz), JSON Lines of {\"url\", \"html\"} (.jsonl, .ndjson, optionally .gz; - for standard input)";

struct Args {
    inputs: Vec<String>,
    out: Option<String>,
    jobs: usize,
    opts: Options,
}

fn parse(args: Vec<String>) -> Result<Args, String> {
    let mut a = Args {
        inputs: Vec::new(),
        out: None,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        opts: Options::default(),
    };
    let mut it = args.into_iter();
    let value = |it: &mut std::vec::IntoIter<String>, flag: &str| {
        it.next().ok_or(format!("{flag} needs a value\n{USAGE}"))
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-o" | "--output" => a.out = Some(value(&mut it, &arg)?),
            "-j" | "--jobs" => {
                let v = value(&mut it, &arg)?;
                a.jobs = match v.parse::<usize>() {
                    Ok(n) if n >= 1 => n,
                    _ => return Err(format!("--jobs takes a whole number from 1 up, not {v:?}")),
                };
            }
            "-f" | "--format" => {
                a.opts.format = match value(&mut it, &arg)?.as_str() {
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    f => return Err(format!("unknown batch format {f:?} (json or markdown)")),
                }
            }
            "--no-quotes" => a.opts.sections.quotes = false,
            "--no-entities" => a.opts.sections.entities = false,
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if arg == "-" || !arg.starts_with('-') => a.inputs.push(arg),
            _ => return Err(format!("unexpected argument {arg:?}\n{USAGE}")),
        }
    }
    if a.inputs.is_empty() {
        return Err(format!("no input given\n{USAGE}"));
    }
    input::check_inputs(&a.inputs)?;
    Ok(a)
}

/// Run `lede batch` with the arguments after `batch`.
pub fn main(args: Vec<String>) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("lede batch: {e}");
            return ExitCode::from(2);
        }
    };
    let out: Box<dyn Write> = match &args.out {
        None => Box::new(std::io::stdout().lock()),
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("lede batch: cannot write {path}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let progress = Progress::new(&args.inputs);
    let consumed = AtomicU64::new(0);
    let (mut pages, mut failed) = (0u64, 0u64);
    let mut write_error = None;
    batch::run(
        &args.inputs,
        args.jobs,
        args.opts,
        &consumed,
        |line, is_error| {
            pages += 1;
            failed += u64::from(is_error);
            progress.update(pages, failed, consumed.load(Ordering::Relaxed));
            if let Err(e) = writeln!(out, "{line}") {
                write_error = Some(e);
                return false;
            }
            true
        },
    );
    let flushed = write_error.map_or_else(|| out.flush(), Err);
    progress.finish(pages, failed);
    match flushed {
        // a closed pipe (`lede batch DIR | head`) is a normal end
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("lede batch: cannot write the output: {e}");
            ExitCode::from(1)
        }
        _ if failed > 0 => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// The progress bar on standard error, only when it is a terminal: input bytes read (the bar and its
/// ETA), pages, pages/s and failures.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    start: Instant,
}

impl Progress {
    fn new(inputs: &[String]) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let (bar, template) = match input::total_bytes(inputs) {
                Some(total) => (
                    indicatif::ProgressBar::new(total),
                    "{bar:30} {percent:>3}% {msg} ETA {eta}",
                ),
                None => (indicatif::ProgressBar::no_length(), "{spinner} {msg}"),
            };
            let style = indicatif::ProgressStyle::with_template(template)
                .expect("a valid progress template");
            bar.set_style(style);
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
        }
    }

    fn message(&self, pages: u64, failed: u64) -> String {
        let rate = pages as f64 / self.start.elapsed().as_secs_f64().max(1e-3);
        format!("{pages} pages, {rate:.0} pages/s, {failed} failed")
    }

    fn update(&self, pages: u64, failed: u64, consumed: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(consumed);
            bar.set_message(self.message(pages, failed));
        }
    }

    fn finish(&self, pages: u64, failed: u64) {
        if let Some(bar) = &self.bar {
            bar.finish_with_message(self.message(pages, failed));
        }
    }
}
