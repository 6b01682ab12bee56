//! Quote spans: quotation marks paired per paragraph.

/// (opening mark, closing marks)
pub(super) const PAIRS: &[(char, &[char])] = &[
    ('“', &['”', '"', '“']),
    ('„', &['“', '”']),
    ('«', &['»']),
    ('»', &['«']),
    ('‘', &['’']),
    ('‚', &['‘', '’']),
    ('‹', &['›']),
    ('›', &['‹']),
    ('「', &['」']),
    ('『', &['』']),
    ('"', &['"', '”']),
    ('\'', &['\'']),
];

/// A quote span inside a paragraph.
#[derive(Debug, Clone)]
pub(super) struct Span {
    /// Byte offset of the opening mark.
    pub(super) open: usize,
    /// Byte span of the quoted text (spaces inside the marks excluded).
    pub(super) start: usize,
    pub(super) end: usize,
    /// Byte offset just after the closing mark; `None` when the span runs to the paragraph end.
    pub(super) close: Option<usize>,
}

pub(super) fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Can `c` at byte `i` open a quote, given its neighbours?
pub(super) fn opens(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let next_ok = next.is_some_and(|n| !n.is_whitespace() || c == '«' || c == '»');
    match c {
        '"' | '\'' | '‘' | '‚' | '»' | '›' => {
            !is_word_char(prev)
                && next_ok
                && !prev.is_some_and(|p| p == '.' && c == '\'')
                && next.is_some_and(|n| n.is_alphanumeric() || "[(…“‘\"'".contains(n))
        }
        _ => PAIRS.iter().any(|(o, _)| *o == c) && next.is_some(),
    }
}

/// Can `c` close a quote opened by `o`?
pub(super) fn closes(o: char, c: char, prev: Option<char>, next: Option<char>) -> bool {
    let Some((_, closers)) = PAIRS.iter().find(|(op, _)| *op == o) else {
        return false;
    };
    if !closers.contains(&c) {
        return false;
    }
    match c {
        // an apostrophe inside a word (don’t, Xi’s) is not a closing mark
        '’' | '\'' | '‘' => !is_word_char(next) && !prev.is_some_and(char::is_whitespace),
        '"' | '“' if o == '“' || o == '"' => !is_word_char(next) || !is_word_char(prev),
        _ => true,
    }
}

pub(super) fn trim_span(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let is_space = |c: char| c.is_whitespace() || c == '\u{202f}' || c == '\u{a0}';
    while start < end {
        let c = text[start..].chars().next().unwrap();
        if !is_space(c) {
            break;
        }
        start += c.len_utf8();
    }
    while end > start {
        let c = text[..end].chars().next_back().unwrap();
        if !is_space(c) {
            break;
        }
        end -= c.len_utf8();
    }
    (start, end)
}

/// How many times [`spans_in`] reads on past a straight single quote left open.
const MAX_REREADS: usize = 8;

/// The quote spans of a paragraph's text, in order: quotation marks paired by [`PAIRS`] with the
/// context rules of [`opens`] and [`closes`].
pub(super) fn spans_in(text: &str) -> Vec<Span> {
    // (byte offset, mark, byte length): two apostrophes `''` (New York Times copy) are one
    // straight double mark
    let mut chars: Vec<(usize, char, usize)> = Vec::with_capacity(text.len());
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '\'' && it.peek().is_some_and(|&(_, n)| n == '\'') {
            it.next();
            chars.push((i, '"', 2));
        } else {
            chars.push((i, c, c.len_utf8()));
        }
    }
    let mut out = Vec::new();
    let mut from = 0;
    // a straight single quote left open at the end was an apostrophe ("the early '80s"): read on
    // after it as if it were none (a few times: each reading is a pass over the rest of the
    // paragraph, and a hostile one may hold thousands of such marks)
    for _ in 0..MAX_REREADS {
        match pair_marks(text, &chars, from, &mut out) {
            Some(k) => from = k + 1,
            None => break,
        }
    }
    out
}

/// Pair the marks of `chars[from..]` into `out`. Returns the index in `chars` of a straight single
/// quote left open at the end (an apostrophe, not a quote: the caller reads on after it); a quote
/// with any other mark left open runs to the paragraph's end.
fn pair_marks(
    text: &str,
    chars: &[(usize, char, usize)],
    from: usize,
    out: &mut Vec<Span>,
) -> Option<usize> {
    let mut open: Option<(char, usize, usize, usize)> = None;
    // “ quotes opened inside a “ quote (“… what he calls “hell” than …”)
    let mut nested = 0;
    for (k, &(i, c, len)) in chars.iter().enumerate().skip(from) {
        let prev = k.checked_sub(1).map(|k| chars[k].1);
        let next = chars.get(k + 1).map(|x| x.1);
        match open {
            None => {
                // "isn ‘t": a contraction split by a stray space is no quote
                let contraction = matches!(c, '‘' | '\'' | '’')
                    && ["t ", "s ", "d ", "m ", "ll ", "re ", "ve "]
                        .iter()
                        .any(|e| text[i + len..].starts_with(e));
                // ”Mr. Trump embodies …” ― a closing mark typed for the opening one, at the start
                // of a word
                let reversed = c == '”'
                    && prev.is_none_or(char::is_whitespace)
                    && next.is_some_and(char::is_alphanumeric);
                if reversed {
                    open = Some(('“', i, len, k));
                } else if opens(c, prev, next) && !contraction {
                    open = Some((c, i, len, k));
                }
            }
            Some((o, at, olen, _)) => {
                // AP style: ’’ closes a “ quote
                let double_apostrophe = o == '“' && c == '’' && next == Some('’');
                let nests = o == '“'
                    && c == '“'
                    && prev.is_some_and(char::is_whitespace)
                    && next.is_some_and(char::is_alphanumeric)
                    && chars[k + 1..].iter().filter(|x| x.1 == '”').count() > nested + 1;
                if nests {
                    nested += 1;
                } else if closes(o, c, prev, next) || double_apostrophe {
                    if nested > 0 && c == '”' {
                        nested -= 1;
                        continue;
                    }
                    let (s, e) = trim_span(text, at + olen, i);
                    let close = i + len + if double_apostrophe { len } else { 0 };
                    if e > s {
                        out.push(Span {
                            open: at,
                            start: s,
                            end: e,
                            close: Some(close),
                        });
                    }
                    open = None;
                    nested = 0;
                }
            }
        }
    }
    let (o, at, olen, ok) = open?;
    if o == '\'' {
        return Some(ok);
    }
    let (s, e) = trim_span(text, at + olen, text.len());
    if e > s {
        out.push(Span {
            open: at,
            start: s,
            end: e,
            close: None,
        });
    }
    None
}

/// Word tokens as the scorer counts them (`\w+`).
pub(super) fn word_tokens(s: &str) -> usize {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .count()
}

/// Is `s` in title case, as titles of songs, books, shows and events are written ("You Should Be
/// Criminally Investigated", "State of the Union")? At most ten words, every word of four or more
/// letters capitalised (and not all in capitals), at least two of them; a question or exclamation is
/// speech whatever its case.
pub(super) fn is_title_case(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let shouting = |w: &str| w.chars().all(|c| !c.is_lowercase());
    words.len() <= 10
        && long.len() >= 2
        && long.iter().all(|w| capital(w) && !shouting(w))
        && !s.trim_end().ends_with(['?', '!'])
}
