//! Speaker phrases read next to cue verbs: the attribution patterns.

/// Cue verbs of attribution (English and French), lower-case.
pub(super) static CUE_VERBS: crate::text::WordList = crate::text::WordList::new("said says say told tells added adds wrote writes asked asks explained explains noted notes stated states declared insisted argued argues warned warns recalled recalls continued replied responded tweeted posted announced claimed claims acknowledged admitted suggested commented concluded remarked urged cautioned confirmed maintained stressed emphasised emphasized observed predicted pointed conceded quoted saying according explique affirme déclare dit ajoute estime souligne indique raconte précise assure selon lance poursuit répond confie testified warning saying stating adding noting arguing insisting declaring writing déclaré ajouté expliqué affirmé estimé souligné indiqué raconté précisé assuré lancé répondu confié écrit martèle reconnaît avertit sagte sagt erklärte betonte meinte fügte laut dijo afirmó explicó señaló declaró aseguró añadió indicó sostuvo según reported reports asserted asserts contended contends concludes joked quipped exclaimed boasted lamented complained countered retorted proclaimed vowed charged alleged demanded demands pleaded wondered reiterated asking asserting suggesting stressing urging vowing predicting acknowledging admitting recalling complaining contending tweeting affirmé répondu detto dichiarato spiegato secondo zei zegt aldus volgens disse afirmou segundo answered pressed reacted questioned fumed barked retaliated gloated opined remembered agreed agrees confided mused scoffed snapped shouted yelled called calls calling described describes touted assured assures");

/// "According to" in the languages of [`CUE_VERBS`]: the source follows.
pub(super) const ACCORDING: &[&str] = &[
    "according",
    "selon",
    "según",
    "secondo",
    "laut",
    "volgens",
    "segundo",
];

/// Articles that may start a source phrase after "according to" ("selon le ministère …").
pub(super) const ARTICLES: &[&str] = &[
    "the", "le", "la", "les", "l’", "l'", "el", "il", "lo", "der", "die", "das", "de", "het", "o",
    "a",
];

/// The source phrase after "according to" / "selon" / "quoted": up to eight words, to the first
/// punctuation after a capitalised word ("his aunt, Jane Starner,").
pub(super) fn lead(words: &[&str]) -> Option<Who> {
    let words: Vec<&str> = words.iter().copied().skip_while(|w| *w == "to").collect();
    let mut phrase = Vec::new();
    let role_first = words.first().is_some_and(|w| !is_cap(clean_word(w)));
    for w in words.iter().take(8) {
        // "el consejero de Infraestructuras, Tomás Bielsa,": a role phrase goes on to the name in
        // apposition after its first comma
        let apposition_done = !role_first || phrase.iter().any(|p: &&str| p.ends_with(','));
        phrase.push(*w);
        let named = phrase.iter().any(|p| is_cap(clean_word(p)));
        if w.ends_with(['.', ';', ':', '»', '”']) || (w.ends_with(',') && named && apposition_done)
        {
            break;
        }
    }
    (!phrase.is_empty()).then(|| Who::Lead(phrase.join(" ")))
}

/// Participles of cue verbs: "…, saying that it “…”" has the clause's subject as its speaker.
pub(super) static PARTICIPLES: crate::text::WordList = crate::text::WordList::new("saying stating adding noting arguing insisting declaring writing warning telling explaining claiming asking asserting suggesting stressing urging vowing predicting acknowledging admitting recalling complaining contending tweeting calling");

/// Words before a name shown saying something ("footage of X asking", "shows X saying").
static SHOWING: crate::text::WordList = crate::text::WordList::new(
    "of shows showed showing shown features featured featuring hear heard hears",
);

/// How far back from an opening mark an attribution is looked for, in words.
pub(super) const HEAD_WINDOW_WORDS: usize = 30;

/// Media of a statement ("issued a statement saying"), skipped when looking for the subject.
pub(super) static MEDIA_WORDS: crate::text::WordList = crate::text::WordList::new(
    "statement email e-mail interview tweet post letter release memo speech video message",
);

/// A person's grammatical gender, as a pronoun, a title or a given name tells it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Gender {
    Male,
    Female,
}

/// The gender of a subject pronoun that refers back to a person ("he", "she", French "il",
/// "elle"; lower-case), `None` for other words.
pub(super) fn pronoun_gender(lower: &str) -> Option<Gender> {
    match lower {
        "he" | "il" => Some(Gender::Male),
        "she" | "elle" => Some(Gender::Female),
        _ => None,
    }
}
/// Words that make a speaker phrase unnamed (→ `null`).
pub(super) static UNNAMED: crate::text::WordList = crate::text::WordList::new("statement source sources official officials report spokesman spokeswoman spokesperson they it we i people one some others witnesses residents experts analysts police authorities");

/// A speaker phrase as found next to a cue verb.
pub(super) enum Who {
    Named(String),
    /// "it": the organisation named last.
    It,
    /// A name right next to the cue verb ("says Werner", "Werner said"): trusted even when it is no
    /// known entity.
    Adjacent(String),
    /// "he", "she" (and French "il", "elle"): the person it refers back to, of that gender.
    Pronoun(Gender),
    /// "the group", "the president", "the report": a definite description (its lower-case words,
    /// head noun last), resolved to the nearest earlier entity it describes.
    Description(Vec<String>),
    /// The phrase after "according to" / "selon" / "quoted": an entity named at its start
    /// ("selon le ministère des Affaires étrangères"), or else a speaker phrase read from it.
    Lead(String),
    /// The subject of the clause before a participle cue ("The union’s leader, Marco Bellini,
    /// rejected the offer, saying …").
    Subject,
    Unnamed,
}

impl Who {
    /// The pattern's kind, a feature of the attribution model ([`super::confidence`]).
    pub(super) fn kind(&self) -> WhoKind {
        match self {
            Who::Named(_) => WhoKind::Named,
            Who::It => WhoKind::It,
            Who::Adjacent(_) => WhoKind::Adjacent,
            Who::Pronoun(_) => WhoKind::Pronoun,
            Who::Description(_) => WhoKind::Description,
            Who::Lead(_) => WhoKind::Lead,
            Who::Subject => WhoKind::Subject,
            Who::Unnamed => WhoKind::Unnamed,
        }
    }
}

