//! Many pages in one run: the library side of `lede batch` and of the Python package.
//!
//! Pages come from files, folders, WARC files and JSON Lines ([`input`]), are summarised by a pool of
//! worker threads and handed back in input order ([`pipeline`]), and each becomes one line of JSON
//! ([`line`]): the page's source and either its summary or a one-line `error`. Memory stays bounded
//! whatever the input's size: inputs are streamed, and at most a fixed window of pages is in flight.
//! Native only (files and threads).

pub mod input;
pub mod pipeline;

pub use input::{Failure, Page};

use crate::render::{self, Sections};
use crate::{Snapshot, Summary};

/// The largest page (or WARC record, or JSON Lines line) read, in bytes: a bigger one is reported as
/// a failed page instead of being held in memory. The analysis itself reads at most a bounded snapshot
/// ([`Snapshot::bounded`]), far below this.
pub const MAX_PAGE_BYTES: u64 = 64 << 20;

/// The text of a page's bytes, as the single-page CLI reads a file: gunzipped when they start with the
/// gzip magic number, then decoded in the encoding they are in ([`crate::decode::decode_html`]), with
/// `charset` as the charset the page was served with (a WARC record's HTTP `Content-Type` value or an
/// encoding label; a byte-order mark or UTF-8 content overrides it, and it overrides the page's
/// `<meta charset>`).
///
/// Errors: a one-line reason (`cannot gunzip: ...`, `not an HTML page (binary data)`).
pub fn page_text(bytes: Vec<u8>, charset: Option<&str>) -> Result<String, String> {
    crate::snapshot::decode_page_declared(bytes, charset)
}

/// Summarise one page from its bytes: [`page_text`], [`Snapshot::from_html`] with `url`, then
/// [`crate::summarize`]; the same summary as `lede PAGE.html --url URL` prints.
///
/// Errors: [`page_text`]'s.
pub fn summarize_bytes(
    bytes: Vec<u8>,
    url: Option<&str>,
    charset: Option<&str>,
) -> Result<Summary, String> {
    let text = page_text(bytes, charset)?;
    Ok(crate::summarize(&Snapshot::from_html(&text, url)))
}

/// How each page's result is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The summary as a JSON object under `summary` (the single-page CLI's JSON, on one line).
    Json,
    /// The summary as Markdown (the panel's Copy text) in a string under `markdown`.
    Markdown,
}

/// What goes into each output line.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// JSON object or Markdown text.
    pub format: Format,
    /// Which optional sections to keep: without quotes (entities), the JSON has no `quotes`
    /// (`entities`) key and the Markdown no such section.
    pub sections: Sections,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            format: Format::Json,
            sections: Sections::default(),
        }
    }
}

/// The result of one page: its summary, or why it has none.
pub type Outcome = Result<Summary, Failure>;

/// Summarise one [`input::Item`]; a page that cannot be read becomes a [`Failure`] with its source,
/// and so does a page whose analysis panics (a bug: the reason says so and quotes the panic's
/// message), so that one such page does not end the run: its line reports it and the others follow.
pub fn process(item: input::Item) -> Outcome {
    process_with(item, summarize_bytes)
}

/// [`process`] with the summariser `summarize` (bytes, url, charset) given.
fn process_with(
    item: input::Item,
    summarize: impl FnOnce(Vec<u8>, Option<&str>, Option<&str>) -> Result<Summary, String>,
) -> Outcome {
    let page = item?;
    let (url, charset) = (page.url.as_deref(), page.charset.as_deref());
    // (the analysis shares no state between pages, so nothing is left half-updated by the unwind)
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        summarize(page.bytes, url, charset)
    }))
    .unwrap_or_else(|panic| Err(format!("internal error: {}", panic_message(&*panic))));
    result.map_err(|reason| Failure {
        source: page.source,
        url: page.url,
        reason,
    })
}

/// The message of a caught panic (`panic!` with a string literal or a formatted one).
fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("the analysis panicked")
}

/// The whole of `lede batch` but the writing: read `inputs` ([`input::read_inputs`]), summarise each
/// page on `jobs` threads, and hand `sink` each page's [`line`] and whether it is an error, in input
/// order. `sink` returns `false` to stop the run (a closed output). `consumed` counts the input bytes
/// read, for a progress bar. The inputs should have passed [`input::check_inputs`].
pub fn run(
    inputs: &[String],
    jobs: usize,
    opts: Options,
    consumed: &std::sync::atomic::AtomicU64,
    mut sink: impl FnMut(String, bool) -> bool,
) {
    pipeline::ordered_map(
        jobs,
        |emit| {
            input::read_inputs(inputs, consumed, emit);
        },
        |item| {
            let source = match &item {
                Ok(p) => p.source.clone(),
                Err(f) => f.source.clone(),
            };
            let outcome = process(item);
            (line(&source, &outcome, opts), outcome.is_err())
        },
        |(l, is_error)| sink(l, is_error),
    );
}

