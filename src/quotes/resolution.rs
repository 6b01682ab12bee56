//! Speaker phrases resolved to entities: names, pronouns, descriptions, documents.

use super::candidates::*;
use super::spans::is_word_char;
use crate::entities::MentionAt;
use crate::summary::EntityType;
use crate::text::Para;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// The article's mentions, normalised and indexed once per article, so that resolving a speaker
/// costs a few hash look-ups and a binary search instead of a pass over every mention (which made
/// pages with thousands of quotes quadratic).
pub(super) struct Mentions<'a> {
    /// In (paragraph, start) order.
    pub(super) all: &'a [MentionAt],
    /// Indices into `all` by the lower-cased mention text, each list in `all` order.
    pub(super) by_lower: HashMap<String, Vec<usize>>,
    /// Indices by the mention text compared without case and periods ([`norm`]).
    pub(super) by_norm: HashMap<String, Vec<usize>>,
    /// Indices of the mentions of each entity, by the [`norm`] key of its name, in `all` order.
    pub(super) by_entity: HashMap<String, Vec<usize>>,
    /// Indices of the person mentions, in `all` order.
    pub(super) persons: Vec<usize>,
    /// Each person's gender where the text or the name tells it, by the [`norm`] key of the
    /// entity's name ([`Mentions::gender_of`]; computed on the first pronoun resolved).
    genders: std::cell::OnceCell<HashMap<String, Gender>>,
}

/// A name compared without case and periods ("C. Eugene Steuerle" = "c eugene steuerle").
pub(super) fn norm(s: &str) -> String {
    s.to_lowercase().replace('.', "")
}

impl<'a> Mentions<'a> {
    /// Index `all`, which must be in (paragraph, start) order (as [`crate::entities::find_entities_at`]
    /// returns them).
    pub(super) fn new(all: &'a [MentionAt]) -> Mentions<'a> {
        debug_assert!(all.is_sorted_by_key(|m| (m.para, m.start)));
        let mut by_lower: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_norm: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_entity: HashMap<String, Vec<usize>> = HashMap::default();
        let mut persons = Vec::new();
        for (i, m) in all.iter().enumerate() {
            by_lower.entry(m.text.to_lowercase()).or_default().push(i);
            by_norm.entry(norm(&m.text)).or_default().push(i);
            by_entity.entry(norm(&m.entity)).or_default().push(i);
            if m.kind == EntityType::Person {
                persons.push(i);
            }
        }
        Mentions {
            all,
            by_lower,
            by_norm,
            by_entity,
            persons,
            genders: std::cell::OnceCell::new(),
        }
    }

    /// The gender of person `entity`, when the article or the name tells it ([`genders`]).
    pub(super) fn gender_of(&self, entity: &str, paras: &[Para]) -> Option<Gender> {
        self.genders
            .get_or_init(|| genders(self, paras))
            .get(&norm(entity))
            .copied()
    }

    /// The number of mentions before position `at` (paragraph, byte).
    pub(super) fn before(&self, at: (usize, usize)) -> usize {
        self.all.partition_point(|m| (m.para, m.start) < at)
    }

    /// The index range of the mentions in paragraph `para`.
    pub(super) fn in_para(&self, para: usize) -> Range<usize> {
        let a = self.all.partition_point(|m| m.para < para);
        let b = a + self.all[a..].partition_point(|m| m.para == para);
        a..b
    }

    /// The mentions of paragraph `para`, in order.
    pub(super) fn of_para(&self, para: usize) -> &'a [MentionAt] {
        &self.all[self.in_para(para)]
    }

    /// Indices of the mentions whose lower-cased text starts `s` (`s.starts_with(text)`), in no
    /// particular order.
    pub(super) fn prefixes_of<'s>(&'s self, s: &'s str) -> impl Iterator<Item = usize> + 's {
        s.char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .filter_map(move |e| self.by_lower.get(&s[..e]))
            .flatten()
            .copied()
    }
}

