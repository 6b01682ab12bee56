//! The byline: authors from JSON-LD, byline `<meta>` keys, byline elements and credit lines.

use super::dates::MONTHS;
use super::meta::{meta_all, names_of, Metas};
use super::Block;
use crate::snapshot::{NodeId, Snapshot};
use crate::text::{collapse_ws, more_words_than};
use serde_json::Value;

/// Words that open a credit line, lowercased and with their trailing space or colon ("By Ann Lee",
/// "Par Ann Lee", "Written by Ann Lee", "作者：李明", "文/李明"): cut before the name.
const BYLINE_CUES: &[&str] = &[
    "written by ",
    "posted by ",
    "words by ",
    "story by ",
    "reporting by ",
    "text by ",
    "by ",
    "par ",
    "von ",
    "por ",
    "door ",
    "author: ",
    "autor: ",
    "auteur : ",
    "auteur: ",
    "作者：",
    "作者:",
    "著者：",
    "著者:",
    "筆者：",
    "文：",
    "文●",
    "文・",
    "文／",
    "文/",
    "记者：",
    "記者：",
];

/// "Analysis by …", "Photos and text by …": at most this many words before "by".
const MAX_CREDIT_KIND_WORDS: usize = 3;

/// Lowercased phrases that begin another credit or a dateline after the author's name ("Written by A
/// Edited by B", "By A Updated March 3"): the byline ends there.
const BYLINE_ENDS: &[&str] = &[
    " edited by ",
    " photos by ",
    " photographs by ",
    " photography by ",
    " illustrations by ",
    " illustration by ",
    " additional reporting",
    " updated ",
    " last updated",
    " published ",
    " posted on ",
    " mis à jour",
    " aktualisiert",
    " actualizado",
    // a section or place after the name: "Ann Lee in Politics", "Ann Lee in Berlin"
    " in ",
];
/// Connecting words left dangling before a cut-off date ("By Ann Lee on", "Par Ann Lee le").
const DATE_LEADS: &[&str] = &[
    "on", "at", "le", "am", "el", "il", "em", "the", "-", "–", "—", "|", "·", "•", "/", "//",
];

/// Remove the credit cue before a byline and whatever follows the names (another credit, a date):
/// "Written by Rob Ewaschuk Edited by Betsy Beyer" → "Rob Ewaschuk", "By Nathan Willis March 25,
/// 2015" → "Nathan Willis". Bylines glued to dates and role credits are how Readability's bylines
/// most often go wrong.
fn byline_core(s: &str) -> String {
    let mut s = unglue(&collapse_ws(s));
    if s.to_lowercase().starts_with("byby ") {
        s = s[2..].to_string();
    }
    let lower = s.to_lowercase();
    if let Some(cue) = BYLINE_CUES.iter().find(|c| lower.starts_with(*c)) {
        s = s[cue.len()..].trim_start().to_string();
        // a cue written twice, once by the page and once in its text ("By by Ann Lee")
        let lower = s.to_lowercase();
        if let Some(cue) = BYLINE_CUES.iter().find(|c| lower.starts_with(*c)) {
            s = s[cue.len()..].trim_start().to_string();
        }
    } else if let Some(k) = lower.find(" by ").filter(|&k| {
        // a kind of piece before "by": "Analysis by", "Opinion by", "Photos and text by"
        lower[..k].split_whitespace().count() <= MAX_CREDIT_KIND_WORDS
    }) {
        s = s[k + 4..].trim_start().to_string();
    }
    let lower = s.to_lowercase();
    if let Some(cut) = BYLINE_ENDS.iter().filter_map(|e| lower.find(e)).min() {
        s.truncate(cut);
    }
    // a date: the first word with a digit, with a month or weekday name just before it
    let words: Vec<&str> = s.split(' ').collect();
    if let Some(mut k) = words
        .iter()
        .position(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        let is_date_word = |w: &str| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            MONTHS.contains(&w.as_str())
        };
        while k > 0 && is_date_word(words[k - 1]) {
            k -= 1;
        }
        while k > 0 && DATE_LEADS.contains(&words[k - 1].to_lowercase().trim_end_matches(',')) {
            k -= 1;
        }
        s = words[..k].join(" ");
    }
    s.trim()
        .trim_end_matches([',', ';', '.', '—', '–', '-', '|', ':', '·'])
        .trim()
        .to_string()
}

