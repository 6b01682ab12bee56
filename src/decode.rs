//! The text of a page's bytes: which character encoding they are in, and their decoding (native side:
//! the CLI and batch mode; the extension reads the browser's already decoded DOM).
//!
//! The encoding is found as the HTML Standard's "encoding sniffing algorithm" finds it
//! (<https://html.spec.whatwg.org/multipage/parsing.html#encoding-sniffing-algorithm>), in this order:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//! 2. bytes that are valid UTF-8 holding non-ASCII text (at most one invalid sequence for four valid non-ASCII characters) are
//!    UTF-8, whatever they declare — not in the standard, which would believe the declaration: pages saved
//!    and re-encoded keep their old `<meta charset>` (many CleanEval pages say `iso-8859-1` over UTF-8
//!    bytes) and servers mislabel UTF-8 as Latin-1, while text really in a legacy encoding is almost never
//!    valid UTF-8 by chance (each non-ASCII letter of Latin-1, Shift_JIS or GBK text would have to fall
//!    into UTF-8's lead/continuation pattern);
//! 3. the declared charset the caller passes (an HTTP `Content-Type`, from a WARC record or a server);
//! 4. the standard's prescan of the first 1,024 bytes for `<meta charset>` or
//!    `<meta http-equiv="Content-Type" content="...; charset=...">` ([`prescan`]);
//! 5. for undeclared pages, Firefox's detector `chardetng` over the whole input.
//!
//! Decoding is `encoding_rs` (the WHATWG Encoding Standard's decoders, as browsers use them: `iso-8859-1`
//! is decoded as windows-1252, so its curly quotes survive), with U+FFFD for malformed sequences: a page is
//! never refused for its encoding. Only input that is not text at all is refused ([`looks_binary`]).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes the `<meta>` prescan reads (the standard's advice).
pub const PRESCAN_BYTES: usize = 1024;

/// Share of "binary data bytes" (control bytes no text uses; [`looks_binary`]) above which input is not
/// text: 1 in 100. An image, archive or executable has ~10% (uniform bytes) or far more (NUL runs); an
/// HTML page has none, or a handful pasted into its text.
const MAX_BINARY_SHARE: usize = 100;
/// Fewer binary data bytes than this never make input binary, whatever its length (a stray NUL in a tiny
/// page).
const MIN_BINARY_BYTES: usize = 4;

/// Where the encoding of a page came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A byte-order mark.
    Bom,
    /// The bytes are (nearly all) valid UTF-8 with non-ASCII text in them.
    Utf8Content,
    /// The declared charset the caller passed (HTTP `Content-Type`).
    Declared,
    /// A `<meta>` in the first [`PRESCAN_BYTES`] bytes.
    Meta,
    /// Guessed by `chardetng` (no usable declaration), or plain ASCII (decoded as UTF-8).
    Detected,
}

/// The encoding [`sniff`] chose and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sniffed {
    /// The encoding the bytes are decoded with.
    pub encoding: &'static Encoding,
    /// What decided it.
    pub source: Source,
}

/// Why bytes could not be read as a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The input is not text (an image, an archive, an executable; [`looks_binary`]).
    Binary,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => f.write_str("not an HTML page (binary data)"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The text of an HTML page's bytes, decoded with the encoding [`sniff`] finds (`declared`: the charset
/// the page was served with, an encoding label such as `"Shift_JIS"` or a whole `Content-Type` value such as
/// `"text/html; charset=euc-kr"`; unknown labels are ignored). Malformed sequences become U+FFFD and a
/// byte-order mark is removed.
///
/// Errors: [`DecodeError::Binary`] when the bytes are not text ([`looks_binary`]).
pub fn decode_html(bytes: &[u8], declared: Option<&str>) -> Result<String, DecodeError> {
    let sniffed = sniff(bytes, declared);
    if sniffed.source != Source::Bom && looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    let (text, _) = sniffed.encoding.decode_with_bom_removal(bytes);
    Ok(text.into_owned())
}

/// The encoding of an HTML page's bytes and where it came from, in the order the module documentation
/// gives. `declared` as for [`decode_html`].
pub fn sniff(bytes: &[u8], declared: Option<&str>) -> Sniffed {
    let found = |encoding, source| Sniffed { encoding, source };
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return found(encoding, Source::Bom);
    }
    let (valid_non_ascii, invalid) = utf8_evidence(bytes);
    if valid_non_ascii > 0 && invalid * 4 <= valid_non_ascii {
        return found(UTF_8, Source::Utf8Content);
    }
    if let Some(encoding) = declared.and_then(declared_encoding) {
        return found(encoding, Source::Declared);
    }
    if let Some(encoding) = prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        return found(encoding, Source::Meta);
    }
    if valid_non_ascii == 0 && invalid == 0 {
        return found(UTF_8, Source::Detected);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    found(detector.guess(None, true), Source::Detected)
}