/// Resolve a speaker phrase to an entity name.
pub(super) fn resolve(
    who: Who,
    at: (usize, usize),
    mentions: &Mentions,
    paras: &[Para],
) -> Option<String> {
    let all = mentions.all;
    match who {
        Who::Unnamed | Who::Subject => None,
        Who::Lead(phrase) => {
            let lower = phrase.to_lowercase();
            let mut rest = lower.as_str();
            for a in ARTICLES {
                if let Some(r) = rest.strip_prefix(a) {
                    if r.starts_with(' ') || a.ends_with(['’', '\'']) {
                        rest = r.trim_start();
                        break;
                    }
                }
            }
            // the longest mention that starts the phrase (the last of equally long ones)
            let named = mentions
                .prefixes_of(rest)
                .filter(|&i| all[i].kind != EntityType::Place)
                .max_by_key(|&i| (all[i].text.len(), i));
            // "according to his aunt, Jane Starner": a person named in apposition (the last one
            // named before the quote)
            let appositive = || {
                rest.match_indices(", ")
                    .flat_map(|(p, _)| mentions.prefixes_of(&rest[p + 2..]))
                    .filter(|&i| {
                        all[i].kind == EntityType::Person && (all[i].para, all[i].start) < at
                    })
                    .max_by_key(|&i| (all[i].para, all[i].start, i))
            };
            match named.or_else(appositive) {
                Some(i) => Some(all[i].entity.clone()),
                None => {
                    let words: Vec<&str> = phrase.split_whitespace().collect();
                    // "el consejero de Infraestructuras, Tomás Bielsa,": the name in apposition
                    let comma = words.iter().position(|w| w.ends_with(','));
                    let apposed = comma
                        .filter(|&c| words.get(c + 1).is_some_and(|w| is_cap(clean_word(w))))
                        .and_then(|c| adjacent(who_from(&words[c + 1..])));
                    let who = apposed.or_else(|| adjacent(who_from(&words)))?;
                    resolve(who, at, mentions, paras)
                }
            }
        }
        Who::Description(words) => description_antecedent(&words, at, mentions, paras),
        Who::Pronoun(g) => pronoun_antecedent(g, at, mentions, paras),
        Who::It => all[..mentions.before(at)]
            .iter()
            .rev()
            .take_while(|m| m.para + 1 >= at.0)
            .find(|m| m.kind == EntityType::Org)
            .map(|m| m.entity.clone()),
        Who::Adjacent(name) => resolve(Who::Named(name.clone()), at, mentions, paras)
            .or_else(|| plausible_name(&name).then_some(name)),
        Who::Named(name) => {
            // compared without periods: the phrase lost them ("C Eugene Steuerle")
            let key = norm(&name);
            let exact = mentions.by_norm.get(&key).and_then(|v| v.first().copied());
            let entity = mentions
                .by_entity
                .get(&key)
                .and_then(|v| v.first().copied());
            let first_in = |keys: Vec<&str>, kind_ok: &dyn Fn(EntityType) -> bool| {
                keys.into_iter()
                    .filter_map(|k| mentions.by_norm.get(k))
                    .filter_map(|v| v.iter().copied().find(|&i| kind_ok(all[i].kind)))
                    .min()
            };
            let found = exact
                .into_iter()
                .chain(entity)
                .min()
                .or_else(|| {
                    // "Foreign Minister Wang Yi": the mention is the tail of the phrase
                    let tails = key.match_indices(' ').map(|(p, _)| &key[p + 1..]).collect();
                    first_in(tails, &|k| k != EntityType::Place)
                })
                .or_else(|| {
                    // "Callum Reid of Fife": a person's name at the head of the phrase, before a
                    // lower-case word ("Oscar P. Quintero" is not the "Oscar P." of a cut mention)
                    let words: Vec<&str> = name.split_whitespace().collect();
                    let heads = key
                        .match_indices(' ')
                        .map(|(p, _)| &key[..p])
                        .filter(|h| {
                            let n = h.split(' ').count();
                            words.get(n).is_some_and(|w| !is_cap(w))
                        })
                        .collect();
                    first_in(heads, &|k| k == EntityType::Person)
                });
            // a single capitalised word that is no entity ("In", "There") names nobody unless it
            // is the surname of someone named before ("Al From", "Mark Cuban"); a full name the
            // entity finder missed is still a name
            found
                .map(|i| all[i].entity.clone())
                .or_else(|| surname_of(&name, at, mentions, paras))
                .or_else(|| name.contains(' ').then_some(name))
        }
    }
}