/// Text of neighbouring elements glued together without a space, as an element's text content
/// reads ("ByAnn Lee", "Ann LeeDaily TimesDec 3"), parted again: a space after a glued credit cue
/// before a capital, and a line break where a capitalised word of three or more letters runs on into
/// a capital ("Lee|Daily"; "LEEDAILY" is left alone, and so are "McDonald", "DeShawn" and the
/// surname prefixes of [`GLUED_NAME_PREFIXES`]); a text of one word is left whole.
fn unglue(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let chars: Vec<char> = s.chars().collect();
    // (one word alone is a name written in camel case, "ScanNetSecurity", not neighbours glued)
    let one_word = !s.trim().contains(char::is_whitespace);
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && c.is_uppercase() && chars[i - 1].is_lowercase() {
            let run = chars[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .count();
            let word: String = chars[i - run..i].iter().collect();
            let glued_cue = i == 2 && word == "By";
            if glued_cue {
                out.push(' ');
            } else if !one_word
                && run >= 3
                && chars[i - run..i - 1]
                    .iter()
                    .skip(1)
                    .all(|c| c.is_lowercase())
                && starts_word(&chars[i..])
                && !GLUED_NAME_PREFIXES.contains(&word.as_str())
            {
                out.push('\n');
            }
        }
        out.push(c);
    }
    out
}

/// Does a glued run start a word of its own: a capital and a lower-case letter ("Daily"), or three
/// capitals ("NEW")? An initialism of two ("WebMD") is part of the word before it.
fn starts_word(rest: &[char]) -> bool {
    match rest {
        [_, b, ..] if b.is_lowercase() => true,
        [_, b, c, ..] => b.is_uppercase() && c.is_uppercase(),
        _ => false,
    }
}

/// Surname prefixes written before a capital inside one name ("MacArthur", "VanDyke", "DelGado").
const GLUED_NAME_PREFIXES: &[&str] = &["Mac", "Van", "Von", "Del", "Des", "Dal", "Der", "Den"];

/// Words of credit roles in Japanese and Chinese bylines, before or after the name ("著者 A
/// イラスト B", "A 著", "B 監訳"): the byline is split there and the word dropped.
const CJK_ROLES: &[&str] = &[
    "著者",
    "著",
    "作者",
    "原作",
    "作",
    "文",
    "絵",
    "イラスト",
    "漫画",
    "訳",
    "翻訳",
    "監訳",
    "編",
    "編著",
    "監修",
    "記者",
];

/// Name parts that are a newsroom or desk rather than a person ("ASCII編集部", "新華社"): dropped.
const CJK_DESK_SUFFIXES: &[&str] = &["編集部", "編集局", "编辑部", "新聞社", "通信社", "报社"];

/// The segment of a byline that names people: a byline split at `|`, `·`, `•` or a line break
/// ("Politik · Ann Lee", "Ann Lee | Reuters") gives its first segment that holds a name of two
/// words or more, else its first segment.
fn people_segment(s: &str) -> &str {
    let mut segments = s.split(['|', '\n', '•', '·']).map(str::trim);
    let first = segments.clone().next().unwrap_or("");
    segments
        .find(|seg| {
            seg.split([',', ';'])
                .any(|p| p.split_whitespace().count() >= 2 && is_name_like(p.trim()))
        })
        .unwrap_or(first)
}

