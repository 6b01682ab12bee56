//! The document layer over the tagged mentions: aliases merged into entities (surname and given-name
//! coreference, acronyms, multi-word tails), one type per entity by the vote of its mentions
//! (document-level consistency), salience order.

use super::gazetteers::gazetteers;
use super::rules::{is_all_caps, is_cap, Candidate};
use crate::summary::{Entity, EntityType, Mention};
use crate::text::Para;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Canonical comparison key: lower-case, whitespace collapsed, periods removed.
pub(super) fn key(s: &str) -> String {
    s.to_lowercase().replace('.', "")
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| is_cap(w))
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_uppercase()
}

struct Group {
    aliases: Vec<String>,
    /// (paragraph, byte) of its earliest mention so far.
    first: (usize, usize),
    cands: Vec<usize>,
    /// Type votes of the mentions that name the entity in one of its own forms.
    votes: HashMap<EntityType, f64>,
    /// Type votes of short forms attached by coreference ("Washington" for "MaliVai Washington"):
    /// they decide only when the full forms cast none, since a short form is typed by its
    /// antecedent (a surname that is also a place name stays a person).
    short_votes: HashMap<EntityType, f64>,
}

impl Group {
    fn name(&self) -> &str {
        self.aliases
            .iter()
            // the fullest form, printed in normal case when the article has it ("John Harlow"
            // over a byline's "JOHN HARLOW")
            .max_by_key(|a| (a.split_whitespace().count(), !is_all_caps(a), a.len()))
            .map(String::as_str)
            .unwrap_or("")
    }
    fn kind(&self) -> Option<EntityType> {
        let votes = if self.votes.values().any(|&v| v > 0.0) {
            &self.votes
        } else {
            &self.short_votes
        };
        let mut best: Option<(EntityType, f64)> = None;
        for t in [EntityType::Place, EntityType::Org, EntityType::Person] {
            let v = votes.get(&t).copied().unwrap_or(0.0);
            if v > 0.0 && best.is_none_or(|(_, b)| v > b) {
                best = Some((t, v));
            }
        }
        best.map(|(t, _)| t)
    }
}

/// One mention located in the analysed paragraphs (for quote attribution).
#[derive(Debug, Clone)]
pub struct MentionAt {
    /// Paragraph index.
    pub para: usize,
    /// Byte span in that paragraph's text.
    pub start: usize,
    /// End of the byte span.
    pub end: usize,
    /// Surface text.
    pub text: String,
    /// Canonical name of its entity.
    pub entity: String,
    /// Its entity's type.
    pub kind: EntityType,
}