/// Role nouns that describe a person ("the president", "the coach").
pub(super) static PERSON_NOUNS: crate::text::WordList = crate::text::WordList::new("president minister premier chancellor senator governor mayor leader chief chairman chairwoman chair coach manager director spokesman spokeswoman spokesperson secretary ambassador envoy judge prosecutor detective inspector lawyer attorney professor researcher scientist author king queen prince princess pope founder executive ceo commissioner sheriff general captain economist analyst editor reporter elder ranger official candidate congressman congresswoman lawmaker actor actress singer star player striker goalkeeper quarterback defender winger boss owner pollster strategist nominee adviser advisor aide consultant activist organizer host anchor columnist commentator businessman businesswoman billionaire representative");

/// Nouns that describe an organisation ("the group added", "the ministry said").
pub(super) static ORG_NOUNS: crate::text::WordList = crate::text::WordList::new("group company firm ministry department agency union party court council commission coalition campaign charity bank university club team board committee institute centre center organisation organization network newspaper broadcaster airline carrier retailer website office embassy alliance association foundation authority bureau movement hospital museum tribe startup start-up outlet magazine regulator watchdog insurer lender maker giant");

/// Documents whose words are their author's ("the report states" → who wrote the report).
pub(super) static DOCUMENT_NOUNS: crate::text::WordList = crate::text::WordList::new("report study survey analysis review audit research poll paper filing complaint lawsuit indictment ruling judgment judgement letter memo book");

/// The words of `text` (alphanumeric runs with hyphens), as [`lower_words`] cuts them.
pub(super) fn split_words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
}

/// The lower-case words of `text`.
pub(super) fn lower_words(text: &str) -> Vec<String> {
    split_words(text).map(str::to_lowercase).collect()
}

/// Does the text right around a mention describe it with `head`? "President Lena Marsh",
/// "group Project Jonah", "The group, WeWorkers Coalition", "Ngātiwai tribe", "Lena Marsh, the
/// president,": the head noun right before the name, right after it, or in an apposition of up to
/// five words after it.
pub(super) fn described_as(m: &MentionAt, paras: &[Para], head: &str) -> bool {
    let text = &paras[m.para].text;
    let before = text[..m.start].trim_end().trim_end_matches(',');
    // ("Sen. Bernie Sanders" is "the senator"; "Rep. Bobby Scott" "the congressman")
    let is_head = |w: &str| {
        let w = w.to_lowercase();
        w == head
            || match w.as_str() {
                "sen" => head == "senator",
                "gov" => head == "governor",
                "rep" => {
                    ["representative", "congressman", "congresswoman", "lawmaker"].contains(&head)
                }
                _ => false,
            }
    };
    // (the last and first words only: lower-casing the whole paragraph per mention was the cost;
    // "Vice President Joe Biden", "former President Bill Clinton" are not "the president")
    let mut back = split_words(before).rev();
    if back.next().is_some_and(is_head)
        && !back.next().is_some_and(|w| {
            ["vice", "deputy", "assistant", "lieutenant", "former", "ex"]
                .contains(&w.to_lowercase().as_str())
        })
    {
        return true;
    }
    let after = &text[m.end..];
    if split_words(after).next().is_some_and(is_head) && after.starts_with(' ') {
        return true;
    }
    after.strip_prefix(", ").is_some_and(|a| {
        let apposition = a.split([',', '.', ';', '(']).next().unwrap_or("");
        split_words(apposition).take(5).any(is_head)
    })
}

/// "the president" → the nearest earlier person described as a president; "the group" → the
/// nearest earlier organisation named or described as one; "the report" → its author. A
/// description that matches nobody named is unnamed (`None`): no guess.
pub(super) fn description_antecedent(
    words: &[String],
    at: (usize, usize),
    mentions: &Mentions,
    paras: &[Para],
) -> Option<String> {
    let head = words.last()?.as_str();
    let earlier = || mentions.all[..mentions.before(at)].iter().rev();
    if PERSON_NOUNS.contains(&head) {
        return earlier()
            .filter(|m| m.kind == EntityType::Person)
            .find(|m| described_as(m, paras, head))
            .map(|m| m.entity.clone());
    }
    if ORG_NOUNS.contains(&head) {
        return earlier()
            .filter(|m| m.kind == EntityType::Org)
            .find(|m| {
                lower_words(&m.entity).iter().any(|w| w == head) || described_as(m, paras, head)
            })
            .map(|m| m.entity.clone());
    }
    if DOCUMENT_NOUNS.contains(&head) {
        return document_author(head, at, mentions, paras);
    }
    None
}