/// One output line (without its newline): `{"source":S,"summary":{...}}` (or `"markdown":"..."`) for
/// a summarised page, `{"source":S,"url":U,"error":"reason"}` for a failed one (`url` when known).
/// `source` is a file path, `PATH:LINE` for JSON Lines, or a WARC record id.
pub fn line(source: &str, outcome: &Outcome, opts: Options) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("{\"source\":");
    out.push_str(&json_string(source));
    match outcome {
        Ok(summary) => match opts.format {
            Format::Json => {
                out.push_str(",\"summary\":");
                out.push_str(&summary_json(summary, opts.sections));
            }
            Format::Markdown => {
                out.push_str(",\"markdown\":");
                let md = render::render(summary, render::Format::Markdown, opts.sections);
                out.push_str(&json_string(&md));
            }
        },
        Err(f) => {
            if let Some(url) = &f.url {
                out.push_str(",\"url\":");
                out.push_str(&json_string(url));
            }
            out.push_str(",\"error\":");
            out.push_str(&json_string(&one_line(&f.reason)));
        }
    }
    out.push('}');
    out
}

/// A summary as compact JSON, without the sections left out.
fn summary_json(summary: &Summary, sections: Sections) -> String {
    if sections.quotes && sections.entities {
        return serde_json::to_string(summary).expect("a summary serialises");
    }
    let mut value = serde_json::to_value(summary).expect("a summary serialises");
    if let Some(map) = value.as_object_mut() {
        if !sections.quotes {
            map.remove("quotes");
        }
        if !sections.entities {
            map.remove("entities");
        }
    }
    value.to_string()
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// A reason on one line: line breaks and runs of white space become single spaces.
fn one_line(reason: &str) -> String {
    reason.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_bytes_are_refused_and_pages_read() {
        assert_eq!(
            page_text(vec![0u8, 1, 2, 3, 4, 5, b'a'], None),
            Err("not an HTML page (binary data)".to_string())
        );
        assert_eq!(
            page_text(b"<p>caf\xc3\xa9</p>".to_vec(), Some("utf-8")).unwrap(),
            "<p>café</p>"
        );
        // the served charset decides when the page says nothing and is not UTF-8
        assert_eq!(
            page_text(
                b"<p>caf\xe9</p>".to_vec(),
                Some("text/html; charset=ISO-8859-1")
            )
            .unwrap(),
            "<p>café</p>"
        );
    }

    #[test]
    fn a_page_whose_analysis_panics_is_a_failure_and_the_next_page_goes_on() {
        let page = |source: &str| -> input::Item {
            Ok(input::Page {
                source: source.into(),
                url: Some(format!("https://example.org/{source}")),
                charset: None,
                bytes: b"<html><body><p>A page.</p></body></html>".to_vec(),
            })
        };
        let panicking =
            |_: Vec<u8>, url: Option<&str>, _: Option<&str>| -> Result<Summary, String> {
                panic!("index out of bounds on {}", url.unwrap_or(""))
            };
        let failure = process_with(page("a.html"), panicking).unwrap_err();
        assert_eq!(failure.source, "a.html");
        assert_eq!(failure.url.as_deref(), Some("https://example.org/a.html"));
        assert_eq!(
            failure.reason,
            "internal error: index out of bounds on https://example.org/a.html"
        );
        let l = line("a.html", &Err(failure), Options::default());
        assert!(l.contains("\"error\":\"internal error: "), "{l}");
        // the same worker goes on with the next page
        assert!(process_with(page("b.html"), summarize_bytes).is_ok());
    }

    #[test]
    fn lines_hold_the_source_and_a_summary_or_an_error() {
        let html = b"<html><head><title>Rain in Oslo</title></head><body><h1>Rain in Oslo</h1>\
            <p>It rained in Oslo on Monday, and the city council said it would meet again.</p></body></html>";
        let ok =
            summarize_bytes(html.to_vec(), Some("https://example.org/a"), None).map_err(|reason| {
                Failure {
                    source: String::new(),
                    url: None,
                    reason,
                }
            });
        let l = line("a.html", &ok, Options::default());
        let v: serde_json::Value = serde_json::from_str(&l).unwrap();
        assert_eq!(v["source"], "a.html");
        assert_eq!(v["summary"]["url"], "https://example.org/a");
        assert!(v["summary"]["quotes"].is_array());

        let opts = Options {
            format: Format::Json,
            sections: Sections {
                quotes: false,
                entities: false,
            },
        };
        let v: serde_json::Value = serde_json::from_str(&line("a.html", &ok, opts)).unwrap();
        assert!(v["summary"].get("quotes").is_none() && v["summary"].get("entities").is_none());
        assert!(v["summary"]["headline"].is_string());

        let md = Options {
            format: Format::Markdown,
            ..Options::default()
        };
        let v: serde_json::Value = serde_json::from_str(&line("a.html", &ok, md)).unwrap();
        assert!(v["markdown"].as_str().unwrap().contains("Rain in Oslo"));

        let bad: Outcome = Err(Failure {
            source: "<urn:x>".into(),
            url: Some("http://x/".into()),
            reason: "cannot gunzip:\n bad\tdata".into(),
        });
        let l = line("<urn:x>", &bad, Options::default());
        assert!(!l.contains('\n'));
        let v: serde_json::Value = serde_json::from_str(&l).unwrap();
        assert_eq!(v["error"], "cannot gunzip: bad data");
        assert_eq!(v["url"], "http://x/");
        assert!(v.get("summary").is_none());
    }
}