/// [`Who`] without its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WhoKind {
    Named,
    It,
    Adjacent,
    Pronoun,
    Description,
    Lead,
    Subject,
    Unnamed,
}

pub(super) fn clean_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '’' && c != '\'')
}

pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Read a speaker phrase from words (already in reading order, starting at the phrase).
pub(super) fn who_from(words: &[&str]) -> Option<Who> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| clean_word(w).is_empty())
        .collect();
    // "said spokesman John Smith", "wrote 43-year-old Martin Taylor", "As Sherlock would say": role
    // words, ages and function words before a name
    let lead = words
        .iter()
        .take_while(|w| {
            let c = clean_word(w);
            let lower = c.to_lowercase();
            // (role words in lower case only: "Laurent" is a name, not a role)
            (c == lower && (crate::entities::is_role_word(&lower) || is_role_like(&lower)))
                || [
                    "former", "longtime", "veteran", "acting", "deputy", "senior",
                ]
                .contains(&lower.as_str())
                || lower.ends_with("-year-old")
                || [
                    "As", "But", "And", "So", "When", "While", "Then", "Now", "Yet",
                ]
                .contains(&c)
        })
        .count();
    let names_at = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| is_cap(clean_word(w)) && !crate::entities::is_stopword(clean_word(w)))
    };
    let lead = if lead == 0 || !names_at(lead) {
        Some(modified_role(&words))
            .filter(|&n| n > 0)
            .unwrap_or_else(|| role_phrase(&words))
    } else {
        lead
    };
    let words: Vec<&str> = if lead > 0
        && lead < words.len()
        && is_cap(clean_word(words[lead]))
        && !crate::entities::is_stopword(clean_word(words[lead]))
    {
        words[lead..].to_vec()
    } else {
        words
    };
    // "Mr. Reeves", "Prime Minister Ardern", "Bürgermeister Jens Harmsen", "Verbandssprecher
    // Tobias Brandt": titles and (German, capitalised) role nouns before the name
    let titles = words
        .iter()
        .take_while(|w| crate::entities::is_title(clean_word(w)) || is_german_role(clean_word(w)))
        .count();
    let words: Vec<&str> = if titles < words.len() {
        words[titles..].to_vec()
    } else {
        words
    };
    let first = clean_word(words.first()?);
    let lower = first.to_lowercase();
    if let Some(g) = pronoun_gender(&lower) {
        return Some(Who::Pronoun(g));
    }
    if lower == "it" {
        return Some(Who::It);
    }
    if lower == "the" && words.get(1).is_some_and(|w| is_cap(clean_word(w))) {
        return who_from(&words[1..]); // "the Associated Press", "the BBC"
    }
    if lower == "the" {
        return Some(description(&words[1..]));
    }
    if lower == "a"
        || lower == "an"
        || UNNAMED.contains(&lower.as_str())
        || (!is_cap(first) && first.chars().all(char::is_alphabetic))
    {
        return Some(Who::Unnamed); // "officers", "a source", "the statement"
    }
    let name: Vec<&str> = words
        .iter()
        .take_while(|w| {
            let c = clean_word(w);
            is_cap(c) || ["of", "de", "van", "von", "bin", "al"].contains(&c)
        })
        .enumerate()
        .take_while(|(i, w)| {
            let prev = words.get(i.wrapping_sub(1)).copied().unwrap_or("");
            // a name ends at its comma ("the Rev. Peter Wherry, of Mayfield Memorial …": the
            // church is not part of his name); after a period only a capitalised word that
            // follows an abbreviation or an initial goes on ("Oscar P. Quintero")
            *i == 0
                || (!prev.ends_with([',', ';', ':'])
                    && (!is_cap(w)
                        || !prev.ends_with('.')
                        || crate::text::ends_with_abbreviation(prev)))
        })
        .map(|(_, w)| clean_word(w))
        .collect();
    // "said David French of the National Retail Federation": a connector ends no name
    let mut name = name;
    while name.len() > 1 && name.last().is_some_and(|w| !is_cap(w)) {
        name.pop();
    }
    // "Virginia delegate Beau Correll", "Judicial Watch president Tom Fitton": a place or an
    // organisation, a lower-case role, then the person's name
    let n = name.len();
    if n > 0 && n < words.len() && !words[n - 1].ends_with([',', '.', ';', ':']) {
        let roles = words[n..]
            .iter()
            .take(3)
            .take_while(|w| {
                let c = clean_word(w);
                !w.ends_with([',', '.', ';', ':'])
                    && c.chars().all(|ch| ch.is_lowercase() || ch == '-')
                    && (crate::entities::is_role_word(c)
                        || is_role_like(c)
                        || c.ends_with("-based")
                        || ROLE_NOUNS.contains(&c))
            })
            .count();
        if roles > 0 && words.get(n + roles).is_some_and(|w| is_cap(clean_word(w))) {
            return who_from(&words[n + roles..]);
        }
    }
    // "U.S. Attorney Erin Nealy Cox": the name follows the last title
    let titles = crate::entities::is_title;
    let name = match name.iter().rposition(|w| titles(w)) {
        Some(t) if t + 1 < name.len() => name[t + 1..].to_vec(),
        _ => name,
    };
    if name.is_empty() {
        return None;
    }
    Some(Who::Named(name.join(" ")))
}

/// "said election lawyer Joe Birkenstock", "said 9/11 widow Terry Strada": one or two lower-case
/// modifiers (no function word) and a role noun before a name; the number of words before the name,
/// else 0.
fn modified_role(words: &[&str]) -> usize {
    let Some(f) = words.iter().take(4).position(|w| is_cap(clean_word(w))) else {
        return 0;
    };
    if f < 2 {
        return 0;
    }
    let role = clean_word(words[f - 1]);
    let is_role = crate::entities::is_role_word(role)
        || is_role_like(role)
        || ROLE_NOUNS.contains(&role)
        || role == "widow";
    let modifiers = words[..f - 1].iter().all(|w| {
        let c = clean_word(w);
        !c.is_empty()
            && !is_cap(c)
            && !w.ends_with([',', '.', ';', ':'])
            && !CONJUNCTIONS.contains(&c)
            && !FUNCTION_WORDS.contains(&c)
    });
    if is_role && modifiers && !words[f - 1].ends_with([',', '.', ';', ':']) {
        f
    } else {
        0
    }
}