/// The author of the document last mentioned before `at` as `noun`: "a report … by Stanford’s
/// Center on Poverty" (the name after "by", the possessed one of a possessive pair), or else the
/// first person or organisation of the sentence that mentions it ("Oxfam published a study").
pub(super) fn document_author(
    noun: &str,
    at: (usize, usize),
    mentions: &Mentions,
    paras: &[Para],
) -> Option<String> {
    for pi in (0..=at.0).rev() {
        let in_para = mentions.of_para(pi);
        let text = &paras[pi].text;
        let limit = if pi == at.0 { at.1 } else { text.len() };
        for &(s, e) in paras[pi].sentences().iter().rev() {
            if s >= limit {
                continue;
            }
            let e = e.min(limit);
            let sentence = &text[s..e];
            let Some(n) = word_at(sentence, noun) else {
                continue;
            };
            let named: Vec<&MentionAt> = in_para
                .iter()
                .filter(|m| m.start >= s && m.end <= e)
                .filter(|m| m.kind != EntityType::Place)
                .collect();
            // "by X" after the noun; "by X’s Y" is Y's
            if let Some(by) = word_at(&sentence[n..], "by") {
                let by = s + n + by;
                let mut after = named.iter().filter(|m| m.start > by);
                if let Some(first) = after.next() {
                    let possessive = text[first.end..].starts_with(['’', '\'']);
                    let chained = after.next().filter(|next| {
                        possessive && text[first.end..next.start].chars().count() <= 3
                    });
                    return Some(chained.unwrap_or(first).entity.clone());
                }
            }
            if let Some(first) = named.iter().find(|m| m.start < s + n) {
                return Some(first.entity.clone());
            }
        }
    }
    None
}

/// Byte offset of `word` as a whole word in `text` (case-insensitive).
pub(super) fn word_at(text: &str, word: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return None;
    }
    lower.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + word.len()..].chars().next();
        !is_word_char(before) && !is_word_char(after)
    })
}

/// The subject of the clause `text[from..to]` of paragraph `para` (before a participle cue): a
/// person or organisation set off by commas ("The head of the union, Marco Bellini, …"), else the
/// first one named, else a pronoun's antecedent.
pub(super) fn clause_subject(
    text: &str,
    para: usize,
    from: usize,
    to: usize,
    mentions: &Mentions,
    paras: &[Para],
) -> Option<String> {
    // (a name inside an earlier quote of the sentence is no subject: "“… agree with Trump,”
    // Sanders said, suggesting …")
    let quoted = quoted_ranges(text);
    let named: Vec<&MentionAt> = mentions
        .of_para(para)
        .iter()
        .filter(|m| m.start >= from && m.end <= to)
        .filter(|m| m.kind != EntityType::Place)
        .filter(|m| !quoted.iter().any(|&(a, b)| m.start >= a && m.end <= b))
        .collect();
    // "…, Spicer said, adding": the name whose cue verb the clause has (auxiliaries and adverbs
    // between: "Lazar said he … and added")
    let speaks = |m: &&&MentionAt| {
        !text[m.end..].starts_with(['’', '\'']) && verb_after(&text[m.end..to]).is_some_and(is_cue)
    };
    let apposition = named.iter().find(|m| {
        text[..m.start].trim_end().ends_with(',') && text[m.end..].trim_start().starts_with(',')
    });
    // "Hillary Clinton’s campaign manager Robby Mook said …, arguing": not a possessive; "…
    // on Facebook, saying": nor the object of a preposition
    let possessive = |m: &&&MentionAt| text[m.end..].starts_with(['’', '\'']);
    let object = |m: &&&MentionAt| {
        split_words(&text[from..m.start])
            .rev()
            .map(str::to_lowercase)
            .find(|w| !["the", "a", "an"].contains(&w.as_str()))
            .is_some_and(|w| PREPOSITIONS.contains(&w.as_str()))
    };
    let first = named
        .iter()
        .find(|m| !possessive(m) && !object(m))
        .or(named.first().filter(|m| !object(m)));
    if let Some(m) = named.iter().find(speaks).or(apposition).or(first) {
        return Some(m.entity.clone());
    }
    let words: Vec<&str> = text[from..to].split_whitespace().collect();
    let first = clean_word(words.first()?);
    if let Some(g) = pronoun_gender(&first.to_lowercase()) {
        return pronoun_antecedent(g, (para, from), mentions, paras);
    }
    // "Band member Flea shared the news, writing “…”": a name the entity finder missed that
    // opens the clause
    match who_from(&words) {
        Some(Who::Named(n)) if plausible_name(&n) => Some(n),
        _ => None,
    }
}