/// True when `bytes` are not text: more than one in a hundred of them (and at least four) are control
/// bytes that no text encoding uses for characters (the MIME Sniffing Standard's "binary data bytes":
/// 0x00–0x08, 0x0B, 0x0E–0x1A, 0x1C–0x1F). One stray NUL or a few pasted control characters in a page
/// keep it text; so does invalid UTF-8, which decodes with replacement.
pub fn looks_binary(bytes: &[u8]) -> bool {
    // (the control bytes less tab, line feed, form feed, carriage return and escape: the same set,
    // written as a test the compiler vectorises)
    let binary = bytes
        .iter()
        .map(|&b| {
            usize::from(b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D && b != 0x1B)
        })
        .sum::<usize>();
    binary >= MIN_BINARY_BYTES && binary * MAX_BINARY_SHARE > bytes.len()
}

/// (non-ASCII characters in valid UTF-8 sequences, invalid sequences) in `bytes`.
fn utf8_evidence(bytes: &[u8]) -> (usize, usize) {
    // in valid UTF-8 every non-ASCII character has exactly one lead byte (0xC0 and up)
    let leads = |b: &[u8]| b.iter().map(|&b| usize::from(b >= 0xC0)).sum::<usize>();
    if std::str::from_utf8(bytes).is_ok() {
        return (leads(bytes), 0); // most pages: one fast pass, no chunking
    }
    let (mut valid, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid += leads(chunk.valid().as_bytes());
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    (valid, invalid)
}

/// The encoding a declared charset names: an encoding label, or the `charset` parameter of a
/// `Content-Type` value.
fn declared_encoding(declared: &str) -> Option<&'static Encoding> {
    if declared.contains(['=', ';', '/']) {
        charset_in_content(declared.as_bytes())
    } else {
        Encoding::for_label(declared.trim().as_bytes())
    }
}

/// The HTML Standard's "prescan a byte stream to determine its encoding" over `bytes` (give it the first
/// [`PRESCAN_BYTES`]): the encoding the first `<meta charset>` or `<meta http-equiv="Content-Type">` with a
/// charset declares, skipping comments and other tags' attributes as a browser does. A UTF-16 declaration
/// means UTF-8 and `x-user-defined` windows-1252 (the bytes are ASCII-compatible if the `<meta>` was read).
/// `None` when there is none in `bytes`.
pub fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while pos < bytes.len() {
        let rest = &bytes[pos..];
        if rest.starts_with(b"<!--") {
            // the end of the first "-->" after "<!--" (whose dashes may be the opener's)
            pos += 2 + find(&rest[2..], b"-->")? + 3;
            continue;
        }
        if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            pos += 5;
            if let Some(encoding) = meta_encoding(bytes, &mut pos) {
                return Some(encoding);
            }
        } else if rest.len() > 1
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
            && rest[0] == b'<'
        {
            pos += 1;
            while pos < bytes.len() && !is_space(bytes[pos]) && bytes[pos] != b'>' {
                pos += 1;
            }
            while attribute(bytes, &mut pos)?.is_some() {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos += find(&rest[2..], b">")? + 2;
        }
        pos += 1;
    }
    None
}

