//! Where `lede batch` reads pages: page files, folders of them, WARC files and JSON Lines.
//!
//! Everything is streamed: [`read_inputs`] hands over one page at a time, and holds at most one page
//! (one WARC record, one JSON Lines line) in memory, whatever the size of the input.
//!
//! - A **page file** (`.html`, `.htm`, `.xhtml`, each optionally `.gz`; any other name given on the
//!   command line is read as a page too): its path is the page's source.
//! - A **folder**: every page file under it (recursively, by name: `.html`, `.htm`, `.html.gz`,
//!   `.htm.gz`, `.xhtml`), in file-name order at each level so the same folder always gives the same
//!   order. Symbolic links are not followed.
//! - A **WARC file** (`.warc`, `.warc.gz`; ISO 28500, read with the `warc` crate, gzip members through
//!   flate2): each `response` record of an `application/http` block whose HTTP status is 2xx and
//!   whose `Content-Type` is HTML (`text/html`, `application/xhtml+xml`; no `Content-Type` counts as
//!   HTML). Source: the record's `WARC-Record-ID`; url: its `WARC-Target-URI`; charset: the HTTP
//!   `Content-Type` value (its `charset` parameter is read by [`crate::decode`]); a body sent with
//!   `Transfer-Encoding: chunked` is decoded (`dechunk`). Other records are skipped silently.
//! - **JSON Lines** (`.jsonl`, `.ndjson`, optionally `.gz`, or `-` for standard input): one object
//!   `{"url": ..., "html": ...}` a line (`url` optional). Source: `PATH:LINE` (1-based).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::MAX_PAGE_BYTES;

/// One page read from an input.
#[derive(Debug, Clone)]
pub struct Page {
    /// Where it came from: a file path, `PATH:LINE` or a WARC record id.
    pub source: String,
    /// The page's address when the input gives one (WARC target URI, JSON Lines `url`).
    pub url: Option<String>,
    /// The encoding the page was served with, outside its bytes: an encoding label or a whole HTTP
    /// `Content-Type` value (a WARC record's), as [`crate::decode::decode_html`] takes it.
    pub charset: Option<String>,
    /// The page's bytes as stored (possibly gzipped).
    pub bytes: Vec<u8>,
}

/// A page that could not be read or summarised: its source and a one-line reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// As [`Page::source`]; for an unreadable part of a WARC file, `PATH` and the record's position.
    pub source: String,
    /// The page's address, when known.
    pub url: Option<String>,
    /// Why there is no summary.
    pub reason: String,
}

/// A page, or the failure to read one.
pub type Item = Result<Page, Failure>;

/// What kind of input a path names, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One HTML page (optionally gzipped).
    Page,
    /// A WARC file (optionally gzipped).
    Warc,
    /// JSON Lines of `{url, html}` (optionally gzipped).
    JsonLines,
}

/// The kind of a file by its name (case-insensitive); `None` for a name that is none of them.
pub fn kind_of(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "html" | "htm" | "xhtml" => Some(Kind::Page),
        "warc" => Some(Kind::Warc),
        "jsonl" | "ndjson" => Some(Kind::JsonLines),
        _ => None,
    }
}

/// Check that every input can be opened for what it is: `-`, an existing folder or an existing file.
///
/// Errors: the first unusable input, as a one-line reason.
pub fn check_inputs(inputs: &[String]) -> Result<(), String> {
    if inputs.iter().filter(|i| *i == "-").count() > 1 {
        return Err("standard input (-) can be read only once".to_string());
    }
    for i in inputs.iter().filter(|i| *i != "-") {
        let meta = std::fs::metadata(i).map_err(|e| format!("cannot read {i}: {e}"))?;
        if !meta.is_dir() && !meta.is_file() {
            return Err(format!("{i} is neither a file nor a folder"));
        }
    }
    Ok(())
}

/// The total size in bytes of the inputs (the files under each folder, by name), for a progress
/// bar; `None` when standard input is among them.
pub fn total_bytes(inputs: &[String]) -> Option<u64> {
    let mut total = 0;
    for i in inputs {
        if i == "-" {
            return None;
        }
        let path = Path::new(i);
        if path.is_dir() {
            total += page_files(path)
                .filter_map(|p| p.ok())
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .sum::<u64>();
        } else {
            total += std::fs::metadata(path).map_or(0, |m| m.len());
        }
    }
    Some(total)
}

