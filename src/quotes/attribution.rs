//! Each quote's speaker: the attribution in its sentence, else the continued quote or the paragraph before.

use super::candidates::*;
use super::confidence::{self, Evidence, Source};
use super::resolution::*;
use super::spans::*;
use crate::entities::MentionAt;
use crate::summary::EntityType;
use crate::summary::Quote;
use crate::text::Para;

/// Find the quotes of the article. `paras` are headline, bullets and body in reading order;
/// `mentions` are the entity mentions found in them (for pronoun and alias resolution). A speaker
/// the attribution model is not sure of is left out ([`confidence`]).
pub fn find_quotes(paras: &[Para], mentions: &[MentionAt]) -> Vec<Quote> {
    let mentions = &Mentions::new(mentions);
    let mut out = Vec::new();
    let mut prev_para_speaker: Option<String> = None;
    let mut quiet_paras = 0;
    let mut open_continues: Option<Option<String>> = None;
    // per quote in `out`: was its speaker stated next to it?
    let mut stated: Vec<bool> = Vec::new();
    let mut evidence: Vec<Evidence> = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        let text = &p.text;
        let spans = spans_in(text);
        let sents = p.sentences();
        let sentence_of = |b: usize| {
            sents
                .iter()
                .copied()
                .find(|&(s, e)| b >= s && b < e.max(s + 1))
                .unwrap_or((0, text.len()))
        };
        let mut para_speaker: Option<String> = None;
        let mut found: Vec<(Span, Option<String>, bool)> = Vec::new();
        let mut sources: Vec<(Source, Option<WhoKind>)> = Vec::new();
        for (k, sp) in spans.iter().enumerate() {
            // a transcript's label ("“WALLACE: Let's start …") names who speaks, whatever the
            // quote itself names or a cue near it says
            if let Some(who) = transcript_label(&text[sp.start..sp.end]) {
                found.push((
                    sp.clone(),
                    resolve(who, (pi, sp.open), mentions, paras),
                    true,
                ));
                sources.push((Source::Before, Some(WhoKind::Adjacent)));
                continue;
            }
            let mut after_reading: Option<(Option<String>, WhoKind)> = None;
            // the cue after the quote opens a statement of its own (or names nobody)
            let mut opens_statement = false;
            if let Some(c) = sp.close {
                let next_open = spans.get(k + 1).map_or(text.len(), |n| n.open);
                // “…!” officers announced: the attribution may start the next sentence
                // (past a stray mark too: "…?''' Mr. Biden said", a nested quote closed with
                // the outer one)
                let rest = text[c..].trim_start_matches(|ch: char| {
                    ch.is_whitespace() || matches!(ch, '\'' | '’' | '"' | '”')
                });
                let after = text.len() - rest.len();
                let (s_start, s_end) = sentence_of(after.min(text.len().saturating_sub(1)));
                // … but not when that next sentence has a quote of its own: "… but said “the
                // question is the timing.” Gov. Pat McCrory said it would be “improper” …"
                let own_quote = s_start >= c && next_open < s_end;
                let tail_end = if own_quote {
                    c
                } else {
                    s_end.max(c).min(next_open).max(c)
                };
                let tail = &text[c..tail_end.max(c)];
                if let Some(w) = after_quote(tail) {
                    let kind = w.kind();
                    let who = resolve(w, (pi, sp.open), mentions, paras);
                    opens_statement = who.is_none() || complement_follows(tail);
                    after_reading = Some((who, kind));
                }
            }
            let (s_start, _) = sentence_of(sp.open);
            // (a title of a work before, "a contestant on Trump's show, “The Apprentice,” who
            // …, said his boss was “…”", does not end the head)
            let prev_close = spans[..k]
                .iter()
                .rev()
                .find(|q| !is_title_case(&text[q.start..q.end]))
                .and_then(|q| q.close)
                .unwrap_or(0);
            let head_start = s_start.max(prev_close).min(sp.open);
            let head = &text[head_start..sp.open];
            // a quote inside its sentence ("Miller said he hopes the bill can be “…,” giving
            // states more power") is the complement of the cue before it when the cue after it
            // names nobody or opens a statement of its own
            let inside = head.split_whitespace().nth(2).is_some();
            let before_reading = if after_reading.is_none() || inside {
                before_quote(head).map(|w| {
                    let kind = w.kind();
                    let named = matches!(w, Who::Named(_));
                    let mut who = if matches!(w, Who::Subject) {
                        // the subject may stand before an earlier quote of the sentence
                        clause_subject(text, pi, s_start.min(head_start), sp.open, mentions, paras)
                    } else {
                        resolve(w, (pi, sp.open), mentions, paras)
                    };
                    if who.is_none() && named {
                        // "The leader of Ennahda, Rachid Ghannouchi, condemned …, saying that it “…”"
                        who = last_named_in(mentions, pi, head_start, sp.open);
                    }
                    (who, kind)
                })
            } else {
                None
            };
            let before_named = before_reading.as_ref().is_some_and(|(who, kind)| {
                who.is_some()
                    && matches!(kind, WhoKind::Named | WhoKind::Adjacent | WhoKind::Subject)
            });
            let (speaker, source) = match (after_reading, before_reading) {
                (Some(_), Some(b)) if inside && before_named && opens_statement => {
                    (Some(b.0), (Source::Before, Some(b.1)))
                }
                (Some(a), _) => (Some(a.0), (Source::After, Some(a.1))),
                (None, Some(b)) => (Some(b.0), (Source::Before, Some(b.1))),
                (None, None) => (None, (Source::LastPerson, None)),
            };
            let explicit = speaker.is_some();
            found.push((sp.clone(), speaker.flatten(), explicit));
            sources.push(source);
        }
        // a paragraph of quotes with a credit line under it ("- Sanders.")
        let outside = found.first().map_or(text.len(), |f| f.0.open)
            + found
                .last()
                .map_or(0, |f| text.len() - f.0.close.unwrap_or(text.len()));
        let credit = (outside < 8 && found.iter().all(|f| !f.2))
            .then(|| paras.get(pi + 1))
            .flatten()
            .and_then(|next| credit_line(&next.text));
        if let Some(who) = credit {
            let kind = who.kind();
            let speaker = resolve(who, (pi + 1, 0), mentions, paras);
            for (f, source) in found.iter_mut().zip(sources.iter_mut()) {
                (f.1, f.2) = (speaker.clone(), true);
                *source = (Source::After, Some(kind));
            }
        }
        // unattributed quotes: the speaker of a neighbouring quote in this paragraph, the continued
        // quote, or the paragraph before
        // the nearest quote of the paragraph with a stated speaker, the one before first ("…,”
        // Cole said. “…”"); else a stated unnamed source
        let first_explicit = found.iter().position(|f| f.2);
        // (the neighbour's index, for its sentence)
        let neighbour: Vec<Option<usize>> = (0..found.len())
            .map(|k| {
                let named = |j: &usize| found[*j].2 && found[*j].1.is_some();
                (0..k)
                    .rev()
                    .find(named)
                    .or_else(|| (k + 1..found.len()).find(named))
                    .or(first_explicit)
            })
            .collect();
        let opens: Vec<usize> = found.iter().map(|f| f.0.open).collect();
        let found_speakers: Vec<Option<String>> = found.iter().map(|f| f.1.clone()).collect();
        for (((sp, speaker, explicit), source), neighbour) in
            found.iter_mut().zip(sources.iter_mut()).zip(neighbour)
        {
            if !*explicit {
                let sentence = sentence_of(sp.open).0;
                let subject = || sentence_subject(text, pi, sentence, sp.open, mentions);
                // "Sanders promised to end “…”" has a subject of its own: a stated speaker of
                // another sentence of the paragraph is not this quote's
                let own_subject = neighbour
                    .filter(|&j| sentence_of(opens[j]).0 != sentence)
                    .and_then(|_| subject());
                *speaker = if sp.open == 0 && open_continues.is_some() {
                    source.0 = Source::Continued;
                    open_continues.clone().flatten()
                } else if let Some(s) = own_subject {
                    source.0 = Source::Sentence;
                    Some(s)
                } else if let Some(j) = neighbour {
                    source.0 = Source::Neighbour;
                    found_speakers[j].clone()
                } else if let Some(s) = subject() {
                    // "Bolton called Obama’s ignorance “disrespectful …”": no cue verb, but the
                    // sentence's subject is a name
                    source.0 = Source::Sentence;
                    Some(s)
                } else if let Some(s) = opens_sentence(text, sentence, sp.open)
                    .then(|| earlier_sentence_speaker(text, pi, sentence, sents, mentions, paras))
                    .flatten()
                {
                    // "Clinton touted her credentials. “We need …”": the sentence before, in
                    // the paragraph, names who speaks
                    source.0 = Source::EarlierSentence;
                    Some(s)
                } else if prev_para_speaker.is_some() {
                    source.0 = Source::PrevPara;
                    prev_para_speaker.clone()
                } else {
                    last_person_before(mentions, pi, sp.open)
                };
            }
            // a scare quote ("described as “heartbreaking” by …") is nobody's speech to continue
            if speaker.is_some() && word_tokens(&text[sp.start..sp.end]) > 3 {
                para_speaker = speaker.clone();
            }
        }
        open_continues = found
            .last()
            .filter(|f| f.0.close.is_none())
            .map(|f| f.1.clone());
        let indirect = indirect_speaker(text, pi, mentions, paras);
        let names_person = mentions
            .of_para(pi)
            .iter()
            .any(|m| m.kind == EntityType::Person);
        let has_quotes = found
            .iter()
            .any(|f| word_tokens(&text[f.0.start..f.0.end]) > 3);
        if !has_quotes && !names_person && indirect.is_none() && quiet_paras < 2 {
            // a caption or a line naming nobody between a quote and its continuation: the
            // speaker carries over
            quiet_paras += 1;
        } else {
            quiet_paras = 0;
            prev_para_speaker = para_speaker.or(indirect);
        }
        let quotes_in_para = found.len();
        for ((sp, speaker, explicit), (source, who)) in found.into_iter().zip(sources) {
            let qt = text[sp.start..sp.end].replace('\u{ad}', "");
            let n = word_tokens(&qt);
            if n == 0 {
                continue;
            }
            let fragment = is_fragment(&qt);
            out.push(Quote {
                fragment,
                speaker: if fragment { None } else { speaker },
                ranges: p.ranges(sp.start, sp.end),
                text: qt,
            });
            stated.push(explicit);
            let mut ev = evidence_of(text, &sp, &sentence_of);
            (ev.source, ev.who, ev.at) = (source, who, (pi, sp.open));
            (ev.quotes_in_para, ev.words) = (quotes_in_para, n);
            evidence.push(ev);
        }
    }
    judge(&mut out, &evidence, &stated, mentions);
    out
}