/// Prepositions whose object is no clause subject ("… on Facebook, saying").
const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "to", "with", "by", "from", "for", "of", "about", "into", "via", "through",
    "against",
];

/// A speaker name the entity finder did not know is still shown when it looks like a name: one to
/// four capitalised alphabetic words, not in capitals, no function word ("So", "For", "MANIFEST",
/// "I--" are not).
pub(super) fn plausible_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().count() >= 2
                && is_cap(w)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
                && !w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
                && !crate::entities::is_stopword(w)
                && !crate::entities::is_demonym(w)
        })
}

/// He/she: the person the pronoun refers back to, read backwards from the pronoun (the first
/// he/she of that gender in the quote's sentence before the quote, else the quote's opening `at`),
/// sentence by sentence, at most [`PRONOUN_PARAS`] paragraphs back. Names inside quotes are
/// nobody's antecedent ("“… than Donald Trump,” said Biden. “…,” he added"). A sentence whose
/// subject is a pronoun of the same gender ("He said he and Trump differ") refers to the same
/// person and is passed over; so is one that names people only after a preposition ("… an
/// endorsement of Hillary Clinton") or as a modifier ("the Clinton campaign"). In the nearest
/// sentence that names a candidate, the person who speaks in it ("The good news for Cruz, Woolson
/// said, …", "said Leslie Wimes") comes first, then the others in order; the first known to be of
/// the pronoun's gender ([`Mentions::gender_of`]) is taken, else the first whose gender is unknown,
/// and when all in that sentence are of the other gender the pronoun is left unresolved (`None`):
/// its antecedent is likely someone the entity finder did not name.
pub(super) fn pronoun_antecedent(
    gender: Gender,
    at: (usize, usize),
    mentions: &Mentions,
    paras: &[Para],
) -> Option<String> {
    let (pi, open) = at;
    let text = &paras.get(pi)?.text;
    let open = open.min(text.len());
    let s0 = paras[pi]
        .sentences()
        .iter()
        .rev()
        .find(|&&(s, _)| s <= open)
        .map_or(0, |&(s, _)| s);
    let limit = same_pronoun_at(&text[s0..open], gender).map_or(open, |k| s0 + k);
    let mut sentences_left = PRONOUN_SENTENCES;
    for p in (pi.saturating_sub(PRONOUN_PARAS)..=pi).rev() {
        let ptext = &paras[p].text;
        let end = if p == pi { limit } else { ptext.len() };
        let quoted = quoted_ranges(ptext);
        for &(s, e) in paras[p].sentences().iter().rev() {
            if s >= end {
                continue;
            }
            let e = e.min(end);
            let persons: Vec<&MentionAt> = mentions
                .of_para(p)
                .iter()
                .filter(|m| m.kind == EntityType::Person && m.start >= s && m.end <= e)
                .filter(|m| !quoted.iter().any(|&(a, b)| m.start >= a && m.end <= b))
                .collect();
            if persons.is_empty() {
                continue;
            }
            sentences_left -= 1;
            if sentences_left == 0 {
                return None;
            }
            // the same pronoun as the sentence's subject, before anyone named: the same person
            // ("He said Grant and Hale differ": "said Grant" is no cue of Grant's here)
            let pronoun_first = same_pronoun_at(&ptext[s..persons[0].start], gender)
                .is_some_and(|k| !after_subordinator(&ptext[s..s + k]));
            let speaks = |m: &&MentionAt| speaks_in(ptext, m, s, e, !pronoun_first);
            let speaker = persons.iter().copied().find(speaks);
            if speaker.is_none() && pronoun_first {
                continue;
            }
            let object = |m: &&MentionAt| object_or_modifier(&ptext[s..m.start]);
            let possessive = |m: &&MentionAt| ptext[m.end..].starts_with(['’', '\'']);
            let ranked: Vec<&MentionAt> = speaker
                .into_iter()
                .chain(
                    persons
                        .iter()
                        .copied()
                        .filter(|m| !object(m) && !possessive(m)),
                )
                .chain(
                    persons
                        .iter()
                        .copied()
                        .filter(|m| !object(m) && possessive(m)),
                )
                .collect();
            if ranked.is_empty() {
                continue; // named only as objects or modifiers
            }
            // (one known to be of the pronoun's gender before one whose gender is unknown: "Sanders
            // held a rally while Clinton hosted an event … “…,” she said")
            let of = |m: &&MentionAt| mentions.gender_of(&m.entity, paras);
            return ranked
                .iter()
                .find(|m| of(m) == Some(gender))
                .or_else(|| ranked.iter().find(|m| of(m).is_none()))
                .map(|m| m.entity.clone());
        }
    }
    None
}