/// "said Republican party boss Reince Priebus", "said Clinton’s top foreign policy aide Jake
/// Sullivan", "said another leading Supreme Court advocate, Andrew J. Pincus of …", "said former
/// secretary of state Hillary Clinton, who …": a role phrase of up to eight words (lower-case
/// modifiers and nouns, capitalised or possessive qualifiers, "of" between two lower-case words,
/// a comma only at its end) before a name that ends the phrase (at punctuation, a function word or
/// the end). The number of words before the name, else 0. A preposition or pronoun in the phrase
/// ("said a longtime adviser to Trump", "said the base chief known as Bob") or an article right
/// before the name ("said a New Hampshire Republican") means no name is the speaker here.
fn role_phrase(words: &[&str]) -> usize {
    let lowercase_word = |w: &str| {
        let c = clean_word(w);
        !c.is_empty()
            && c.chars()
                .next()
                .is_some_and(|ch| ch.is_lowercase() || ch.is_ascii_digit())
            && c.chars()
                .all(|ch| ch.is_alphanumeric() || ['-', '’', '\''].contains(&ch))
    };
    let content = |i: usize| {
        let c = clean_word(words[i]).to_lowercase();
        let of_between = c == "of"
            && i > 0
            && lowercase_word(words[i - 1])
            && words.get(i + 1).is_some_and(|w| lowercase_word(w));
        lowercase_word(words[i])
            && (of_between
                || (!FUNCTION_WORDS.contains(&c.as_str())
                    && !CONJUNCTIONS.contains(&c.as_str())
                    && !NOT_ROLE_WORDS.contains(&c.as_str())
                    && !c.ends_with("ly")))
    };
    let name_word = |w: &str| {
        let c = clean_word(w);
        is_cap(c) && !crate::entities::is_stopword(c)
    };
    let mut i = 0;
    while i < words.len().min(9) {
        let w = words[i];
        let article = i == 0 && ["the", "a", "an"].contains(&clean_word(w));
        if name_word(w) {
            // a capitalised run: the name when a lower-case word stands right before it and
            // nothing but punctuation, a function word or the end follows it
            let mut e = i;
            while e + 1 < words.len()
                && name_word(words[e + 1])
                && !words[e].ends_with([',', ';', ':'])
            {
                e += 1;
            }
            let after = words.get(e + 1).map(|w| clean_word(w).to_lowercase());
            let closed = words[e].ends_with([',', '.', ';', ':', ')'])
                || after.as_deref().is_none_or(|a| {
                    FUNCTION_WORDS.contains(&a)
                        || CONJUNCTIONS.contains(&a)
                        || NAME_FOLLOWERS.contains(&a)
                });
            let last = clean_word(words[e]);
            if i > 0 && content(i - 1) && closed && !crate::entities::is_demonym(last) {
                return i;
            }
            if words[e].ends_with([',', '.', ';', ':']) {
                return 0;
            }
            i = e + 1;
            continue;
        }
        if !(article || content(i)) || w.ends_with(['.', ';', ':']) {
            return 0;
        }
        if w.ends_with(',') && !words.get(i + 1).is_some_and(|n| name_word(n)) {
            return 0;
        }
        i += 1;
    }
    0
}

/// Lower-case words that are no part of a role phrase before a name: name connectors ("Federico
/// de Jesús"), German, Spanish and French prepositions ("sagte Chefin Marlene Voss am Freitag"),
/// pronouns, numbers that make it
/// a description ("one New Hampshire Democrat"), prepositions the list of [`FUNCTION_WORDS`] lacks,
/// time words and participles that start a clause.
static NOT_ROLE_WORDS: crate::text::WordList = crate::text::WordList::new("de van von bin al da di del du la le der den am im an auf aus bei mit nach vor zu zum zur en por para con sur dans pour avec chez he she it they we i you him her them his its their our my your one two three some many several people person who whom whose which that this these those there here during after before about into over under through since until against among between without within near across as like than via per toward towards upon onto yesterday today tonight later earlier then also again now once recently known called named identified asked according quoted speaking adding saying told not");

/// Lower-case words that may follow a name that ends a role phrase ("said aide Jane Roe, who …",
/// "said Jane Roe during a visit", "said Jane Roe in a statement").
static NAME_FOLLOWERS: crate::text::WordList = crate::text::WordList::new("who whose during after before about as when while of in at on to for from with by told said says added wrote speaking adding saying according");

/// Prepositions and determiners that never modify a role noun before a name ("said in Ohio").
const FUNCTION_WORDS: &[&str] = &[
    "in", "on", "at", "to", "of", "for", "with", "by", "from", "the", "a", "an", "this", "last",
];

/// A German role noun, capitalised as German nouns are, also as the head of a compound
/// ("Verbandssprecher", "Reederei-Chefin", "Bürgermeisterin").
fn is_german_role(w: &str) -> bool {
    let lower = w.to_lowercase();
    let stem = lower.strip_suffix("in").unwrap_or(&lower);
    is_cap(w)
        && [
            "sprecher",
            "chef",
            "bürgermeister",
            "minister",
            "präsident",
            "direktor",
            "leiter",
            "vorsitzende",
            "vorsitzender",
            "experte",
            "expert",
            "kanzler",
            "anwalt",
            "anwält",
            "professor",
            "abgeordnete",
        ]
        .iter()
        .any(|r| stem.ends_with(r))
        && w.chars().count() > 4
}

/// Role nouns that stand between an organisation or place and a person's name ("GOP strategist
/// Keith Nahigian") and that [`is_role_like`]'s suffixes miss.
static ROLE_NOUNS: crate::text::WordList = crate::text::WordList::new("delegate attorney spokesman spokeswoman spokesperson president chairman chairwoman chair executive ceo chief governor senator official director editor host anchor candidate nominee aide adviser advisor analyst economist columnist pollster strategist resident activist organizer organiser founder secretary manager lawmaker congressman congresswoman representative mayor ally confidant surrogate backer supporter donor");