/// The encoding a `<meta>` declares, its attributes read from `pos` (after `<meta`); `None` when it
/// declares none (or the bytes end inside it).
fn meta_encoding(bytes: &[u8], pos: &mut usize) -> Option<&'static Encoding> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let (mut got_pragma, mut need_pragma, mut charset) = (false, None, None);
    while let Some((name, value)) = attribute(bytes, pos)? {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" if charset.is_none() => {
                if let Some(e) = charset_in_content(&value) {
                    charset = Some(e);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Encoding::for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    match (need_pragma, charset) {
        (Some(true), _) if !got_pragma => None,
        (Some(_), Some(e)) if e == UTF_16BE || e == UTF_16LE => Some(UTF_8),
        (Some(_), Some(e)) if e == X_USER_DEFINED => Some(WINDOWS_1252),
        (Some(_), e) => e,
        (None, _) => None,
    }
}

/// The standard's "get an attribute" from `pos`: `Some(None)` at the tag's end, `None` when the bytes
/// end first. Names and values come lower-cased (ASCII).
#[allow(clippy::type_complexity)]
fn attribute(bytes: &[u8], pos: &mut usize) -> Option<Option<(Vec<u8>, Vec<u8>)>> {
    let at = |p: usize| bytes.get(p).copied();
    while is_space(at(*pos)?) || at(*pos)? == b'/' {
        *pos += 1;
    }
    if at(*pos)? == b'>' {
        return Some(None);
    }
    let (mut name, mut value) = (Vec::new(), Vec::new());
    loop {
        let b = at(*pos)?;
        if b == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        }
        if is_space(b) {
            while is_space(at(*pos)?) {
                *pos += 1;
            }
            if at(*pos)? != b'=' {
                return Some(Some((name, value)));
            }
            *pos += 1;
            break;
        }
        if b == b'/' || b == b'>' {
            return Some(Some((name, value)));
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    while is_space(at(*pos)?) {
        *pos += 1;
    }
    let b = at(*pos)?;
    if b == b'"' || b == b'\'' {
        loop {
            *pos += 1;
            let c = at(*pos)?;
            if c == b {
                *pos += 1;
                return Some(Some((name, value)));
            }
            value.push(c.to_ascii_lowercase());
        }
    }
    if b == b'>' {
        return Some(Some((name, value)));
    }
    loop {
        let c = at(*pos)?;
        if is_space(c) || c == b'>' {
            return Some(Some((name, value)));
        }
        value.push(c.to_ascii_lowercase());
        *pos += 1;
    }
}

/// The standard's "extracting a character encoding from a meta element" over a `content` (or
/// `Content-Type`) value: the encoding its `charset=` parameter names.
fn charset_in_content(s: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    loop {
        pos += find_ignore_case(&s[pos..], b"charset")? + 7;
        while s.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        if s.get(pos) != Some(&b'=') {
            continue;
        }
        pos += 1;
        while s.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        let rest = &s[pos..];
        return match *rest.first()? {
            q @ (b'"' | b'\'') => Encoding::for_label(&rest[1..1 + find(&rest[1..], &[q])?]),
            _ => {
                let end = rest
                    .iter()
                    .position(|&b| is_space(b) || b == b';')
                    .unwrap_or(rest.len());
                Encoding::for_label(&rest[..end])
            }
        };
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

fn starts_with_ignore_case(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(bytes: &[u8], declared: Option<&str>) -> (&'static str, Source) {
        let s = sniff(bytes, declared);
        (s.encoding.name(), s.source)
    }

    #[test]
    fn meta_prescan_finds_charset_and_pragma_forms() {
        assert_eq!(
            prescan(b"<meta charset=shift_jis>"),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(
            prescan(
                b"<html><head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=EUC-KR'>"
            ),
            Some(encoding_rs::EUC_KR)
        );
        // content without the pragma declares nothing; a commented-out meta is skipped
        assert_eq!(prescan(b"<meta content='text/html; charset=gbk'>"), None);
        assert_eq!(
            prescan(b"<!-- <meta charset=gbk> --><meta charset=\"iso-8859-1\">"),
            Some(WINDOWS_1252)
        );
        // another tag's attribute value holding "<meta" is not a meta
        assert_eq!(
            prescan(b"<div title='<meta charset=gbk>'><meta charset=big5>"),
            Some(encoding_rs::BIG5)
        );
        assert_eq!(prescan(b"<meta charset=utf-16le>"), Some(UTF_8));
        assert_eq!(prescan(b"<meta charset=bogus>"), None);
        assert_eq!(
            prescan(b"<meta charset=gbk"),
            None,
            "bytes end inside the tag"
        );
    }

    #[test]
    fn order_is_bom_utf8_content_declared_meta_detector() {
        let latin = b"<meta charset=iso-8859-1><p>caf\xe9 \x93quoted\x94 na\xefve fa\xe7ade</p>";
        assert_eq!(name(latin, None), ("windows-1252", Source::Meta));
        assert_eq!(
            name(latin, Some("text/html; charset=ISO-8859-2")),
            ("ISO-8859-2", Source::Declared)
        );
        assert_eq!(
            name(latin, Some("nonsense")),
            ("windows-1252", Source::Meta)
        );
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(latin);
        assert_eq!(name(&bom, Some("gbk")).1, Source::Bom);
        // UTF-8 bytes under an old Latin-1 declaration
        let resaved = "<meta charset=iso-8859-1><p>café “quoted”</p>";
        assert_eq!(
            name(resaved.as_bytes(), Some("latin1")),
            ("UTF-8", Source::Utf8Content)
        );
        assert_eq!(decode_html(resaved.as_bytes(), None).unwrap(), resaved);
        assert_eq!(name(b"<p>plain</p>", None), ("UTF-8", Source::Detected));
    }

    #[test]
    fn undeclared_legacy_text_is_detected() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(
            "<p>東京の図書館は来月から開館時間を延長し、夜九時まで利用できるようになると発表した。</p>",
        );
        assert_eq!(name(&sjis, None), ("Shift_JIS", Source::Detected));
        let text = decode_html(&sjis, None).unwrap();
        assert!(text.contains("図書館"), "{text}");
    }

    #[test]
    fn stray_nul_and_invalid_utf8_are_text_binary_is_not() {
        let page = "<p>Le caf\u{e9} du port \u{2014} “ouvert” tout l’été.\0</p>\u{1}".to_string();
        let mut bytes = page.into_bytes();
        bytes.push(0xff);
        let text = decode_html(&bytes, None).unwrap();
        assert!(
            text.contains("café") && text.ends_with('\u{fffd}'),
            "{text}"
        );
        let noise: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        assert_eq!(decode_html(&noise, None), Err(DecodeError::Binary));
        assert_eq!(
            decode_html(&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".repeat(50), None),
            Err(DecodeError::Binary)
        );
        // UTF-16 with a BOM is text though half its bytes are NUL
        let mut utf16 = vec![0xff, 0xfe];
        for u in "<p>hello</p>".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_html(&utf16, None).unwrap(), "<p>hello</p>");
    }
}