/// Split a byline string into author names: "By A and B, Reporters" → ["A", "B"].
pub fn split_byline(s: &str) -> Vec<String> {
    let s = byline_core(s);
    let s = people_segment(&s);
    // Japanese and Chinese credit roles part the names ("著者 A イラスト B", "A 著")
    let s: String = if s.chars().any(super::site::is_cjk) {
        // (an ideographic comma parts the credits as a space does: "A 著、B 監訳")
        s.replace(['、', '，'], " , ")
            .split(|c: char| c.is_whitespace() || c == '／' || c == '/')
            .map(|w| {
                let w = if CJK_ROLES.contains(&w) {
                    w
                } else {
                    CJK_ROLES
                        .iter()
                        .find_map(|r| w.strip_suffix(r).filter(|x| !x.is_empty()))
                        .unwrap_or(w)
                };
                if CJK_ROLES.contains(&w) || CJK_DESK_SUFFIXES.iter().any(|d| w.ends_with(d)) {
                    ","
                } else {
                    w
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" , ", ",")
    } else {
        s.to_string()
    };
    let s = s.as_str();
    // "&" joins two people ("Ann Lee & Bo Chan") or is part of one name ("Mac & i", "Marks & Spencer")
    let amp_joins_people = s
        .split(" & ")
        .all(|side| side.split_whitespace().count() >= 2);
    let s = if amp_joins_people {
        s.replace(" & ", ",")
    } else {
        s.to_string()
    };
    // a byline in capitals ("JOHN DOE and JANE ROE"): names in capitals are names there
    let all_caps = s
        .split_whitespace()
        .filter(|w| !matches!(*w, "and" | "et" | "und" | "y" | "e"))
        .all(|w| !w.chars().any(char::is_lowercase));
    s.replace(" and ", ",")
        .replace(" AND ", ",")
        .replace(" et ", ",")
        .replace(" und ", ",")
        .replace(" y ", ",")
        .replace(" e ", ",")
        .replace(['、', '，'], ",")
        .split([',', ';'])
        .map(|p| {
            p.trim()
                .trim_start_matches(['《', '「', '【'])
                .trim_end_matches(['》', '」', '】'])
                .trim_end_matches(['.', '—', '–', '-', '|', ':'])
                .trim()
                .to_string()
        })
        .enumerate()
        // after the first name, a part must look like another person's name ("A, B and C"), not
        // an affiliation ("Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy")
        .filter(|(i, p)| is_name_like(p) && (*i == 0 || is_second_name(p) || all_caps))
        .map(|(_, p)| p)
        .collect()
}

/// Name particles written in lower case inside a surname ("Michiel de Jong", "Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "di", "du", "del", "della", "der", "den", "van", "von", "ten",
    "ter", "la", "le", "bin", "al",
];

/// One person written "Last, First" as Dublin Core and library catalogues do ("Kooman, F.", "Jong,
/// Michiel de"), turned to reading order ("F. Kooman", "Michiel de Jong"). Only when the form is
/// unambiguous: one surname word before the comma and, after it, given names that include an
/// initial or a particle, so "Reuters, Bloomberg" or "Ann Lee, Bo Chan" stay two names.
fn uninvert_name(s: &str) -> Option<String> {
    let (last, first) = s.split_once(',')?;
    let (last, first) = (last.trim(), first.trim());
    if first.contains([',', ';']) || last.split_whitespace().count() != 1 {
        return None;
    }
    let words: Vec<&str> = first.split_whitespace().collect();
    let initial = |w: &str| {
        w.ends_with('.')
            && w.chars().filter(|c| c.is_alphabetic()).count() <= 2
            && w.chars().next().is_some_and(char::is_uppercase)
    };
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
    };
    let ok = (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| initial(w) || capitalised(w) || NAME_PARTICLES.contains(w))
        && words
            .iter()
            .any(|w| initial(w) || NAME_PARTICLES.contains(w))
        && capitalised(last);
    let name = format!("{first} {last}");
    (ok && is_name_like(&name)).then_some(name)
}

/// An author's name as a page's metadata declares it (one `<meta>` value or JSON-LD `name`), with
/// a parenthesised web address dropped ("Bradley M. Kuhn (http://ebb.org/bkuhn/)").
fn declared_value(s: &str) -> String {
    let s = collapse_ws(s);
    match (s.find('('), s.rfind(')')) {
        (Some(a), Some(b)) if a < b && s[a..b].contains("://") => {
            collapse_ws(&format!("{} {}", &s[..a], &s[b + 1..]))
        }
        _ => s,
    }
}

/// People named by one metadata value: "Last, First" turned round, else the value split like a
/// visible byline.
fn declared_people(s: &str) -> Vec<String> {
    let s = declared_value(s);
    match uninvert_name(&s) {
        Some(n) => vec![n],
        None => split_byline(&s),
    }
}

/// A metadata author that is no person's name but still the page's declared author: an outlet
/// or a collective ("BBC News", "Contributors to Wikimedia projects"). Used only when neither the
/// metadata nor the page names a person.
fn is_declared_author(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=MAX_DECLARED_AUTHOR_WORDS).contains(&words)
        && s.chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() && !c.is_lowercase())
        && !s.contains("://")
        && !s.contains('@')
        && !s.contains(',')
        && !s.to_lowercase().contains(" by ")
        && !s.starts_with("www.")
}

/// An organisation named as author has at most this many words.
const MAX_DECLARED_AUTHOR_WORDS: usize = 6;

fn is_second_name(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !words
            .iter()
            .any(|w| w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase()))
}