/// How many paragraphs before the quote's a pronoun's antecedent is looked for.
const PRONOUN_PARAS: usize = 6;
/// How many sentences naming someone are read back for a pronoun's antecedent (one more than
/// this stops the search).
const PRONOUN_SENTENCES: usize = 6;

/// Byte offset of the first subject pronoun of `gender` ("he", "she"...) in `text`.
fn same_pronoun_at(text: &str, gender: Gender) -> Option<usize> {
    text.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty() && pronoun_gender(&w.to_lowercase()) == Some(gender))
        .map(|w| w.as_ptr() as usize - text.as_ptr() as usize)
}

/// Does `before` (a sentence up to a pronoun) open a subordinate clause whose subject the pronoun
/// is ("While he acknowledged …, Ham also noted")? Then the pronoun is no subject of the sentence.
fn after_subordinator(before: &str) -> bool {
    split_words(before).any(|w| SUBORDINATORS.contains(&w.to_lowercase().as_str()))
}

/// Words that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "while", "when", "as", "after", "before", "because", "although", "though", "if", "since",
    "until", "once", "whether", "that",
];

/// Does the person mentioned at `m` speak in the sentence `text[s..e]`: a cue verb right after the
/// name (auxiliaries and adverbs between: "Ham also noted"), after its apposition ("Woolson, an Iowa
/// strategist, said"), or, with `cue_before`, right before it ("said Leslie Wimes")?
fn speaks_in(text: &str, m: &MentionAt, s: usize, e: usize, cue_before: bool) -> bool {
    if text[m.end..].starts_with(['’', '\'']) {
        return false;
    }
    let after = &text[m.end..e.max(m.end)];
    // (past one apposition set off by commas)
    let after = match after.strip_prefix(',') {
        Some(rest) => rest.split_once(',').map_or(rest, |(_, r)| r),
        None => after,
    };
    let before = split_words(&text[s..m.start]).next_back();
    verb_after(after).is_some_and(is_cue)
        || (cue_before && before.is_some_and(|w| w.chars().all(char::is_lowercase) && is_cue(w)))
}

/// The first word of `after` (text after a name) past auxiliaries and adverbs ("also", "has",
/// "quickly"): where the name's verb stands ("Ham also noted").
fn verb_after(after: &str) -> Option<&str> {
    after
        .split_whitespace()
        .map(clean_word)
        .find(|w| !AUXILIARIES.contains(w) && !w.ends_with("ly"))
}

/// Does `before` (the sentence up to a mention) end in a preposition or a determiner, so that the
/// mention is an object ("under Obama", "Like Makaeff") or a modifier ("the Clinton campaign")?
fn object_or_modifier(before: &str) -> bool {
    // ("As for Trump, he said …", "And for Perez …, that means …": a topic, not an object)
    let opening = before.trim().to_lowercase();
    if [
        "for",
        "as for",
        "and for",
        "but for",
        "and as for",
        "but as for",
    ]
    .contains(&opening.as_str())
    {
        return false;
    }
    split_words(before)
        .next_back()
        .map(str::to_lowercase)
        .is_some_and(|w| {
            PREPOSITIONS.contains(&w.as_str())
                || [
                    "like",
                    "unlike",
                    "than",
                    "under",
                    "over",
                    "between",
                    "among",
                    "toward",
                    "towards",
                    "including",
                    "the",
                    "a",
                    "an",
                ]
                .contains(&w.as_str())
        })
}