/// A scare quote or a fragment of at most three words, or a title of a work ("All Bets Are Off",
/// "A Change Is Gonna Come"): no speech.
fn is_fragment(quoted: &str) -> bool {
    word_tokens(quoted) <= 3 || is_title_case(quoted)
}

/// The model's decision on each quote's speaker ([`confidence`]); then a repeated quote (a
/// headline, a pull quote) takes the speaker the model kept for the quote it repeats, and none when
/// it dropped that one.
fn judge(out: &mut [Quote], evidence: &[Evidence], stated: &[bool], mentions: &Mentions) {
    let model = confidence::model();
    for (q, ev) in out.iter_mut().zip(evidence) {
        let sure = q
            .speaker
            .as_deref()
            .is_none_or(|s| confidence::keep(&model, ev, &q.text, s, mentions));
        if !sure {
            q.speaker = None;
        }
    }
    speakers_of_repeated_quotes(out, stated);
}

/// The evidence that quote `sp` of paragraph text `text` itself gives (its place in the paragraph
/// and its sentences; `sentence_of` gives the sentence span of a byte offset). The attribution's
/// source, pattern, paragraph index and the counts are the caller's to fill in.
fn evidence_of(text: &str, sp: &Span, sentence_of: &dyn Fn(usize) -> (usize, usize)) -> Evidence {
    let close = sp.close.unwrap_or(text.len());
    Evidence {
        source: Source::LastPerson,
        who: None,
        at: (0, sp.open),
        para_start: sp.open == 0,
        whole_para: sp.open + text.len() - close < 8,
        open_ended: sp.close.is_none(),
        quotes_in_para: 0,
        words: 0,
        span: (sp.open, close),
        sentences: (
            sentence_of(sp.open).0,
            sentence_of(close.saturating_sub(1)).1,
        ),
        cue_in_sentence: cue_outside(text, sp, sentence_of),
        unnamed_in_sentence: unnamed_outside(text, sp, sentence_of),
    }
}