/// The byline shown on the page: the first `rel=author` link, `itemprop=author` element or
/// byline/author-classed element after the headline (teaser lists of other stories carry bylines
/// too), then anywhere; never one inside navigation or reader comments. Links and properties collect
/// their siblings, so two author links give two names.
fn visible_byline(snap: &Snapshot, headline: Option<NodeId>) -> Vec<String> {
    let n = snap.nodes.len();
    let start = headline.map_or(0, |h| h as usize);
    let is_author_ref = |node: &crate::snapshot::Node| {
        (node.tag == "a"
            && node
                .attr("rel")
                .is_some_and(|r| r.split_whitespace().any(|r| r == "author")))
            || node.attr("itemprop").is_some_and(|p| p.contains("author"))
    };
    let in_nav = navigation_regions(snap);
    // a comment's author ("Marilyn says:") is no byline of the article
    let in_comments = super::content::comment_regions(snap);
    let is_candidate = |i: usize| {
        let node = &snap.nodes[i];
        // a site menu's "Authors" entry is no byline; a microdata author inside a <nav> used for the
        // credit line is one
        let microdata_author = node.attr("itemprop").is_some_and(|p| p.contains("author"));
        if node.is_text()
            || !node.visible
            || (in_nav[i] && !microdata_author)
            || in_comments[i]
            || matches!(node.tag.as_str(), "meta" | "link" | "head")
        {
            return false;
        }
        let ic = node.id_class();
        ic.contains("byline")
            || ic.contains("author")
            || ic.contains("writer")
            || is_author_ref(node)
    };
    let names_at = |i: usize| {
        let node = &snap.nodes[i];
        let text = collapse_ws(&snap.text_content(i as NodeId));
        if text.is_empty() || more_words_than(&text, MAX_BYLINE_WORDS) {
            return Vec::new();
        }
        let mut names = Vec::new();
        if is_author_ref(node) {
            // every author reference under the same parent
            let scope = node.parent.unwrap_or(i as NodeId);
            let end = snap.subtree_end(scope);
            for k in scope as usize..end {
                if is_author_ref(&snap.nodes[k]) {
                    push_unique(&mut names, split_byline(&snap.text_content(k as NodeId)));
                }
            }
        } else {
            names = split_byline(&text);
            // one name's element inside a credit line ("By <span class=byline>A</span>, B and
            // <span class=last-byline>C</span>"): the whole line names them all
            if let Some(p) = node.parent {
                let line = collapse_ws(&snap.text_content(p));
                let lower = line.to_lowercase();
                if !more_words_than(&line, MAX_BYLINE_WORDS)
                    && BYLINE_CUES.iter().any(|c| lower.starts_with(c))
                {
                    let all = split_byline(&line);
                    if all.len() > names.len() && names.iter().all(|n| all.contains(n)) {
                        names = all;
                    }
                }
            }
        }
        names
    };
    let mut i = start;
    let mut wrapped = false;
    loop {
        if i >= n {
            if wrapped || start == 0 {
                break;
            }
            (i, wrapped) = (0, true);
        }
        if wrapped && i >= start {
            break;
        }
        if !is_candidate(i) {
            i += 1;
            continue;
        }
        // innermost first: a byline box ("Tech Insider Alex Perry 1 day ago") holds the author's
        // own element, which names them without the outlet or the date
        let end = snap.subtree_end(i as NodeId);
        let mut inner: Vec<(usize, usize)> = (i..end)
            .filter(|&k| is_candidate(k))
            .map(|k| (snap.ancestors(k as NodeId).count(), k))
            .collect();
        crate::sort::by_key(&mut inner, |&(depth, k)| (std::cmp::Reverse(depth), k));
        if let Some(names) = inner
            .into_iter()
            .map(|(_, k)| names_at(k))
            .find(|names| !names.is_empty())
        {
            return names;
        }
        i = end;
    }
    Vec::new()
}

/// Credit cues that open an unmarked byline line, as written (capitalised: "By the numbers" in running
/// text is lower-case after a full stop only rarely, and "by" inside a sentence is no cue).
const LINE_CUES: &[&str] = &[
    "By ",
    "BY ",
    // (a blog's credit line under the post title: "by Ann Lee on May 3, 2012", "Posted by Ann Lee")
    "by ",
    "Posted by ",
    "Posted By ",
    "Par ",
    "Von ",
    "Por ",
    "Door ",
    "Written by ",
    "作者：",
    "作者:",
    "著者：",
    "著者:",
    "筆者：",
    "文／",
    "文/",
    "记者：",
    "記者：",
];
/// An unmarked byline line has at most this many words ...
const MAX_CUE_LINE_WORDS: usize = 12;
/// ... among the first this many text blocks after the headline.
const CUE_LINE_BLOCKS: usize = 8;