/// Each person's gender where the article or the name tells it, by the [`norm`] key of the
/// entity: a title or role word before a mention ("Mr.", "Ms.", "Mrs.", "congresswoman", "his
/// wife") counts three, the given name two when the US Census 1990 first names give it to one sex
/// ten times as often as to the other (`data/female-names.txt`, `data/male-names.txt`), and the
/// first personal pronoun after a mention in its sentence, with nobody else named between ("Sanders
/// said he …"), one. A gender needs twice the other's count.
fn genders(mentions: &Mentions, paras: &[Para]) -> HashMap<String, Gender> {
    let all = mentions.all;
    let mut votes: HashMap<String, (u32, u32)> = HashMap::default();
    for (k, &i) in mentions.persons.iter().enumerate() {
        let m = &all[i];
        let text = &paras[m.para].text;
        let v = votes.entry(norm(&m.entity)).or_default();
        let lower = |w: &str| w.to_lowercase().replace('.', "");
        match split_words(&text[..m.start])
            .next_back()
            .map(lower)
            .as_deref()
        {
            Some(
                "mr" | "husband" | "congressman" | "spokesman" | "businessman" | "father" | "son"
                | "brother",
            ) => v.0 += 3,
            Some(
                "mrs" | "ms" | "miss" | "wife" | "congresswoman" | "spokeswoman" | "businesswoman"
                | "chairwoman" | "actress" | "mother" | "daughter" | "sister" | "widow",
            ) => v.1 += 3,
            _ => {}
        }
        let next_person = mentions.persons[k + 1..]
            .first()
            .map(|&j| &all[j])
            .filter(|n| n.para == m.para)
            .map_or(text.len(), |n| n.start);
        let sentence_end = text[m.end..].find(". ").map_or(text.len(), |d| m.end + d);
        let pronoun = split_words(&text[m.end..next_person.min(sentence_end).max(m.end)])
            .map(str::to_lowercase)
            .find_map(|w| match w.as_str() {
                "he" | "him" | "his" | "himself" => Some(Gender::Male),
                "she" | "her" | "hers" | "herself" => Some(Gender::Female),
                _ => None,
            });
        match pronoun {
            Some(Gender::Male) => v.0 += 1,
            Some(Gender::Female) => v.1 += 1,
            None => {}
        }
    }
    let mut out = HashMap::default();
    for (key, (mut male, mut female)) in votes {
        let given = key
            .split(' ')
            .map(crate::entities::title_case)
            .find(|w| !crate::entities::is_title(w))
            .unwrap_or_default();
        if FEMALE_NAMES.contains(&given.as_str()) {
            female += 2;
        } else if MALE_NAMES.contains(&given.as_str()) {
            male += 2;
        }
        if male > 0 && male >= 2 * female {
            out.insert(key, Gender::Male);
        } else if female > 0 && female >= 2 * male {
            out.insert(key, Gender::Female);
        }
    }
    out
}

/// Given names the US Census 1990 gives to women ten times as often as to men, and the reverse
/// (`scripts/gen-gender-names.py`, [docs/data-sources.md]).
static FEMALE_NAMES: crate::text::WordList =
    crate::text::WordList::new(include_str!("../../data/female-names.txt"));
static MALE_NAMES: crate::text::WordList =
    crate::text::WordList::new(include_str!("../../data/male-names.txt"));

/// The last person or organisation named in `para` between `from` and `to` (bytes).
pub(super) fn last_named_in(
    mentions: &Mentions,
    para: usize,
    from: usize,
    to: usize,
) -> Option<String> {
    mentions
        .of_para(para)
        .iter()
        .filter(|m| m.start >= from && m.end <= to && m.kind != EntityType::Place)
        .max_by_key(|m| m.start)
        .map(|m| m.entity.clone())
}