/// The lower-case words of a description after its "the" ("former president", "group"): up to
/// four words, ending at punctuation; no lower-case word → unnamed.
pub(super) fn description(words: &[&str]) -> Who {
    let mut out = Vec::new();
    for w in words.iter().take(4) {
        let c = clean_word(w);
        if c.is_empty() || is_cap(c) || !c.chars().all(|ch| ch.is_alphabetic() || ch == '-') {
            break;
        }
        out.push(c.to_lowercase());
        if w.ends_with([',', '.', ';', ':', '”', '"']) {
            break;
        }
    }
    if out.is_empty() {
        Who::Unnamed
    } else {
        Who::Description(out)
    }
}

/// The description ending at `words[k]` ("… the group" → group), read backwards to its "the";
/// without one it is unnamed ("officers", "a source").
pub(super) fn description_back(words: &[&str], k: usize) -> Who {
    let mut s = k;
    while s > 0 && k - s < 3 {
        let c = clean_word(words[s - 1]);
        if words[s - 1].ends_with([',', '.', ';', ':'])
            || c.is_empty()
            || is_cap(c)
            || c.eq_ignore_ascii_case("the")
        {
            break;
        }
        s -= 1;
    }
    if s > 0 && clean_word(words[s - 1]).eq_ignore_ascii_case("the") {
        description(&words[s..=k])
    } else {
        Who::Unnamed
    }
}

/// A lower-case agent noun that may stand before a name as a role ("geologist", "researcher",
/// "historian", "consultant"), or an adjective of such a role ("planetary", "chief"), judged by
/// word shape: the names of roles end in these suffixes.
pub(super) fn is_role_like(w: &str) -> bool {
    w.chars().count() >= 5
        && w.chars().all(|c| c.is_lowercase() || c == '-')
        && [
            "ist", "er", "or", "ian", "ant", "ent", "ary", "al", "eur", "trice", "iste",
        ]
        .iter()
        .any(|s| w.ends_with(s))
}

/// Mark a speaker phrase found right next to its cue verb.
pub(super) fn adjacent(who: Option<Who>) -> Option<Who> {
    match who {
        Some(Who::Named(n)) => Some(Who::Adjacent(n)),
        other => other,
    }
}

/// Is `words[i]` a cue verb in its place ("said", "as X put it", "X points out", "X shot back",
/// "X went on"), and not a noun after a determiner ("the states had", "these reports")?
pub(super) fn is_cue_at(words: &[&str], i: usize) -> bool {
    let w = clean_word(words[i]);
    let next = words.get(i + 1).map_or("", |n| clean_word(n));
    let prev = i
        .checked_sub(1)
        .map_or(String::new(), |p| clean_word(words[p]).to_lowercase());
    let noun = NOUN_CUES.contains(&w) && DETERMINERS.contains(&prev.as_str());
    (is_cue(words[i]) && !noun)
        || matches!(
            (w, next),
            ("put" | "puts", "it")
                | ("points", "out")
                | ("shot" | "shoots" | "fired", "back")
                | ("went", "on")
        )
}

/// Cue verbs that are also plural nouns ("the states", "these reports").
static NOUN_CUES: crate::text::WordList =
    crate::text::WordList::new("states reports claims notes demands warns quotes writes");

/// Words before a noun, never before a verb.
static DETERMINERS: crate::text::WordList = crate::text::WordList::new("the these those his her their its our my your some many all both other several such two three four five few fifty fifty-two individual");

pub(super) fn is_cue(w: &str) -> bool {
    let w = clean_word(w);
    // (most words are lower-case ASCII already: looked up without a lower-cased copy)
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        CUE_VERBS.contains(&w)
    } else {
        // a capitalised cue is one that opens its clause ("According to", "Selon"); "the United
        // States" is no "states"
        let lower = w.to_lowercase();
        let title = w.chars().skip(1).all(|c| !c.is_uppercase());
        (w == lower
            || (title
                && (ACCORDING.contains(&lower.as_str()) || OPENING_CUES.contains(&lower.as_str()))))
            && CUE_VERBS.contains(&lower.as_str())
    }
}

/// Cue verbs that may open a sentence with a capital ("Said X, “…”"), besides [`ACCORDING`]'s words
/// ("According to X", "Selon X").
const OPENING_CUES: &[&str] = &[
    "said",
    "says",
    "added",
    "asked",
    "told",
    "wrote",
    "continued",
    "explained",
    "replied",
    "recalled",
];

/// Articles and role nouns of German, Spanish and French (and "the") that stand between a cue verb
/// and the name after it: "dijo el portavoz Juan Pérez", "afirmó la alcaldesa, Ana Gómez", "sagte
/// der Sprecher Jan Braun", "a déclaré le maire Paul Roux".
static NAME_LEAD: crate::text::WordList = crate::text::WordList::new("the el la los las le les der die das den portavoz portavoces alcalde alcaldesa ministro ministra presidente presidenta director directora secretario secretaria sprecher sprecherin bürgermeister bürgermeisterin minister ministerin präsident präsidentin chef chefin porte-parole maire ministre président présidente directeur directrice spokesman spokeswoman");

/// "dijo el portavoz Juan Pérez": the name after articles and role nouns (at most four words, the
/// last may end with a comma), when they are all of [`NAME_LEAD`] and at least one is a role.
fn name_after_role(words: &[&str]) -> Option<Who> {
    let f = words.iter().take(5).position(|w| is_cap(clean_word(w)))?;
    let lead = &words[..f];
    let all_lead = lead.iter().enumerate().all(|(i, w)| {
        // (French elision: "l’ingénieur")
        let c = clean_word(w).to_lowercase();
        let c = c
            .strip_prefix("l’")
            .or_else(|| c.strip_prefix("l'"))
            .unwrap_or(&c);
        (NAME_LEAD.contains(&c) || is_role_like(c)) && (i + 1 == f || !w.ends_with(','))
    });
    let role = lead.iter().any(|w| {
        let c = clean_word(w).to_lowercase();
        ![
            "the", "el", "la", "los", "las", "le", "les", "der", "die", "das", "den",
        ]
        .contains(&c.as_str())
    });
    (f > 0 && all_lead && role)
        .then(|| adjacent(who_from(&words[f..])))
        .flatten()
}

