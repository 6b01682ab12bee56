//! Each quote's speaker: the attribution in its sentence, else the continued quote or the paragraph before.

use super::candidates::*;
use super::resolution::*;
use super::spans::*;
use crate::entities::MentionAt;
use crate::summary::EntityType;
use crate::summary::Quote;
use crate::text::Para;
/// Find the quotes of the article. `paras` are headline, bullets and body in reading order;
/// `mentions` are the entity mentions found in them (for pronoun and alias resolution).
pub fn find_quotes(paras: &[Para], mentions: &[MentionAt]) -> Vec<Quote> {
    let mentions = &Mentions::new(mentions);
    let mut out = Vec::new();
    let mut prev_para_speaker: Option<String> = None;
    let mut quiet_paras = 0;
    let mut open_continues: Option<Option<String>> = None;
    // per quote in `out`: was its speaker stated next to it?
    let mut stated: Vec<bool> = Vec::new();
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
        for (k, sp) in spans.iter().enumerate() {
            let mut speaker: Option<Option<String>> = None;
            if let Some(c) = sp.close {
                let next_open = spans.get(k + 1).map_or(text.len(), |n| n.open);
                // “…!” officers announced: the attribution may start the next sentence
                let after = c + text[c..].len() - text[c..].trim_start().len();
                let (_, s_end) = sentence_of(after.min(text.len().saturating_sub(1)));
                let tail_end = s_end.max(c).min(next_open).max(c);
                if let Some(w) = after_quote(&text[c..tail_end.max(c)]) {
                    speaker = Some(resolve(w, (pi, sp.open), mentions, paras));
                }
            }
            if speaker.is_none() {
                let (s_start, _) = sentence_of(sp.open);
                let prev_close = k.checked_sub(1).and_then(|j| spans[j].close).unwrap_or(0);
                let head_start = s_start.max(prev_close).min(sp.open);
                if let Some(w) = before_quote(&text[head_start..sp.open]) {
                    let named = matches!(w, Who::Named(_));
                    let mut who = if matches!(w, Who::Subject) {
                        clause_subject(text, pi, head_start, sp.open, mentions, paras)
                    } else {
                        resolve(w, (pi, sp.open), mentions, paras)
                    };
                    if who.is_none() && named {
                        // "The leader of Ennahda, Rachid Ghannouchi, condemned …, saying that it “…”"
                        who = last_named_in(mentions, pi, head_start, sp.open);
                    }
                    speaker = Some(who);
                }
            }
            let explicit = speaker.is_some();
            found.push((sp.clone(), speaker.flatten(), explicit));
        }
        // unattributed quotes: the speaker of a neighbouring quote in this paragraph, the continued
        // quote, or the paragraph before
        let first_explicit = found.iter().find(|f| f.2).map(|f| f.1.clone());
        for (sp, speaker, explicit) in found.iter_mut() {
            if !*explicit {
                *speaker = if sp.open == 0 && open_continues.is_some() {
                    open_continues.clone().flatten()
                } else if let Some(s) = &first_explicit {
                    s.clone()
                } else {
                    prev_para_speaker
                        .clone()
                        .or_else(|| last_person_before(mentions, pi, sp.open))
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
        for (sp, speaker, explicit) in found {
            let qt = text[sp.start..sp.end].replace('\u{ad}', "");
            let n = word_tokens(&qt);
            if n == 0 {
                continue;
            }
            out.push(Quote {
                fragment: n <= 3,
                speaker: if n <= 3 { None } else { speaker },
                ranges: p.ranges(sp.start, sp.end),
                text: qt,
            });
            stated.push(explicit);
        }
    }
    speakers_of_repeated_quotes(&mut out, &stated);
    out
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