/// A byline line with no byline markup: one of the first text blocks after the displayed headline
/// that is short and opens with a credit cue ("By Ann Lee and Bo Chan", "Par Ann Lee", "作者：李明"),
/// where the rest is people's names (two words or more each, or a name in a script without case).
fn cue_byline(blocks: &[Block], headline: Option<NodeId>) -> Vec<String> {
    // the displayed headline, else the first <h1>
    let Some(h) = headline.or_else(|| {
        blocks
            .iter()
            .find(|b| b.heading == Some(1))
            .map(|b| b.element)
    }) else {
        return Vec::new();
    };
    blocks
        .iter()
        .filter(|b| b.element > h)
        .take(CUE_LINE_BLOCKS)
        .filter(|b| {
            LINE_CUES.iter().any(|c| b.text.starts_with(c))
                && !more_words_than(&b.text, MAX_CUE_LINE_WORDS)
        })
        .map(|b| split_byline(&b.text))
        .find(|names| {
            !names.is_empty()
                && names
                    .iter()
                    .all(|n| is_person_shaped(n) && !is_collective(n))
        })
        .unwrap_or_default()
}

/// Words that make a credit a newsroom's or a site's, not a person's ("NFL.com Staff", "Editorial
/// Staff", "the Review Team").
const COLLECTIVE_WORDS: &[&str] = &[
    "staff",
    "team",
    "editors",
    "editorial",
    "desk",
    "newsroom",
    "admin",
    "contributors",
];

/// True for a credit that names a newsroom, team or web site rather than a person
/// ([`COLLECTIVE_WORDS`], or a domain name such as "NFL.com").
fn is_collective(n: &str) -> bool {
    n.split_whitespace().any(|w| {
        let lower = w.to_lowercase();
        COLLECTIVE_WORDS.contains(&lower.as_str())
            || [".com", ".net", ".org", ".co."]
                .iter()
                .any(|d| lower.contains(d))
    })
}

/// A person's name by its shape: two words or more, each capitalised or a name particle ("Ann Lee",
/// "Michiel de Jong"), or a name in a script without case ("李明").
fn is_person_shaped(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    let uncased = n
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase());
    uncased
        || (words.len() >= 2
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(w)
            }))
}

/// For every node: is it inside site navigation (`<nav>`, `<menu>`, `role=navigation`, or an
/// element below `<body>` whose class or id starts or ends in "nav": "globalNav", "navbar",
/// "site-navigation"; a page-wide modifier such as `<body class="mobile-nav-from-left">` is none)?
/// A menu entry named "Bylines" or "Authors" is no byline.
fn navigation_regions(snap: &Snapshot) -> Vec<bool> {
    snap.regions(|_, node| {
        !node.is_text()
            && (matches!(node.tag.as_str(), "nav" | "menu")
                || node
                    .attr("role")
                    .is_some_and(|r| r == "navigation" || r == "menubar")
                || (!matches!(node.tag.as_str(), "html" | "body" | "main" | "article")
                    && node.id_class().split_whitespace().any(|w| {
                        w.starts_with("nav") || w.ends_with("nav") || w.ends_with("navigation")
                    })))
    })
}

/// A byline element longer than this is an author bio, not a byline.
const MAX_BYLINE_WORDS: usize = 25;

/// Words of job titles and bylines' furniture that never belong to a name.
const NOT_NAME_WORDS: &[&str] = &[
    "staff",
    "senior",
    "technologist",
    "editor",
    "correspondent",
    "reporter",
    "writer",
    "contributor",
    "columnist",
    "producer",
    "analyst",
    "follow",
    "updated",
    "published",
    "posted",
    "news",
    "health",
    "contributing",
    "associate",
    "chief",
    "bureau",
    "desk",
    "team",
    "photos",
    "photo",
    "video",
    "read",
    "more",
    "email",
    "twitter",
    "facebook",
    "sign",
    "login",
    "about",
    "control",
    "by",
    "par",
    "von",
];

/// A plausible person or outlet name: 1–5 words, starts with an uppercase letter or a letter of a
/// script without case (Chinese, Japanese, Arabic …: "肖春芳"), no URL, no digits. Words are counted
/// by spaces, as a name in an unspaced script is one run of characters.
fn is_name_like(s: &str) -> bool {
    let wc = s.split_whitespace().count();
    if s.split_whitespace().any(|w| {
        NOT_NAME_WORDS.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    }) {
        return false;
    }
    (1..=5).contains(&wc)
        && s.chars().count() <= MAX_NAME_CHARS
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
        && !s.contains("://")
        && !s.contains('@')
        && !s.chars().any(|c| c.is_ascii_digit())
}

/// A name (or a byline's names) is at most this many characters long.
const MAX_NAME_CHARS: usize = 60;