/// `s` without short parentheticals: "Rep. Gwen Moore (D-Wis.) said" → "Rep. Gwen Moore said".
/// A party-and-state tag, an age or an affiliation in brackets is never the speaker.
pub(super) fn drop_parentheticals(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('(') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(o) = rest.find('(') {
        let Some(c) = rest[o..].find(')') else { break };
        let inner = &rest[o + 1..o + c];
        if inner.split_whitespace().count() <= 4 && !inner.contains(['“', '”', '"']) {
            out.push_str(rest[..o].trim_end());
        } else {
            out.push_str(&rest[..=o + c]);
        }
        rest = &rest[o + c + 1..];
    }
    out.push_str(rest);
    out.into()
}

/// A transcript's speaker label at the start of a quote: "WALLACE: Let's start with …", "MR.
/// TRUMP: …" (one to three words in capitals, each of two letters or more, then a colon) gives the
/// speaker's name as written in title case ("Wallace", "Mr. Trump"); none for a capitalised
/// heading word ("UPDATE:", "WATCH:", "BREAKING:").
pub(super) fn transcript_label(quoted: &str) -> Option<Who> {
    let (label, _) = quoted.split_once(':')?;
    let words: Vec<&str> = label.split_whitespace().collect();
    let capitals = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    if words.is_empty() || words.len() > 3 || !words.iter().all(capitals) {
        return None;
    }
    if words
        .iter()
        .any(|w| HEADING_WORDS.contains(&w.trim_end_matches('.')))
    {
        return None;
    }
    let title_case: Vec<String> = words
        .iter()
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_string() + &c.as_str().to_lowercase()
            })
        })
        .collect();
    Some(Who::Adjacent(title_case.join(" ")))
}

/// Words in capitals that head a line without naming who speaks.
static HEADING_WORDS: crate::text::WordList = crate::text::WordList::new("UPDATE UPDATED WATCH BREAKING NOTE EDITOR EDITOR'S EDITOR’S EXCLUSIVE VIDEO PHOTOS PHOTO READ MORE RELATED CORRECTION CLARIFICATION LIVE ALERT WARNING SPOILER SOURCE SOURCES QUESTION ANSWER TRANSCRIPT FULL TEXT");