/// The document layer: candidates (each with its type votes) grouped into entities by alias
/// (exact keys, surnames and given names of full names, acronyms, multi-word tails), one type per
/// entity by the sum of its mentions' votes, ordered by salience; every kept mention located.
/// `trusted[i] == false` (the headline) lets a candidate of `paras[i]` start an entity only when a
/// gazetteer knows its name or it is `sure`, since headline case capitalises common words.
/// `shown` is the pass whose entities the reader sees (after the tagger): it leaves out the people
/// nothing vouches for ([`unvouched_person`]) and names no person or organisation has
/// ([`not_a_name`]); the rule layer's own pass, a feature of the tagger, keeps them.
pub(super) fn group(
    cands: &[Candidate],
    paras: &[Para],
    trusted: &[bool],
    shown: bool,
) -> (Vec<Entity>, Vec<MentionAt>) {
    let gz = gazetteers();
    // group: exact keys first, multi-word names before single words so singles can attach
    let mut order: Vec<usize> = (0..cands.len()).collect();
    // trusted text first: headline-case candidates may only join entities found in the article
    crate::sort::indices_by_key(&mut order, |i| {
        (
            !trusted[cands[i].para] || cands[i].weak,
            std::cmp::Reverse(cands[i].text.split_whitespace().count()),
        )
    });
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut index = AliasIndex::default();
    // keys of short forms that joined a longer name by coreference
    let mut short_keys: HashSet<String> = HashSet::default();
    for &ci in &order {
        let c = &cands[ci];
        let k = key(&c.text);
        let exact = by_key.get(&k).copied();
        let attached = exact.is_none().then(|| index.attach(&groups, c)).flatten();
        if attached.is_some() {
            short_keys.insert(k.clone());
        }
        let short = attached.is_some() || short_keys.contains(&k);
        let gi = exact.or(attached);
        let gi = match gi {
            Some(gi) => gi,
            // headline case capitalises common words: only a name a gazetteer knows starts an
            // entity there
            None if c.weak => continue,
            None if !trusted[c.para] && !c.sure && !gz.is_place(&c.text) && !gz.is_org(&c.text) => {
                continue
            }
            None => {
                groups.push(Group {
                    aliases: Vec::new(),
                    first: (c.para, c.start),
                    cands: Vec::new(),
                    votes: HashMap::default(),
                    short_votes: HashMap::default(),
                });
                groups.len() - 1
            }
        };
        by_key.insert(k, gi);
        let g = &mut groups[gi];
        if !g.aliases.iter().any(|a| a == &c.text) {
            g.aliases.push(c.text.clone());
            index.add(&c.text, gi);
        }
        g.cands.push(ci);
        g.first = g.first.min((c.para, c.start));
        let tally = if short {
            &mut g.short_votes
        } else {
            &mut g.votes
        };
        for (t, v) in &c.votes {
            *tally.entry(*t).or_insert(0.0) += v;
        }
    }

    let mut out: Vec<(f64, Entity)> = Vec::new();
    let mut located: Vec<MentionAt> = Vec::new();
    for g in &groups {
        let Some(kind) = g.kind() else { continue };
        if shown && (not_a_name(g.name(), kind) || unvouched_person(g, cands, kind)) {
            continue;
        }
        if !g.cands.iter().any(|&ci| {
            let c = &cands[ci];
            !c.weak && (trusted[c.para] || c.sure || gz.is_place(&c.text) || gz.is_org(&c.text))
        }) {
            continue;
        }
        let mut cs: Vec<&Candidate> = g.cands.iter().map(|&ci| &cands[ci]).collect();
        crate::sort::by_key(&mut cs, |c| (c.para, c.start));
        let first = cs[0].para as f64;
        let salience = cs.len() as f64 + 2.0 / (1.0 + first);
        let mut aliases = g.aliases.clone();
        let name = g.name().to_string();
        located.extend(cs.iter().map(|c| MentionAt {
            para: c.para,
            start: c.start,
            end: c.end,
            text: c.text.clone(),
            entity: name.clone(),
            kind,
        }));
        crate::sort::by_key(&mut aliases, |a| (a != &name, std::cmp::Reverse(a.len())));
        out.push((
            salience,
            Entity {
                name,
                kind,
                aliases,
                mentions: cs
                    .iter()
                    .map(|c| Mention {
                        text: c.text.clone(),
                        ranges: paras[c.para].ranges(c.start, c.end),
                    })
                    .collect(),
            },
        ));
    }
    crate::sort::by(&mut out, |a, b| b.0.total_cmp(&a.0));
    crate::sort::by_key(&mut located, |m| (m.para, m.start));
    (out.into_iter().map(|(_, e)| e).collect(), located)
}

/// A PERSON whose only evidence is its shape: no mention has more than the rule layer's one vote
/// for two to four capitalised words, none is cued (a title, a role word) or named as a speaker
/// by a verb of saying, the tagger added nothing above its doubt margin, no short form voted for it, and
/// none of its names starts with a listed given name. On news nobody tuned for, such "people" are
/// mostly organisations, products, works and slogans ("Pew Research", "Log Cabin", "Big Tent
/// Brunch", "Inauguration Days"): when unsure, say less.
fn unvouched_person(g: &Group, cands: &[Candidate], kind: EntityType) -> bool {
    let person = |c: &Candidate| c.votes.get(&EntityType::Person).copied().unwrap_or(0.0);
    kind == EntityType::Person
        && g.cands.iter().all(|&ci| {
            let c = &cands[ci];
            !c.cued && !c.speaks && person(c) <= SHAPE_VOTE
        })
        && g.short_votes
            .get(&EntityType::Person)
            .copied()
            .unwrap_or(0.0)
            <= SHAPE_VOTE
        && !g.aliases.iter().any(|a| {
            let mut ws = a.split_whitespace();
            ws.next().is_some_and(super::rules::is_given_name) && ws.next().is_some()
        })
}

/// The rule layer's vote for a run of capitalised words that is nothing else (`rules.rs`).
const SHAPE_VOTE: f64 = 1.0;

/// Lower-case English words that join the words of a title or an organisation's name but never a
/// person's ("The Tragedy of Lyndon Johnson", "Teamsters for Trump", "Zen and the Art of Motorcycle
/// Maintenance"); name particles ("de", "van", "bin") are not among them.
static NOT_IN_PERSON_NAMES: crate::text::WordList =
    crate::text::WordList::new("of for and the in on at to with from by a an or");

/// A name that is no PERSON, ORG or PLACE whatever the votes: a person's name with an English
/// function word inside (a work's title, a group or slogan), or a US party-and-state tag ("R-Ky.",
/// "D-Calif", "D-N.J.", "I-Vt": `[DRI]-` and a state abbreviation).
fn not_a_name(name: &str, kind: EntityType) -> bool {
    let party_tag = name.len() <= 8
        && matches!(name.as_bytes(), [b'D' | b'R' | b'I', b'-', c, ..] if c.is_ascii_uppercase())
        && name[2..]
            .trim_end_matches('.')
            .chars()
            .all(|ch| ch.is_ascii_alphabetic() || ch == '.');
    party_tag
        || (kind == EntityType::Person
            && name
                .split_whitespace()
                .skip(1)
                .any(|w| NOT_IN_PERSON_NAMES.contains(&w)))
}

