//! Sentence quality for key points: the wire or dateline tag before a lede, the quotation state of a
//! sentence within its paragraph, and photo captions run into the text.
//!
//! These are rules a key point keeps whatever its score: a bullet never starts or ends inside a
//! quotation (the reader would see half a quote, or a quote without its speaker), and a caption is no
//! point of the story.

/// Length in bytes of a wire tag that opens an article's first paragraph: an optional dateline place
/// ("LONDON, England", "Washington", "New Delhi, India"), the source in brackets ("(CNN)", "(EW.com)",
/// "(Reuters)"), then a dash with spaces ("(CNN) -- The …") or no space at all ("(CNN)The …"); 0 when
/// there is none. The text after the tag must start a sentence (a capital, a digit or a quotation
/// mark), so a bracketed aside ("Aurora Borealis (Northern Lights) show") is no tag.
pub fn wire_tag_len(text: &str) -> usize {
    let (Some(open), Some(close)) = (text.find('('), text.find(')')) else {
        return 0;
    };
    if close < open {
        return 0;
    }
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let place = &text[..open];
    let source = &text[open + 1..close];
    if !(place.is_empty()
        || (place.ends_with(' ') && place.len() <= 40 && place.split_whitespace().all(capital)))
        || !(2..=30).contains(&source.len())
        || !capital(source)
        || source.split_whitespace().count() > 3
        || source.bytes().any(|b| matches!(b, b',' | b';' | b':'))
    {
        return 0;
    }
    let after = &text[close + 1..];
    let trimmed = after.trim_start();
    let undashed = trimmed.trim_start_matches(['-', '—', '–']);
    let rest = if undashed.len() < trimmed.len() {
        undashed.trim_start()
    } else if trimmed.len() == after.len() {
        // no dash: the sentence must follow the bracket directly ("(CNN)Hillary Clinton …")
        after
    } else {
        return 0;
    };
    let starts_sentence = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“'));
    if starts_sentence {
        text.len() - rest.len()
    } else {
        0
    }
}

/// The double quotation marks of `text` read left to right: whether a quotation is open at its end
/// (more curly or guillemet marks opened than closed, or an odd number of straight quotes), whether a
/// closing mark came with none open, and the share of its other characters inside quotations (0 to 1).
/// Single quotes are not followed (they are also apostrophes).
fn scan_quotes(text: &str) -> (bool, bool, f64) {
    let (mut depth, mut straight, mut stray) = (0i32, false, false);
    let (mut inside, mut total) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '“' | '«' | '„' => depth += 1,
            '”' | '»' => {
                stray |= depth == 0;
                depth = (depth - 1).max(0);
            }
            '"' => straight = !straight,
            _ => {
                total += 1;
                inside += usize::from(depth > 0 || straight);
            }
        }
    }
    let share = if total == 0 {
        0.0
    } else {
        inside as f64 / total as f64
    };
    (depth > 0 || straight, stray, share)
}

/// True when byte offset `pos` of the paragraph `text` lies inside a quotation ([`scan_quotes`]).
pub fn inside_quote_at(text: &str, pos: usize) -> bool {
    scan_quotes(&text[..pos.min(text.len())]).0
}

/// True when `text` (one sentence) has quotation marks that do not pair up inside it: an opening mark
/// never closed or a closing mark never opened (a sentence split inside a quotation).
pub fn unbalanced_quotes(text: &str) -> bool {
    let (open, stray, _) = scan_quotes(text);
    open || stray
}

/// Share of `text`'s characters inside double quotation marks (0 to 1): 0 for narration, near 1 for a
/// sentence that is all quote.
pub fn quote_share(text: &str) -> f64 {
    scan_quotes(text).2
}

/// Verbs that make a short head before a colon a speaker ("Police said: …"), not a caption label.
const CUE_VERBS: &[&str] = &[
    "said", "says", "told", "added", "wrote", "stated", "tweeted",
];

/// True when `text` reads as a photo caption or a label run into the article text: one to three
/// words and a colon opening it ("Animated: Boris Johnson wags a finger …", "Pictured: …",
/// "Editor's note: …"), or a picture cue ("pictured", "(left)", "(right)", "(above)").
pub fn is_caption(text: &str) -> bool {
    if ["pictured", "(left)", "(right)", "(above)"]
        .iter()
        .any(|cue| text.contains(cue))
    {
        return true;
    }
    text.split_once(": ").is_some_and(|(head, _)| {
        head.len() <= 30
            && head.split_whitespace().count() <= 3
            && head.starts_with(char::is_uppercase)
            && !head
                .chars()
                .any(|c| matches!(c, '"' | '“' | ',' | '(' | ')'))
            && !CUE_VERBS.iter().any(|v| head.contains(v))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_tags_are_found_before_the_lede_only() {
        for (t, tag) in [
            ("(CNN) -- Genuine. Funny.", "(CNN) -- "),
            (
                "LONDON, England (CNN) -- The prime",
                "LONDON, England (CNN) -- ",
            ),
            ("(EW.com) -- The show", "(EW.com) -- "),
            ("(CNN)Hillary Clinton is back", "(CNN)"),
            ("New Delhi, India (CNN)There's no", "New Delhi, India (CNN)"),
            ("Washington (CNN) — \"We will\"", "Washington (CNN) — "),
        ] {
            assert_eq!(&t[..wire_tag_len(t)], tag, "{t}");
        }
        for t in [
            "Last year's Aurora Borealis (Northern Lights) show wasn't",
            "The United Nations (UN) Security Council met",
            "Smith (R) said on Monday",
            "(pictured) is the man",
            "Police said (on Monday) -- that",
        ] {
            assert_eq!(wire_tag_len(t), 0, "{t}");
        }
    }

    #[test]
    fn quotation_state_and_captions() {
        let p = "\"I love it. It's great,\" he said. She agreed.";
        let second = p.find("It's").unwrap();
        assert!(inside_quote_at(p, second));
        assert!(!inside_quote_at(p, p.find("She").unwrap()));
        assert!(unbalanced_quotes("\"I love it."));
        assert!(unbalanced_quotes("It's great,” he said."));
        assert!(!unbalanced_quotes("“It's great,” he said."));
        assert!(quote_share("“It's great and fine,” he said.") > 0.5);
        assert!(quote_share("He said it was great.") == 0.0);
        assert!(is_caption(
            "Animated: Boris Johnson wags a finger at the crowd."
        ));
        assert!(is_caption(
            "The minister (pictured) arrived late on Monday evening."
        ));
        assert!(!is_caption(
            "Police said: \"We have arrested a man in Leeds.\""
        ));
        assert!(!is_caption(
            "The plan has three parts: tax, spending and debt."
        ));
    }
}