/// A quote with no speaker of its own that repeats (part of) another quote — a headline or sub-head
/// quoting the body, a pull quote — takes that quote's speaker.
pub(super) fn speakers_of_repeated_quotes(quotes: &mut [Quote], stated: &[bool]) {
    let words = |s: &str| format!(" {} ", crate::text::word_tokens(s).join(" "));
    let wanted = |q: &Quote, stated: bool| !stated && q.speaker.is_none() && !q.fragment;
    if !quotes.iter().zip(stated).any(|(q, &s)| wanted(q, s)) {
        return;
    }
    // each quote's words once (not once per pair)
    let normed: Vec<String> = quotes.iter().map(|q| words(&q.text)).collect();
    for i in 0..quotes.len() {
        if !wanted(&quotes[i], stated[i]) {
            continue;
        }
        let me = &normed[i];
        let source = (0..quotes.len())
            .filter(|&j| j != i && quotes[j].speaker.is_some())
            .find(|&j| {
                let other = &normed[j];
                other.contains(me.as_str()) || me.contains(other.as_str())
            });
        if let Some(j) = source {
            quotes[i].speaker = quotes[j].speaker.clone();
        }
    }
}

/// Does the quote opening at byte `open` open its sentence (which starts at `sentence`), at most
/// two words before it ("And, “…”")?
fn opens_sentence(text: &str, sentence: usize, open: usize) -> bool {
    text[sentence.min(open)..open]
        .split_whitespace()
        .nth(2)
        .is_none()
}