/// Read every input in order and hand each page (or failure) to `emit`, which returns `false` to
/// stop early. `consumed` counts the input bytes read so far (files as stored, before gunzipping),
/// for a progress bar. Returns `false` when `emit` stopped the reading.
pub fn read_inputs(
    inputs: &[String],
    consumed: &AtomicU64,
    emit: &mut dyn FnMut(Item) -> bool,
) -> bool {
    for i in inputs {
        let path = Path::new(i);
        let go_on = if i == "-" {
            let stdin = std::io::stdin().lock();
            read_json_lines("-", Box::new(stdin), emit)
        } else if path.is_dir() {
            let mut go_on = true;
            for p in page_files(path) {
                let item = match p {
                    Ok(p) => read_page_file(&p, consumed),
                    Err(reason) => Err(Failure {
                        source: i.clone(),
                        url: None,
                        reason,
                    }),
                };
                if !emit(item) {
                    go_on = false;
                    break;
                }
            }
            go_on
        } else {
            match kind_of(path) {
                Some(Kind::Warc) => read_warc(i, consumed, emit),
                Some(Kind::JsonLines) => match open_counted(i, consumed) {
                    Ok(r) => read_json_lines(i, r, emit),
                    Err(f) => emit(Err(f)),
                },
                _ => emit(read_page_file(path, consumed)),
            }
        };
        if !go_on {
            return false;
        }
    }
    true
}

/// The page files under a folder, recursively, in file-name order; an unreadable entry is an error.
fn page_files(dir: &Path) -> impl Iterator<Item = Result<std::path::PathBuf, String>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| match e {
            Ok(e) => (e.file_type().is_file() && kind_of(e.path()) == Some(Kind::Page))
                .then(|| Ok(e.into_path())),
            Err(e) => Some(Err(format!("cannot read a folder entry: {e}"))),
        })
}

fn read_page_file(path: &Path, consumed: &AtomicU64) -> Item {
    let source = path.to_string_lossy().into_owned();
    let fail = |reason: String| Failure {
        source: source.clone(),
        url: None,
        reason,
    };
    let file = File::open(path).map_err(|e| fail(format!("cannot read {source}: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read {source}: {e}")))?;
    consumed.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        return Err(fail(too_large()));
    }
    Ok(Page {
        source,
        url: None,
        charset: None,
        bytes,
    })
}

fn too_large() -> String {
    format!("larger than {} MiB", MAX_PAGE_BYTES >> 20)
}

/// A reader that adds the bytes it reads to a shared counter.
struct Counted<'a, R> {
    inner: R,
    consumed: &'a AtomicU64,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A file opened for streaming, gunzipped when its name ends in `.gz`.
fn open_counted<'a>(path: &str, consumed: &'a AtomicU64) -> Result<Box<dyn BufRead + 'a>, Failure> {
    let file = File::open(path).map_err(|e| Failure {
        source: path.to_string(),
        url: None,
        reason: format!("cannot read {path}: {e}"),
    })?;
    let counted = Counted {
        inner: file,
        consumed,
    };
    Ok(if path.to_ascii_lowercase().ends_with(".gz") {
        let gz = flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 16, counted));
        Box::new(BufReader::with_capacity(1 << 16, gz))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, counted))
    })
}

/// The JSON Lines reader: one `{"url":..., "html":...}` object a line; blank lines are skipped.
fn read_json_lines(
    path: &str,
    mut reader: Box<dyn BufRead + '_>,
    emit: &mut dyn FnMut(Item) -> bool,
) -> bool {
    #[derive(serde::Deserialize)]
    struct Line {
        url: Option<String>,
        html: String,
    }
    let mut buf = Vec::new();
    for n in 1.. {
        buf.clear();
        let source = format!("{path}:{n}");
        let fail = |reason: String| Failure {
            source: source.clone(),
            url: None,
            reason,
        };
        let read = (&mut reader)
            .take(MAX_PAGE_BYTES + 1)
            .read_until(b'\n', &mut buf);
        let item = match read {
            Ok(0) => return true,
            Err(e) => return emit(Err(fail(format!("cannot read {path}: {e}")))),
            Ok(_) if buf.len() as u64 > MAX_PAGE_BYTES => {
                // the rest of the oversized line, unread
                let mut sink = Vec::new();
                loop {
                    sink.clear();
                    match (&mut reader).take(1 << 20).read_until(b'\n', &mut sink) {
                        Ok(0) | Err(_) => break,
                        Ok(_) if sink.ends_with(b"\n") => break,
                        Ok(_) => {}
                    }
                }
                Err(fail(too_large()))
            }
            Ok(_) if buf.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(_) => match serde_json::from_slice::<Line>(&buf) {
                Ok(l) => Ok(Page {
                    source: source.clone(),
                    url: l.url,
                    // already Unicode text: the JSON string's UTF-8
                    charset: Some("utf-8".to_string()),
                    bytes: l.html.into_bytes(),
                }),
                Err(e) => Err(fail(format!("not a JSON object with an html string: {e}"))),
            },
        };
        if !emit(item) {
            return false;
        }
    }
    true
}