/// Look-ups from parts of multi-word aliases to their groups, kept up to date as groups grow, so
/// attaching a short form costs a hash look-up rather than a scan of every group.
#[derive(Default)]
struct AliasIndex {
    /// Key of the first or the last word of an alias → groups.
    words: HashMap<String, Vec<usize>>,
    /// Initials of an alias ("ICC") → groups.
    initials: HashMap<String, Vec<usize>>,
    /// Key of a shorter multi-word tail of an alias ("bin laden") → groups.
    tails: HashMap<String, Vec<usize>>,
    /// Key of a multi-word head of an alias, or of its first and last words ("te kaurinui", "te
    /// kaurinui parata" for "Te Kaurinui Robert Parata") → groups; persons only.
    heads: HashMap<String, Vec<usize>>,
    /// Key of the first word of an alias → groups; organisations only ("Magna" for "Magna
    /// International Inc").
    firsts: HashMap<String, Vec<usize>>,
}

impl AliasIndex {
    fn add(&mut self, alias: &str, gi: usize) {
        let ws: Vec<&str> = alias.split_whitespace().collect();
        if ws.len() < 2 {
            return;
        }
        let put = |map: &mut HashMap<String, Vec<usize>>, k: String| {
            let v = map.entry(k).or_default();
            if !v.contains(&gi) {
                v.push(gi);
            }
        };
        put(&mut self.words, key(ws[0]));
        put(&mut self.words, key(ws[ws.len() - 1]));
        put(&mut self.firsts, key(ws[0]));
        put(&mut self.initials, initials(alias));
        for s in 1..ws.len() - 1 {
            put(&mut self.tails, key(&ws[s..].join(" ")));
        }
        if ws.len() >= 3 {
            for e in 2..ws.len() {
                put(&mut self.heads, key(&ws[..e].join(" ")));
            }
            put(
                &mut self.heads,
                key(&format!("{} {}", ws[0], ws[ws.len() - 1])),
            );
        }
    }

    /// The one group a short form belongs to: a single word that is the first or last word of a
    /// person's name (a surname, or a family name written first) or an acronym of a name; a
    /// multi-word tail of a longer name ("Bin Laden"). Ambiguous forms (two Smiths) join nothing.
    fn attach(&self, groups: &[Group], c: &Candidate) -> Option<usize> {
        let mut hits: Vec<usize> = Vec::new();
        let k = key(&c.text);
        if c.text.contains(' ') {
            for &gi in self.tails.get(&k).into_iter().flatten() {
                if groups[gi].kind() != Some(EntityType::Place) {
                    hits.push(gi);
                }
            }
            for &gi in self.heads.get(&k).into_iter().flatten() {
                if groups[gi].kind() == Some(EntityType::Person) && !hits.contains(&gi) {
                    hits.push(gi);
                }
            }
        } else {
            for &gi in self.words.get(&k).into_iter().flatten() {
                if matches!(groups[gi].kind(), Some(EntityType::Person) | None) {
                    hits.push(gi);
                }
            }
            // a word that starts an organisation's name and is typed as nothing else is its short
            // form ("Magna", "Real" for "Real Madrid"); a place or a person ("Chicago") is a name
            // of its own, and a person's surname comes first ("Clinton" with "Hillary Clinton" and
            // the "Clinton Foundation")
            if hits.is_empty()
                && !c
                    .votes
                    .iter()
                    .any(|(t, &v)| v > 0.0 && *t != EntityType::Org)
            {
                for &gi in self.firsts.get(&k).into_iter().flatten() {
                    if groups[gi].kind() == Some(EntityType::Org) && !hits.contains(&gi) {
                        hits.push(gi);
                    }
                }
            }
            if is_all_caps(&c.text) {
                for &gi in self
                    .initials
                    .get(&c.text.replace('.', ""))
                    .into_iter()
                    .flatten()
                {
                    if !hits.contains(&gi) {
                        hits.push(gi);
                    }
                }
            }
        }
        match hits.as_slice() {
            [one] => Some(*one),
            [] => None,
            // a surname shared by two people named in full ("Hori Parata", his son "Te Kaurinui
            // Parata"): news style uses the bare surname for the one introduced first
            _ if !c.text.contains(' ')
                && hits
                    .iter()
                    .all(|&gi| groups[gi].kind() == Some(EntityType::Person)) =>
            {
                hits.iter().copied().min_by_key(|&gi| groups[gi].first)
            }
            _ => None,
        }
    }
}