/// A credit line under a quote paragraph, as reader roundups, debate excerpts and epigraphs set
/// them: "- Sanders.", "―President Obama, tweeting after the speech.", "-Michelle Marks,
/// Philadelphia.": a dash, then a name of at most five capitalised words ended by a comma or the
/// final period, in a line of at most twelve words (not a sub-head set between dashes, "– Old
/// hands –").
pub(super) fn credit_line(line: &str) -> Option<Who> {
    let rest = line
        .trim()
        .strip_prefix(['-', '–', '—', '―'])?
        .trim_start_matches(['-', '–', '—', '―', ' ']);
    if rest
        .trim_end_matches(['.', ' '])
        .ends_with(['-', '–', '—', '―'])
    {
        return None;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    let end = words
        .iter()
        .position(|w| w.ends_with([',', '.']))
        .map_or(words.len(), |e| e + 1);
    let name = &words[..end];
    let capitalised = name.iter().all(|w| {
        let c = clean_word(w);
        is_cap(c) && !crate::entities::is_stopword(c)
    });
    (name.len() <= 5 && capitalised)
        .then(|| adjacent(who_from(name)))
        .flatten()
        .filter(|w| matches!(w, Who::Adjacent(_)))
}

/// Does the cue verb after a quote (`tail`, the text after its closing mark) open a statement of its
/// own ("…” until Haley said she was backing him", "…,” one of the prosecutors said the two cases
/// were different", "…” Political analyst David Bositis agreed that …") rather than close the
/// quote's attribution ("…,” Mr. Rubio wrote.", "…,” said Drew Heiserman, a member of …", "…,”
/// the Times reported")? The word after the verb (past time words) opens a clause: "that", a
/// pronoun, an article, an infinitive's "to". A verb that takes a person as its object ("told",
/// "asked") is left as an attribution.
pub(super) fn complement_follows(tail: &str) -> bool {
    let tail = tail.split(['“', '"', '«', '„']).next().unwrap_or("");
    let words: Vec<&str> = tail.split_whitespace().take(30).collect();
    let Some(v) = (0..words.len()).find(|&i| is_cue_at(&words, i)) else {
        return false;
    };
    let verb = clean_word(words[v]).to_lowercase();
    let inverted = words[..v]
        .iter()
        .all(|w| ["", "a", "has", "had"].contains(&clean_word(w)));
    // ("as Mrs. Clinton put it in her memoir": an idiom, no clause)
    let put_it = ["put", "puts"].contains(&verb.as_str());
    if inverted
        || put_it
        || words[v].ends_with([',', '.', ';', ':'])
        || OBJECT_CUES.contains(&verb.as_str())
    {
        return false;
    }
    words[v + 1..]
        .iter()
        .map(|w| clean_word(w))
        .find(|w| !TIME_WORDS.contains(&w.to_lowercase().as_str()))
        .is_some_and(|w| CLAUSE_OPENERS.contains(&w))
}

/// Cue verbs whose object is the person spoken to ("told the AP").
const OBJECT_CUES: &[&str] = &["told", "tells", "asked", "asks", "according", "quoted"];

/// Time words between a cue verb and its complement ("said Wednesday she …").
static TIME_WORDS: crate::text::WordList = crate::text::WordList::new("on monday tuesday wednesday thursday friday saturday sunday today yesterday tonight later earlier recently also then again once");

/// Words that open a clause or an infinitive after a cue verb.
static CLAUSE_OPENERS: crate::text::WordList = crate::text::WordList::new(
    "that he she it they we i you the a an his her their its this there to if whether how what why",
);

/// Attribution in the text after a closing mark: "…,” X said" / "…,” said X" / "…” X told Reuters".
pub(super) fn after_quote(tail: &str) -> Option<Who> {
    let tail = drop_parentheticals(tail);
    let tail = tail.split(['“', '"', '«', '„']).next().unwrap_or("");
    let sentence_end = tail
        .char_indices()
        .find(|&(i, c)| {
            (c == '.' || c == '!' || c == '?')
                && tail[i + 1..].starts_with(|n: char| n.is_whitespace())
                && !crate::text::ends_with_abbreviation(&tail[..=i])
        })
        .map_or(tail.len(), |(i, _)| i);
    // a long apposition may stand between the subject and its verb ("…” study lead author Lucas
    // Paganini, a planetary scientist at …, said"); other patterns need the verb within 14 words
    // "“…” ― Pamela Padilla": a name after a dash closing the quote's paragraph (reader roundups,
    // epigraphs)
    let after_dash = tail
        .trim_start()
        .strip_prefix(['―', '—', '–'])
        .map(str::trim);
    if let Some(rest) = after_dash {
        let words: Vec<&str> = rest.split_whitespace().collect();
        if (1..=5).contains(&words.len()) && words.iter().all(|w| is_cap(clean_word(w))) {
            return adjacent(who_from(&words));
        }
    }
    let words: Vec<&str> = tail[..sentence_end].split_whitespace().take(30).collect();
    // German "„…“, so Merkel": "so" right after the quote's comma, then a name
    if tail.trim_start().starts_with(", so ") || tail.trim_start().starts_with("so ") {
        let i = words.iter().position(|w| *w == "so")?;
        if words.get(i + 1).is_some_and(|w| is_cap(clean_word(w))) {
            return adjacent(who_from(&words[i + 1..]));
        }
    }
    let v = (0..words.len()).find(|&i| is_cue_at(&words, i))?;
    if v >= 14 {
        return lead_apposition(&words[..v]);
    }
    let verb = clean_word(words[v]).to_lowercase();
    if verb == "quoted" || ACCORDING.contains(&verb.as_str()) {
        return lead(&words[v + 1..]);
    }
    // "…,” adding that …", "…” by calling on Russia …": the participle's subject is the
    // sentence's, before the quote
    if PARTICIPLES.contains(&verb.as_str()) {
        return None;
    }
    // "said X", also with an auxiliary or punctuation first (", a déclaré X", "has said X")
    let aux_only = words[..v]
        .iter()
        .all(|w| ["", "a", "has", "had", "ont", "avait", "était"].contains(&clean_word(w)));
    if aux_only {
        return name_after_role(&words[v + 1..]).or_else(|| adjacent(who_from(&words[v + 1..])));
    }
    // "…,” like the recent volatility of markets, said Richard Curtin, the chief economist"
    if let Some(who) = inverted(&words, v) {
        return Some(who);
    }
    // subject before the verb: the first words of the tail
    let subject: Vec<&str> = words[..v]
        .iter()
        .copied()
        .filter(|w| !clean_word(w).is_empty())
        .collect();
    let last = clean_word(subject.last()?);
    let last_lower = last.to_lowercase();
    // "…,” Azzouz said / “…,” while they were in power, Azzouz said
    if is_cap(last) && !subject[subject.len() - 1].ends_with(',') {
        let mut s = subject.len() - 1;
        while s > 0 && is_cap(clean_word(subject[s - 1])) && !subject[s - 1].ends_with(',') {
            s -= 1;
        }
        return adjacent(who_from(&subject[s..]));
    }
    if let Some(g) = pronoun_gender(&last_lower) {
        return Some(Who::Pronoun(g));
    }
    if last_lower == "it" {
        return Some(Who::It);
    }
    // "…,” the Chinese foreign ministry said: a qualified institution is a named speaker
    if let Some(body) = institution(&subject) {
        return Some(Who::Adjacent(body));
    }
    // "…,” the statement said / officers announced
    let first_lower = clean_word(subject[0]).to_lowercase();
    if subject.len() <= 3 && !CONJUNCTIONS.contains(&first_lower.as_str()) {
        return who_from(&subject);
    }
    // "…,” the Vatican spokesman, Federico Lombardi, told Vatican Radio: a description, then the
    // name in apposition right before the verb
    if let Some(who) = described_then_named(&subject) {
        return Some(who);
    }
    // "Will Moy, chief executive of the website Full Fact, told the BBC": a name and its apposition
    let apposition =
        is_cap(clean_word(subject[0])) && subject.iter().take(5).any(|w| w.ends_with(','));
    if apposition {
        return adjacent(who_from(&subject));
    }
    lead_apposition(&subject)
}

/// "the Vatican spokesman, Federico Lombardi," / "the presumptive GOP nominee, Donald Trump,": a
/// description opening with an article, closed by a comma within six words, then a name of at most
/// four capitalised words that ends the subject. The name is the speaker.
fn described_then_named(subject: &[&str]) -> Option<Who> {
    let first = clean_word(subject.first()?).to_lowercase();
    if !["the", "a", "an"].contains(&first.as_str()) {
        return None;
    }
    let c = subject.iter().take(6).position(|w| w.ends_with(','))?;
    let name = &subject[c + 1..];
    let last = name.last()?;
    let all_cap = name.iter().all(|w| is_cap(clean_word(w)));
    let closed = name[..name.len() - 1].iter().all(|w| !w.ends_with(','));
    (name.len() <= 4 && all_cap && closed && !last.ends_with(['.', ';', ':']))
        .then(|| adjacent(who_from(name)))
        .flatten()
}

/// "study lead author Lucas Paganini, a planetary scientist …": a few lower-case role words, then a
/// name closed by a comma that opens an apposition.
pub(super) fn lead_apposition(subject: &[&str]) -> Option<Who> {
    let f = subject.iter().take(5).position(|w| is_cap(clean_word(w)))?;
    let roles_before = subject[..f]
        .iter()
        .all(|w| clean_word(w).chars().all(|c| c.is_lowercase() || c == '-'));
    let end = (f..subject.len().min(f + 4)).find(|&k| subject[k].ends_with(','))?;
    let name = &subject[f..=end];
    (roles_before && name.iter().all(|w| is_cap(clean_word(w))))
        .then(|| adjacent(who_from(name)))
        .flatten()
}

/// Auxiliaries and adverbs between a subject and its cue verb.
pub(super) static AUXILIARIES: crate::text::WordList = crate::text::WordList::new("has have had was is were are will would also then later once again had has previously recently often never always still just even not a ont avait");

/// Lower-case head nouns of institutions that speak ("the Chinese foreign ministry said").
pub(super) static INSTITUTION_NOUNS: crate::text::WordList = crate::text::WordList::new("ministry department embassy government agency police commission council court office administration army military company spokesman spokeswoman spokesperson");

/// "the Chinese foreign ministry" → "Chinese foreign ministry": a speaker phrase of "the", at least
/// one qualifier with a capital (a nationality or a name) and an institution noun. Bare "the
/// ministry" stays unnamed.
pub(super) fn institution(subject: &[&str]) -> Option<String> {
    let words: Vec<&str> = subject.iter().map(|w| clean_word(w)).collect();
    let (first, rest) = words.split_first()?;
    let last = rest.last()?;
    let qualified = rest.len() >= 2 && rest[..rest.len() - 1].iter().any(|w| is_cap(w));
    (first.eq_ignore_ascii_case("the")
        && qualified
        && rest.len() <= 4
        && INSTITUTION_NOUNS.contains(&last.to_lowercase().as_str()))
    .then(|| rest.join(" "))
}

/// Words that start a clause, not a speaker phrase.
pub(super) static CONJUNCTIONS: crate::text::WordList = crate::text::WordList::new(
    "but and while as which who that so because though although before after when if or",
);

/// Attribution in the text before an opening mark: "X said: “" / "according to X, “" /
/// "X wrote on Twitter: “" / "quoted X as saying “".
pub(super) fn before_quote(head: &str) -> Option<Who> {
    let head = drop_parentheticals(head);
    let words: Vec<&str> = head.split_whitespace().collect();
    let n = words.len();
    let from = n.saturating_sub(HEAD_WINDOW_WORDS);
    if let Some(who) = colon_label(&words[from..]) {
        return Some(who);
    }
    let v = (from..n).rev().find(|&i| is_cue_at(&words, i))?;
    let verb = clean_word(words[v]).to_lowercase();
    if verb == "quoted" || ACCORDING.contains(&verb.as_str()) {
        return lead(&words[v + 1..]);
    }
    if verb == "saying" {
        // "quoted X as saying"
        if let Some(q) = (from..v).rev().find(|&i| clean_word(words[i]) == "quoted") {
            return adjacent(who_from(&words[q + 1..v]));
        }
    }
    if let Some(who) = inverted(&words, v) {
        return Some(who);
    }
    // the subject: nearest capitalised run or pronoun before the verb, in the same clause;
    // "issued a statement saying" / "in an email, writing": the medium is not the subject
    let mut k = v;
    while k > from + 1
        && MEDIA_WORDS.contains(&clean_word(words[k - 1]))
        && ["a", "an", "the", "in"].contains(&clean_word(words[k - 2]))
    {
        k -= 2;
    }
    let participle = PARTICIPLES.contains(&verb.as_str());
    // "footage of Hillary Clinton asking, “…”", "a video shows Obama saying “…”": the name shown
    // saying it, right before the participle
    if participle && v > from + 1 && !words[v - 1].ends_with(',') {
        let mut s = v;
        while s > from && is_cap(clean_word(words[s - 1])) && !words[s - 1].ends_with(',') {
            s -= 1;
        }
        let shown = |s: usize| SHOWING.contains(&clean_word(words[s - 1]).to_lowercase().as_str());
        if s < v && s > from && shown(s) && !crate::entities::is_stopword(clean_word(words[s])) {
            return adjacent(who_from(&words[s..v]));
        }
    }
    if participle {
        // "Albright urged women to vote for Hillary Clinton, saying, “…”": a participle's speaker
        // is its clause's subject, never the nearest name
        return Some(Who::Subject);
    }
    // only auxiliaries and adverbs so far between the word at `k` and the verb
    let mut next_to_verb = true;
    while k > from {
        k -= 1;
        let w = clean_word(words[k]);
        let lw = w.to_lowercase();
        if let Some(g) = pronoun_gender(&lw) {
            return Some(Who::Pronoun(g));
        }
        if lw == "it" {
            return Some(Who::It);
        }
        // "the group added", "officers announced": an unnamed subject right before the verb
        // (auxiliaries and adverbs in between are skipped: "Obama has admitted")
        if AUXILIARIES.contains(&lw.as_str()) || w.ends_with("ly") {
            continue;
        }
        // "Sanders said, going on to say that …": an infinitive's speaker is its clause's subject
        if next_to_verb && lw == "to" {
            return Some(Who::Subject);
        }
        // "Eswar Prasad, a professor at Cornell, said", "Brian Fallon, the campaign’s press
        // secretary, noted", "John Dickey, the chief executive of Ora Media -- … -- told": the
        // name before an apposition that ends right before the verb
        // (also a comma before the closing mark of a title: "author of ''America's Unwritten
        // Constitution,'' put it")
        let closes_apposition =
            words[k].trim_end_matches(['\'', '”', '"']).ends_with(',') || is_dash(words[k]);
        if next_to_verb && closes_apposition {
            // (the name may open a long sentence, before the window: "April Mellody, a
            // spokeswoman for the Democratic National Convention, said in a statement that …")
            if let Some(who) = apposition_subject(&words, 0, k, is_cap(w)) {
                return Some(who);
            }
        }
        if next_to_verb && !is_cap(w) && !w.is_empty() {
            // "…, saying": the clause's subject; "the group added": a description;
            // "officers announced": unnamed; "Carson … but told": the subject of the sentence
            if participle || ["but", "and", "then"].contains(&lw.as_str()) {
                return Some(Who::Subject);
            }
            // "The French foreign ministry said it “…”": a qualified institution names a speaker
            let the = (from..k)
                .rev()
                .take(4)
                .find(|&t| clean_word(words[t]).eq_ignore_ascii_case("the"));
            if let Some(body) = the.and_then(|t| institution(&words[t..=k])) {
                return Some(Who::Adjacent(body));
            }
            return Some(description_back(&words, k));
        }
        let adjacent_word = next_to_verb;
        if !w.is_empty() {
            next_to_verb = false;
        }
        if is_cap(w) {
            let mut s = k;
            while s > from && is_cap(clean_word(words[s - 1])) && !words[s - 1].ends_with(',') {
                s -= 1;
            }
            let who = who_from(&words[s..=k]);
            // one capitalised word opening the sentence ("Half say that …") is a name only if the
            // entity finder found it
            let sentence_initial_word = s == k && s == 0;
            return if adjacent_word && !sentence_initial_word {
                adjacent(who)
            } else {
                who
            };
        }
        if words[k].ends_with(['.', ';']) {
            break;
        }
    }
    // "Trump has delivered a defense of “…,” saying the city embodied “…”": a participle with no
    // subject in reach speaks for the sentence's subject
    participle.then_some(Who::Subject)
}

/// "Said Dorothy Poynter, who grew up with Ali, “…”", "In other words, explained CBS moderator
/// Nancy Cordes: “…”", "Continued Stone: “…”": a cue verb that opens its clause, then the speaker's
/// name (after a role phrase) closed by a comma or colon or by the text before the quote.
/// `words[v]` is the verb.
fn inverted(words: &[&str], v: usize) -> Option<Who> {
    // (after a comma only when no name stands before it: "John Podesta, a former adviser, said
    // Obama “…”" is no inversion)
    let named_before = words[..v]
        .iter()
        .skip(1)
        .any(|w| is_cap(clean_word(w)) && !crate::entities::is_stopword(clean_word(w)));
    let opening_word = clean_word(words[0]);
    let opens = v == 0
        || words[v - 1].ends_with(['.', ';', ':'])
        || (words[v - 1].ends_with(',')
            && !named_before
            && (!is_cap(opening_word) || crate::entities::is_stopword(opening_word)));
    let rest = &words[v + 1..];
    let first = clean_word(rest.first()?);
    if !opens || words[v].ends_with([',', ':']) || crate::entities::is_stopword(first) {
        return None;
    }
    let Some(Who::Named(name)) = who_from(rest) else {
        return None;
    };
    let last = name.split(' ').next_back()?;
    let j = rest.iter().position(|w| clean_word(w) == last)?;
    (j + 1 == rest.len() || rest[j].ends_with([',', ':'])).then_some(Who::Adjacent(name))
}

/// "Pollsters agree - Carl Bialik: “…”", "Former secretary of state Hillary Clinton: “…”": a name
/// (after a role phrase) that ends the text before the quote with a colon, from the start of that
/// text or a dash, in at most eight words.
fn colon_label(words: &[&str]) -> Option<Who> {
    let last = words.last()?;
    if !last.ends_with(':') {
        return None;
    }
    let start = words
        .iter()
        .rposition(|w| is_dash(w) || *w == "-")
        .map_or(0, |d| d + 1);
    let label = &words[start..];
    if label.is_empty() || label.len() > 8 {
        return None;
    }
    match who_from(label)? {
        Who::Named(n) if n.split(' ').next_back() == Some(clean_word(last)) => {
            Some(Who::Adjacent(n))
        }
        _ => None,
    }
}

/// A dash that opens or closes an apposition ("--", "—", "–").
fn is_dash(w: &str) -> bool {
    matches!(w, "--" | "—" | "–" | "―")
}

/// The name before an apposition that ends at `words[k]`, right before a cue verb (`words[from..]`
/// is the search window): the name closed by a comma that opens the clause ("J.J. Goldberg, editor
/// of The Forward, an … newspaper, said"; "Democratic nominee Hillary Clinton, at a later press
/// gaggle, said", its role words before it), else, when the apposition itself ends in a
/// capitalised word (`nearest`: "…, a professor at Cornell, said"), the nearest name closed by a
/// comma. An apposition that ends in a lower-case word only ever gives the clause's opening name:
/// "In Washington, the report, released Tuesday, said" has no speaker here.
fn apposition_subject(words: &[&str], from: usize, k: usize, nearest: bool) -> Option<Who> {
    let run_start = |a: usize| {
        let mut s = a;
        while s > from && is_cap(clean_word(words[s - 1])) && !words[s - 1].ends_with(',') {
            s -= 1;
        }
        s
    };
    // role words before the name ("Democratic nominee", "House Speaker"), back to the clause start
    let role_start = |a: usize| {
        let mut s = run_start(a);
        while s > from && s + 4 > a && !words[s - 1].ends_with(',') {
            let c = clean_word(words[s - 1]);
            let role = crate::entities::is_role_word(c) || ROLE_NOUNS.contains(&c);
            let name_word = is_cap(c) && !crate::entities::is_stopword(c);
            if !role && !name_word {
                break;
            }
            s -= 1;
        }
        s
    };
    // ("Or, as Tom Ridge, a former secretary, put it": no function word is a name)
    let candidate = |a: &usize| {
        let c = clean_word(words[*a]);
        words[*a].ends_with(',') && is_cap(c) && !crate::entities::is_stopword(c)
    };
    let opens_clause = |a: &usize| {
        let s = role_start(*a);
        s == from
            || words[s - 1].ends_with(',')
            || ["But", "And", "Yet", "So", "As", "as"].contains(&words[s - 1])
    };
    // "In Washington, the report, released Tuesday, said": no name opens with a function word
    let name = |s: usize, a: usize| match who_from(&words[s..=a])? {
        Who::Named(n)
            if n.split(' ')
                .next()
                .is_some_and(crate::entities::is_stopword) =>
        {
            None
        }
        who => adjacent(Some(who)),
    };
    // ("Of Carson, Levine, who has given money to Marco Rubio, said": the first opening name)
    let mut openings = (k.saturating_sub(40).max(from)..k)
        .filter(candidate)
        .filter(opens_clause)
        .filter_map(|a| Some((role_start(a), name(role_start(a), a)?)));
    let opening = openings.next();
    // the name that opens the sentence ("Dean Johnson, a salesman from Sumter, South Carolina,
    // says") is the subject
    if let Some((0, who)) = opening {
        return Some(who);
    }
    // "her senior policy adviser, Jake Sullivan, said", "Gov. John Kasich (R-OH), said": the
    // apposition is the name itself, after a description closed by a comma (a lower-case word:
    // "Sumter, South Carolina," is a place's)
    if nearest {
        let s = run_start(k);
        let named = s > from
            && words[s - 1].ends_with(',')
            && !is_cap(clean_word(words[s - 1]))
            && candidate(&k);
        if let Some(who) = named.then(|| name(s, k)).flatten() {
            return Some(who);
        }
    }
    match opening.map(|(_, who)| who) {
        Some(who) => Some(who),
        None if nearest => {
            let a = (from..k).rev().take(12).find(candidate)?;
            name(run_start(a), a)
        }
        None => None,
    }
}