/// The WARC reader: each HTML response record becomes a page (see the module docs).
fn read_warc(path: &str, consumed: &AtomicU64, emit: &mut dyn FnMut(Item) -> bool) -> bool {
    use warc::{RecordType, WarcHeader};
    let reader = match open_counted(path, consumed) {
        Ok(r) => r,
        Err(f) => return emit(Err(f)),
    };
    let mut warc = warc::WarcReader::new(reader);
    let mut records = warc.stream_records();
    let mut n = 0u64;
    while let Some(record) = records.next_item() {
        n += 1;
        let mut record = match record {
            Ok(r) => r,
            Err(e) => {
                // A header that names a record but lacks a field: skip that record. Anything else
                // (broken framing, truncated data) leaves no safe place to go on from.
                let go_on = matches!(
                    e,
                    warc::Error::MissingHeader(_) | warc::Error::MalformedHeader(..)
                );
                let fail = Failure {
                    source: format!("{path}: record {n}"),
                    url: None,
                    reason: format!("unreadable WARC record: {e}"),
                };
                if !emit(Err(fail)) {
                    return false;
                }
                if go_on {
                    continue;
                }
                return true;
            }
        };
        let is_http = record.header(WarcHeader::ContentType).is_some_and(|t| {
            t.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/http")
        });
        if *record.warc_type() != RecordType::Response || !is_http {
            continue;
        }
        let source = record.warc_id().to_string();
        let url = record
            .header(WarcHeader::TargetURI)
            .map(|u| u.trim().to_string());
        let fail = |reason: String| Failure {
            source: source.clone(),
            url: url.clone(),
            reason,
        };
        let length = record.content_length();
        let mut block = Vec::new();
        let item = match (&mut record)
            .take(MAX_PAGE_BYTES + 1)
            .read_to_end(&mut block)
        {
            Err(e) => {
                emit(Err(fail(format!("cannot read the record: {e}"))));
                return true;
            }
            Ok(_) if block.len() as u64 > MAX_PAGE_BYTES => Err(fail(too_large())),
            Ok(_) if (block.len() as u64) < length => {
                // the file ends inside this record: nothing follows it
                let n = block.len();
                emit(Err(fail(format!(
                    "WARC record cut short ({n} of {length} bytes)"
                ))));
                return true;
            }
            Ok(_) => match http_page(&mut block) {
                Ok(None) => continue,
                Ok(Some(charset)) => Ok(Page {
                    source: source.clone(),
                    url: url.clone(),
                    charset,
                    bytes: block,
                }),
                Err(reason) => Err(fail(reason)),
            },
        };
        if !emit(item) {
            return false;
        }
    }
    true
}

/// Read an HTTP response (status line, headers, body) in place: on an HTML 2xx response, `block`
/// keeps only the body and the result is its `Content-Type` value (`None` when it has none);
/// `Ok(None)` for a response that is not an HTML page.
///
/// Errors: a response head that cannot be parsed.
fn http_page(block: &mut Vec<u8>) -> Result<Option<Option<String>>, String> {
    let mut headers = [httparse::EMPTY_HEADER; 256];
    let mut response = httparse::Response::new(&mut headers);
    let head = match response.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("truncated HTTP response head".to_string()),
        Err(e) => return Err(format!("unreadable HTTP response head: {e}")),
    };
    if !(200..300).contains(&response.code.unwrap_or(0)) {
        return Ok(None);
    }
    let content_type = response
        .headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case("content-type"))
        .map(|h| String::from_utf8_lossy(h.value).trim().to_string());
    if let Some(t) = &content_type {
        let mime = t.split(';').next().unwrap_or("").trim();
        if !mime.eq_ignore_ascii_case("text/html")
            && !mime.eq_ignore_ascii_case("application/xhtml+xml")
        {
            return Ok(None);
        }
    }
    let chunked = response
        .headers
        .iter()
        .filter(|h| h.name.eq_ignore_ascii_case("transfer-encoding"))
        .any(|h| {
            String::from_utf8_lossy(h.value)
                .rsplit(',')
                .next()
                .is_some_and(|c| c.trim().eq_ignore_ascii_case("chunked"))
        });
    block.drain(..head);
    if chunked {
        dechunk(block);
    }
    Ok(Some(content_type))
}