fn push_unique(v: &mut Vec<String>, items: impl IntoIterator<Item = String>) {
    for it in items {
        if !v.iter().any(|x| x.eq_ignore_ascii_case(&it)) {
            v.push(it);
        }
    }
}

/// `<meta>` keys that name the author(s), most preferred first; the first that names anyone is used.
/// The article's own keys (`article:author`) come before the generic `author`, which many sites
/// fill with the publisher's name for every page ("Condé Nast").
const BYLINE_META_KEYS: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "article:author",
    "og:article:author",
    "author",
    "parsely-author",
    "sailthru:author",
];

/// The authors, from the most to the least explicit source: people named by JSON-LD `author`
/// (every entry of an array), else by the first byline `<meta>` key that names anyone (every element
/// with it: several authors), else the byline shown on the page ([`visible_byline`]); only then an
/// outlet or collective the metadata declares as author ("BBC News"), and last `twitter:creator`
/// when it is a name rather than a handle. A shown byline that is the site's own name (`site`:
/// "《ScanNetSecurity》" under a story) names the publisher, not an author, and is left out, unless
/// it is shaped like a person's name (a personal blog named after its author).
pub(super) fn byline(
    snap: &Snapshot,
    metas: &Metas<'_>,
    ld: Option<&Value>,
    headline: Option<NodeId>,
    blocks: &[Block],
    site: Option<&str>,
) -> Vec<String> {
    let ld_vals = ld
        .and_then(|v| v.get("author"))
        .map(names_of)
        .unwrap_or_default();
    let people = |vals: &[String]| {
        let mut out = Vec::new();
        push_unique(&mut out, vals.iter().flat_map(|v| declared_people(v)));
        out
    };
    let mut names = people(&ld_vals);
    let meta_vals: Vec<Vec<String>> = BYLINE_META_KEYS
        .iter()
        .map(|k| meta_all(metas, k))
        .collect();
    for vals in &meta_vals {
        if names.is_empty() {
            names = people(vals);
        }
    }
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let shown = || {
        let mut names = visible_byline(snap, headline);
        if names.is_empty() {
            names = cue_byline(blocks, headline);
        }
        names.retain(|n| is_person_shaped(n) || site.is_none_or(|s| key(s) != key(n)));
        names
    };
    // one capitalised word ("ASCII") is the outlet's name more often than a person's: the byline
    // the page shows goes first
    if let [one] = names.as_slice() {
        if !one.contains(' ') && one.chars().next().is_some_and(char::is_uppercase) {
            let seen = shown();
            if !seen.is_empty() {
                names = seen;
            }
        }
    }
    if names.is_empty() {
        names = shown();
    }
    if names.is_empty() {
        let declared = ld_vals.iter().chain(meta_vals.iter().flatten());
        if let Some(org) = declared
            .map(|v| declared_value(v))
            .find(|v| is_declared_author(v))
        {
            names.push(org);
        }
    }
    if names.is_empty() {
        names = people(&meta_all(metas, "twitter:creator"));
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_pages::*;

    #[test]
    fn a_blog_credit_line_gives_the_name_without_its_date() {
        for (line, name) in [
            (
                "by Lucy Zhang on Wednesday, October 19, 2011 at 1:31pm",
                "Lucy Zhang",
            ),
            (
                "By Ed Silverman // November 6th, 2012 // 6:25 pm",
                "Ed Silverman",
            ),
            (
                "Posted By Stephen M. Walt Thursday, August 9, 2012 - 10:40 AM",
                "Stephen M. Walt",
            ),
        ] {
            assert_eq!(split_byline(line), vec![name], "{line}");
        }
        assert!(is_collective("NFL.com Staff") && is_collective("Editorial Staff"));
        assert!(!is_collective("Barry van Wyk"));
    }

    #[test]
    fn byline_splitting_keeps_every_author() {
        assert_eq!(
            split_byline("By Teddy Ng and Jun Mai"),
            vec!["Teddy Ng", "Jun Mai"]
        );
        assert_eq!(split_byline("https://facebook.com/x"), Vec::<String>::new());
    }

    #[test]
    fn byline_ampersand_splits_people_not_names() {
        assert_eq!(
            split_byline("Ann Lee & Bo Chan"),
            vec!["Ann Lee", "Bo Chan"]
        );
        assert_eq!(split_byline("Mac & i"), vec!["Mac & i"]);
    }

    #[test]
    fn two_author_metas_give_two_authors() {
        let html = r#"<head><meta name="author" content="Ann Lee"><meta name="author" content="Bo Chan">
            </head><body><p>x</p></body>"#;
        assert_eq!(extract(&snap(html)).meta.byline, vec!["Ann Lee", "Bo Chan"]);
    }

    #[test]
    fn two_rel_author_links_give_two_authors() {
        let html = format!(
            "<body><article><h1>Harbour plan approved after two years</h1>\
             <p class=credit>By <a rel=author href=/a>Ann Lee</a> and <a rel=author href=/b>Bo Chan</a></p>\
             <p>{PARA}</p></article></body>"
        );
        assert_eq!(
            extract(&snap(&html)).meta.byline,
            vec!["Ann Lee", "Bo Chan"]
        );
    }

    #[test]
    fn json_ld_author_array_in_cdata_gives_every_author() {
        let html = r#"<head><script type="application/ld+json">//<![CDATA[
            {"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"Ann Lee"},
            {"@type":"Person","name":"Bo Chan"},{"@type":"Person","name":"Cy Diaz"}]}
            //]]></script></head><body><p>x</p></body>"#;
        assert_eq!(
            extract(&snap(html)).meta.byline,
            vec!["Ann Lee", "Bo Chan", "Cy Diaz"]
        );
    }

    #[test]
    fn byline_cues_dates_and_other_credits_are_cut() {
        assert_eq!(
            split_byline("By Nathan Willis March 25, 2015"),
            vec!["Nathan Willis"]
        );
        assert_eq!(
            split_byline("Written by Rob Ewaschuk Edited by Betsy Beyer"),
            vec!["Rob Ewaschuk"]
        );
        assert_eq!(
            split_byline("Analysis by Chris Cillizza, CNN Editor-at-large"),
            vec!["Chris Cillizza"]
        );
        assert_eq!(split_byline("Par Ann Lee le 3 mai 2020"), vec!["Ann Lee"]);
        assert_eq!(split_byline("作者：李明"), vec!["李明"]);
        // a month name is cut only before a number: June is a given name here
        assert_eq!(split_byline("By June Smith"), vec!["June Smith"]);
    }

    #[test]
    fn last_first_metadata_names_are_turned_round() {
        let html = r#"<head><meta name="DC.Creator" content="Kooman, F.">
            <meta name="DC.Creator" content="Jong, Michiel de"></head><body><p>x</p></body>"#;
        assert_eq!(
            extract(&snap(html)).meta.byline,
            vec!["F. Kooman", "Michiel de Jong"]
        );
        // two outlets or two people stay two names
        assert_eq!(uninvert_name("Reuters, Bloomberg"), None);
        assert_eq!(uninvert_name("Ann Lee, Bo Chan"), None);
    }

    #[test]
    fn names_in_scripts_without_case_and_declared_outlets() {
        let html = r#"<head><meta name="author" content="肖春芳"></head><body><p>x</p></body>"#;
        assert_eq!(extract(&snap(html)).meta.byline, vec!["肖春芳"]);
        // an outlet declared as author is used when no person is named ...
        let html = r#"<head><meta property="og:article:author" content="BBC News"></head><body><p>x</p></body>"#;
        assert_eq!(extract(&snap(html)).meta.byline, vec!["BBC News"]);
        // ... but a person shown on the page comes first
        let html = format!(
            r#"<head><meta name="author" content="BBC News"></head><body><article><h1>Harbour plan approved today</h1>
            <div class=byline>By Ann Lee</div><p>{PARA}</p></article></body>"#
        );
        assert_eq!(extract(&snap(&html)).meta.byline, vec!["Ann Lee"]);
        // a web address after the name is no part of it
        let html = r#"<head><meta name="author" content="Bradley M. Kuhn (http://ebb.org/bkuhn/)"></head><body><p>x</p></body>"#;
        assert_eq!(extract(&snap(html)).meta.byline, vec!["Bradley M. Kuhn"]);
    }

    #[test]
    fn visible_byline_skips_navigation_and_takes_the_innermost_element() {
        let html = format!(
            "<body><div id=globalNav><ul><li id=navBylines><a href=/b>Opinion</a></li></ul></div>\
             <article><h1>Harbour plan approved after two years</h1>\
             <div class=author-box>Tech Desk Weekly <span class=author-name>Ann Lee</span> 1 day ago</div>\
             <p>{PARA}</p></article></body>"
        );
        assert_eq!(extract(&snap(&html)).meta.byline, vec!["Ann Lee"]);
        let html = format!(
            "<body><nav><span class=byline>Bo Chan</span></nav><article><h1>Harbour plan approved</h1>\
             <p>{PARA}</p></article></body>"
        );
        assert!(extract(&snap(&html)).meta.byline.is_empty());
    }

    #[test]
    fn unmarked_credit_line_under_the_headline_is_the_byline() {
        let page = |line: &str| {
            let html = format!(
                "<body><article><h1>Harbour plan approved after two years</h1><p>{line}</p><p>{PARA}</p></article></body>"
            );
            extract(&snap(&html)).meta.byline
        };
        assert_eq!(page("By Ann Lee and Bo Chan"), vec!["Ann Lee", "Bo Chan"]);
        assert_eq!(page("Par Ann Lee, à Oslo"), vec!["Ann Lee"]);
        // running text and a one-word "name" are no byline
        assert!(page("By Tuesday the council had voted.").is_empty());
        assert!(page("By Tuesday").is_empty());
    }

    #[test]
    fn glued_neighbours_roles_and_sections_are_removed() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Byby JOHN DOE, JANE ROE and RAY POE",
                &["JOHN DOE", "JANE ROE", "RAY POE"],
            ),
            ("ByAnn Lee", &["Ann Lee"]),
            ("《ScanNetSecurity》", &["ScanNetSecurity"]),
            ("Ann LeeDaily TimesDec 3, 2016", &["Ann Lee"]),
            ("Ann LeeNEW TOWN HERALDDec", &["Ann Lee"]),
            ("Politik · Ann Lee, Bo Chan", &["Ann Lee", "Bo Chan"]),
            ("Written by Ann Lee in Science on 1 June 2019", &["Ann Lee"]),
            ("著者 山田花子 イラスト 川野一郎", &["山田花子", "川野一郎"]),
            ("Ann Lee 著", &["Ann Lee"]),
            ("山田 太郎 監訳", &["山田 太郎"]),
            (
                "Ann Lee 著、山田 太郎 監訳、川野 一郎 訳",
                &["Ann Lee", "山田 太郎", "川野 一郎"],
            ),
            ("文● 山田／ABC編集部", &["山田"]),
            ("《KT》", &["KT"]),
            ("Sean McDonald", &["Sean McDonald"]),
        ];
        for (line, want) in cases {
            assert_eq!(split_byline(line), *want, "{line}");
        }
    }

    #[test]
    fn article_author_key_comes_before_the_generic_author_meta() {
        // the outlet in the generic author meta gives way to the article's own author key
        let html = format!(
            "<head><meta name=author content=\"Big Media\"><meta property=article:author content=\"Ann Lee\">\
             </head><body><h1>Council votes to close the old bridge</h1><p>{PARA}</p></body>"
        );
        assert_eq!(extract(&snap(&html)).meta.byline, vec!["Ann Lee"]);
        // one capitalised word in the author meta is the outlet when the page shows a person
        let html = format!(
            "<head><meta name=author content=\"BIGMEDIA\"></head><body><h1>Council votes to close \
             the old bridge</h1><p class=author>By Ann Lee</p><p>{PARA}</p></body>"
        );
        assert_eq!(extract(&snap(&html)).meta.byline, vec!["Ann Lee"]);
    }

    #[test]
    fn the_site_name_shown_as_writer_is_no_byline() {
        let html = format!(
            "<head><meta property=og:site_name content=ScanNetSecurity></head><body>\
             <h1>Council votes to close the old bridge</h1><p>{PARA}</p>\
             <span class=\"writer writer-name\">《ScanNetSecurity》</span></body>"
        );
        assert!(extract(&snap(&html)).meta.byline.is_empty());
        let html = html.replace("《ScanNetSecurity》", "《Ann Lee》");
        assert_eq!(extract(&snap(&html)).meta.byline, vec!["Ann Lee"]);
        // a personal blog named after its author keeps its author
        let html = html.replace("content=ScanNetSecurity", "content=\"Ann Lee\"");
        assert_eq!(extract(&snap(&html)).meta.byline, vec!["Ann Lee"]);
    }

    #[test]
    fn a_comment_author_is_no_byline() {
        let comments = "<ol class=comment-list><li class=comment><div class=\"comment-author vcard\">\
                        <cite class=fn>Marilyn</cite> <span class=says>says:</span></div><p>So true.</p>\
                        </li></ol>";
        let html = format!(
            "<body><h1>Council votes to close the old bridge</h1><p>{PARA}</p>{comments}</body>"
        );
        assert!(extract(&snap(&html)).meta.byline.is_empty());
        // the article's own byline is still read
        let html = format!(
            "<body><h1>Council votes to close the old bridge</h1><p class=byline>By Ann Lee</p>\
             <p>{PARA}</p>{comments}</body>"
        );
        assert_eq!(extract(&snap(&html)).meta.byline, vec!["Ann Lee"]);
    }
}