/// The subject of the sentence `text[from..to]` (before a quote) when it is a name: the first
/// person or organisation named at the sentence's start, after a conjunction, or after an opening
/// clause closed by a comma ("Speaking in Ohio, Kasich called it “…”"), and followed by its verb
/// (a lower-case word) or an apposition, not by a possessive ("Rubio’s catch phrase").
pub(super) fn sentence_subject(
    text: &str,
    para: usize,
    from: usize,
    to: usize,
    mentions: &Mentions,
) -> Option<String> {
    let named = mentions
        .of_para(para)
        .iter()
        .filter(|m| m.start >= from && m.end <= to && m.kind != EntityType::Place);
    for m in named.take(3) {
        let before = text[from..m.start].trim();
        // (titles and capitalised role words before the name are the subject's own: "Senate
        // Majority Leader Mitch McConnell, R-Ky., delivered a blunt message: “…”")
        let titled = before.split_whitespace().all(|w| is_cap(clean_word(w)))
            && !before.contains(['’', '\'', '"', '“', '”']);
        let opens = before.is_empty()
            || ["But", "And", "So", "Yet", "Still", "Later", "Then"].contains(&before)
            || before.ends_with(',')
            || titled;
        let after = &text[m.end..to];
        let possessive = after.starts_with(['’', '\'']);
        let next = after.split_whitespace().next().unwrap_or("");
        let verb_next = after.starts_with(',') || next.starts_with(char::is_lowercase);
        if opens && !possessive && verb_next {
            return Some(m.entity.clone());
        }
        // (a name inside an opening phrase closed by a comma a few words on, "In the depths of
        // the Great Recession, Paul Ryan worried that …", is passed over)
        let closes_opening = text[m.end..to]
            .find(',')
            .is_some_and(|c| text[m.end..m.end + c].split_whitespace().count() <= 4);
        if !before.ends_with(',') && !closes_opening {
            break;
        }
    }
    None
}

/// The person a lone surname stands for when the entity finder did not link it ("From said" after
/// "Al From", "Cuban said" after "Mark Cuban", "Goodlatte said" after "Chairman Bob Goodlatte"): the
/// last person before `at` whose name ends in the word, else the first full name in the text up to
/// `at`'s paragraph that ends in it and starts with a known given name (titles before it dropped).
/// `None` for more than one word or when nobody fits.
pub(super) fn surname_of(
    word: &str,
    at: (usize, usize),
    mentions: &Mentions,
    paras: &[Para],
) -> Option<String> {
    if word.contains(' ') || !is_cap(word) {
        return None;
    }
    let key = norm(word);
    let ends = |e: &str| {
        let e = norm(e);
        e.strip_suffix(key.as_str())
            .is_some_and(|r| r.ends_with(' '))
    };
    let all = mentions.all;
    if let Some(&i) = mentions.persons[..mentions
        .persons
        .partition_point(|&i| (all[i].para, all[i].start) < at)]
        .iter()
        .rev()
        .find(|&&i| ends(&all[i].entity))
    {
        return Some(all[i].entity.clone());
    }
    for p in paras.iter().take(at.0 + 1) {
        let words: Vec<&str> = p.text.split_whitespace().collect();
        for (k, w) in words.iter().enumerate() {
            if k == 0 || clean_word(w) != word || words[k - 1].ends_with([',', '.', ';', ':']) {
                continue;
            }
            let mut s = k;
            while s > 0 && s + 6 > k && is_cap(clean_word(words[s - 1])) {
                s -= 1;
                if words[s].ends_with([',', ';', ':']) || words[s].contains(['“', '"', '(']) {
                    s += 1;
                    break;
                }
            }
            // "Billionaire Mark Cuban", "New York Congressman Pete King": the name starts at the
            // given name nearest the surname, at most two words (initials) before it
            let given = (s.max(k.saturating_sub(3))..k)
                .rev()
                .find(|&g| crate::entities::is_given_name(clean_word(words[g])));
            if let Some(Who::Named(n)) = given.and_then(|g| who_from(&words[g..=k])) {
                let first = n.split(' ').next().unwrap_or("");
                // ("the Post" is no person of "Washington Post")
                let not_person = mentions
                    .by_norm
                    .get(&norm(&n))
                    .is_some_and(|v| v.iter().any(|&i| all[i].kind != EntityType::Person));
                if n.contains(' ')
                    && ends(&n)
                    && crate::entities::is_given_name(first)
                    && !not_person
                {
                    return Some(n);
                }
            }
        }
    }
    None
}

/// The byte ranges of the quotes of paragraph text `text`, opening mark to closing mark.
fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    super::spans::spans_in(text)
        .iter()
        .map(|q| (q.open, q.close.unwrap_or(text.len())))
        .collect()
}