/// Decode a body sent with `Transfer-Encoding: chunked` (RFC 9112 §7.1: hexadecimal size lines,
/// each with its chunk, up to a chunk of size 0; extensions and trailers ignored), in place, as a WARC
/// record keeps the response as it was sent. Chunk sizes are read with `httparse::parse_chunk_size`.
/// Lenient, as archived responses may be cut short or stored already decoded under the original
/// header: a body that does not open with a size line is kept as it is, and a truncated or
/// malformed one keeps the chunks read before the fault (with the available part of a cut chunk).
fn dechunk(body: &mut Vec<u8>) {
    let mut out = Vec::with_capacity(body.len());
    let mut at = 0;
    loop {
        let (line, size) = match httparse::parse_chunk_size(&body[at..]) {
            Ok(httparse::Status::Complete((line, size))) => (line, size),
            _ if at == 0 => return, // no chunked body: keep it as stored
            _ => break,
        };
        if size == 0 {
            break;
        }
        let start = at + line;
        let end = usize::try_from(size)
            .ok()
            .and_then(|n| start.checked_add(n))
            .map_or(body.len(), |e| e.min(body.len()));
        out.extend_from_slice(&body[start..end]);
        // the chunk's closing CRLF
        at = end;
        if body[at..].starts_with(b"\r\n") {
            at += 2;
        } else if body[at..].starts_with(b"\n") {
            at += 1;
        }
        if at >= body.len() {
            break;
        }
    }
    *body = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name() {
        assert_eq!(kind_of(Path::new("a/b.HTML")), Some(Kind::Page));
        assert_eq!(kind_of(Path::new("b.html.gz")), Some(Kind::Page));
        assert_eq!(kind_of(Path::new("b.xhtml")), Some(Kind::Page));
        assert_eq!(kind_of(Path::new("c.warc.gz")), Some(Kind::Warc));
        assert_eq!(kind_of(Path::new("c.warc")), Some(Kind::Warc));
        assert_eq!(kind_of(Path::new("d.jsonl")), Some(Kind::JsonLines));
        assert_eq!(kind_of(Path::new("e.txt")), None);
        assert_eq!(kind_of(Path::new("gz")), None);
    }

    #[test]
    fn http_responses_keep_html_bodies_and_their_charset() {
        let mut b =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; Charset=\"ISO-8859-1\"\r\n\r\n<p>x</p>"
                .to_vec();
        assert_eq!(
            http_page(&mut b),
            Ok(Some(Some("text/html; Charset=\"ISO-8859-1\"".to_string())))
        );
        assert_eq!(b, b"<p>x</p>");
        let mut b = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG".to_vec();
        assert_eq!(http_page(&mut b), Ok(None));
        let mut b = b"HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n\r\n<p>moved</p>".to_vec();
        assert_eq!(http_page(&mut b), Ok(None));
        let mut b = b"HTTP/1.0 200 OK\r\n\r\n<p>x</p>".to_vec();
        assert_eq!(http_page(&mut b), Ok(Some(None)));
        let mut b = b"garbage\x00\r\n\r\n".to_vec();
        assert!(http_page(&mut b).is_err());
    }

    #[test]
    fn chunked_bodies_are_decoded() {
        let head =
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n";
        // (the chunks split a UTF-8 character: decoding joins the bytes)
        let mut bytes = head.as_bytes().to_vec();
        bytes.extend_from_slice(
            b"7\r\n<p>caf\xc3\r\n9;ext=1\r\n\xa9 bar</p>\r\n0\r\nX-Trailer: 1\r\n\r\n",
        );
        assert_eq!(
            http_page(&mut bytes),
            Ok(Some(Some("text/html".to_string())))
        );
        assert_eq!(bytes, "<p>café bar</p>".as_bytes());
        // a body stored already decoded under the original header is kept as it is
        let mut b = format!("{head}<p>x</p>").into_bytes();
        assert_eq!(http_page(&mut b), Ok(Some(Some("text/html".to_string()))));
        assert_eq!(b, b"<p>x</p>");
        // a record cut inside a chunk keeps what arrived
        let mut b = format!("{head}4\r\n<p>a\r\n20\r\n</p><p>cut").into_bytes();
        http_page(&mut b).unwrap();
        assert_eq!(b, b"<p>a</p><p>cut");
        // without the header, a body that looks chunked is left alone
        let mut b =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n5\r\n<p>a\r\n0\r\n\r\n".to_vec();
        http_page(&mut b).unwrap();
        assert_eq!(b, b"5\r\n<p>a\r\n0\r\n\r\n");
    }
}