/// The speaker named by the sentence right before the one starting at byte `sentence` of
/// paragraph `pi`, when that sentence has no quote of its own: the subject of its cue verb
/// ("Iowa State University's Dianne Bystrom agreed.", "Sami recalled how …"), else its subject
/// when that is a name followed by its verb ("Clinton touted her credentials as …"). `sents` are
/// the paragraph's sentence spans.
fn earlier_sentence_speaker(
    text: &str,
    pi: usize,
    sentence: usize,
    sents: &[(usize, usize)],
    mentions: &Mentions,
    paras: &[Para],
) -> Option<String> {
    let &(s, e) = sents.iter().rev().find(|&&(s, _)| s < sentence)?;
    let e = e.min(sentence);
    let before = &text[s..e];
    if !spans_in(before).is_empty() {
        return None;
    }
    let words: Vec<&str> = before.split_whitespace().collect();
    let cued = words
        .iter()
        .position(|w| is_cue(w))
        .and_then(|v| before_quote(&words[..=v].join(" ")))
        .filter(|w| matches!(w, Who::Named(_) | Who::Adjacent(_)))
        .and_then(|w| resolve(w, (pi, s), mentions, paras));
    cued.or_else(|| sentence_subject(text, pi, s, e, mentions))
}

/// The last person named in this paragraph before `at`, or in the previous paragraph: the speaker of
/// a quote paragraph that follows the person's introduction.
pub(super) fn last_person_before(mentions: &Mentions, para: usize, at: usize) -> Option<String> {
    let this = mentions.of_para(para).iter().filter(|m| m.start < at);
    let before = para.checked_sub(1).map_or(&[][..], |p| mentions.of_para(p));
    before
        .iter()
        .chain(this)
        .filter(|m| m.kind == EntityType::Person)
        .max_by_key(|m| (m.para, m.start))
        .map(|m| m.entity.clone())
}

/// "Danil Bochkov, from the Council, said that …": a named subject of a cue verb in a paragraph
/// without quotes, who is likely the speaker of a quote in the next paragraph.
pub(super) fn indirect_speaker(
    text: &str,
    pi: usize,
    mentions: &Mentions,
    paras: &[Para],
) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let v = words.iter().position(|w| is_cue(w))?;
    before_quote(&words[..=v].join(" ")).and_then(|w| resolve(w, (pi, text.len()), mentions, paras))
}

/// Does a cue verb stand in the sentences of quote `sp`, outside the quote? (`sentence_of` gives
/// the sentence span of a byte offset.)
fn cue_outside(text: &str, sp: &Span, sentence_of: &dyn Fn(usize) -> (usize, usize)) -> bool {
    let close = sp.close.unwrap_or(text.len());
    let s0 = sentence_of(sp.open).0.min(sp.open);
    let s1 = sentence_of(close.saturating_sub(1)).1.max(close);
    text[s0..sp.open]
        .split_whitespace()
        .chain(text[close..s1].split_whitespace())
        .any(is_cue)
}

/// Does an unnamed source speak in the sentences of quote `sp`, outside the quote: a cue verb after
/// an indefinite phrase or an anonymous role of the same clause ("a top aide said", "one former
/// staffer recalled", "officials said"), or before one ("said a Clinton aide")? (`sentence_of`
/// gives the sentence span of a byte offset.)
fn unnamed_outside(text: &str, sp: &Span, sentence_of: &dyn Fn(usize) -> (usize, usize)) -> bool {
    let close = sp.close.unwrap_or(text.len());
    let s0 = sentence_of(sp.open).0.min(sp.open);
    let s1 = sentence_of(close.saturating_sub(1)).1.max(close);
    [&text[s0..sp.open], &text[close..s1]]
        .iter()
        .any(|part| unnamed_source(&part.split_whitespace().collect::<Vec<_>>()))
}

/// [`unnamed_outside`] on the words of one side of a quote.
pub(super) fn unnamed_source(words: &[&str]) -> bool {
    let lower = |w: &str| clean_word(w).to_lowercase();
    (0..words.len()).filter(|&i| is_cue(words[i])).any(|i| {
        // (back to the clause's start: a comma, a colon or a quote mark)
        let clause = words[..i]
            .iter()
            .rev()
            .take(6)
            .take_while(|w| !w.ends_with([',', '.', ':', ';', '"', '”', '“']));
        let mut before = clause.map(|w| lower(w)).peekable();
        let anonymous = before
            .peek()
            .is_some_and(|w| ANONYMOUS.contains(&w.as_str()));
        let indefinite = before.any(|w| INDEFINITE.contains(&w.as_str()));
        // "said a Clinton aide" (not "told a crowd")
        let verb = lower(words[i]);
        let after = !words[i].ends_with(',')
            && !["told", "tells", "asked", "asks", "urged", "warned"].contains(&verb.as_str())
            && words
                .get(i + 1)
                .is_some_and(|w| INDEFINITE.contains(&lower(w).as_str()));
        anonymous || indefinite || after
    })
}

/// Words that open an indefinite noun phrase.
const INDEFINITE: &[&str] = &[
    "a", "an", "one", "another", "some", "several", "two", "three", "many",
];

/// Nouns of anonymous sources ("officials said").
const ANONYMOUS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "strategist",
    "strategists",
    "insider",
    "insiders",
];
