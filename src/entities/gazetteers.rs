//! Gazetteers: place, organisation and demonym names as hash sets built once per program (the wasm
//! instance), with look-ups that also try the dotted and ALL-CAPS spellings of a name.

use super::rules::is_all_caps;
use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// Place names, front-coded by `build.rs`: `data/places.txt` (countries, capitals, cities ≥ 250k, US
/// states, continents) and `data/regions.txt` (first-level regions of the most populous and the
/// English-speaking countries, from country-region-data); see `docs/data-sources.md`.
const PLACES_FC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.fc"));
/// English demonyms from world-countries (see `docs/data-sources.md`).
const DEMONYMS_TXT: &str = include_str!("../../data/demonyms.txt");

/// Place names added to the generated list: regions and geographic features common in news.
const EXTRA_PLACES: &str = "Europe\nAsia\nAfrica\nArctic\nAntarctic\nMiddle East\nAsia-Pacific\nWest\nGulf\nBalkans\nCaribbean\nScandinavia\nSiberia\nXinjiang\nTibet\nHong Kong\nCrimea\nDonbas\nGaza\nWest Bank\nKashmir\nSahel\nBritain\nGreat Britain\nEngland\nScotland\nWales\nNorthern Ireland\nSouth China Sea\nPacific\nAtlantic\nMediterranean\nSilicon Valley\nWall Street\nHollywood\nLatin America\nNorth America\nSouth America\nSoutheast Asia\nCentral Asia\nEast Asia\nEastern Europe\nNorth Africa\nNorthern Africa\nWest Africa\nWestern Africa\nEast Africa\nEastern Africa\nSouthern Africa\nCentral Africa\nMiddle Africa\nSub-Saharan Africa\nHorn of Africa\nCentral America\nSouth Asia\nSouthern Asia\nWestern Asia\nEastern Asia\nWestern Europe\nNorthern Europe\nSouthern Europe\nCentral Europe\nMelanesia\nMicronesia\nPolynesia\nMaghreb\nLevant\nUS\nU.S.\nUK\nUAE";

/// Group words that are never entities by themselves (the annotation guide's non-entities).
static GROUP_WORDS: crate::text::WordList = crate::text::WordList::new("Republican Republicans Democrat Democrats Democratic Conservative Conservatives Labour Liberal Liberals Tory Tories Islamist Islamists Muslim Muslims Christian Christians Jewish Jews Catholic Catholics Western Eastern Northern Southern European Europeans Asian Asians African Africans Arab Arabs Latino Latinos Hispanic Communist Communists Socialist Kurdish Kurds Sunni Shia Taiwanese Chinese Dutch English Welsh Scottish Māori Maori Arabic Hebrew Persian Kurdish Catalan Basque Flemish Cantonese Mandarin Hindi Urdu Swahili");

/// Curated organisation names without a head word (see `docs/data-sources.md`).
const ORGS_TXT: &str = include_str!("../../data/orgs.txt");

/// World-knowledge lists, front-coded by `build.rs` (sources, versions and licences in
/// `docs/data-sources.md`, built by `scripts/gen-world-lists.sh`): given names, surnames, places beyond
/// the 250,000-population cut, organisations of every kind. Features of the tagger only.
const GIVEN_FC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/given-names.fc"));
const SURNAMES_FC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/surnames.fc"));
const PLACES_MORE_FC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places-more.fc"));
const ORGS_MORE_FC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/orgs-more.fc"));

/// The world-knowledge lists as hash sets (built on first use, like [`Gazetteers`]).
pub(super) struct World {
    pub(super) given: HashSet<&'static str>,
    pub(super) surnames: HashSet<&'static str>,
    pub(super) places: HashSet<&'static str>,
    pub(super) orgs: HashSet<&'static str>,
}

pub(super) fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| World {
        given: front_decoded(GIVEN_FC),
        surnames: front_decoded(SURNAMES_FC),
        places: front_decoded(PLACES_MORE_FC),
        orgs: front_decoded(ORGS_MORE_FC),
    })
}

/// The gazetteers as hash sets of names that live as long as the program (the wasm instance): built
/// once, on first use, without an allocation per name.
pub(super) struct Gazetteers {
    pub(super) places: HashSet<&'static str>,
    pub(super) orgs: HashSet<&'static str>,
    pub(super) demonyms: HashSet<&'static str>,
}

/// The names of a front-coded list (`build.rs`): per name, a byte counting the leading bytes it shares
/// with the previous name, the rest of the name, `\n`.
/// The decoded names are kept, one after another, in one string that is never freed.
fn front_decoded(fc: &[u8]) -> HashSet<&'static str> {
    let mut all: Vec<u8> = Vec::with_capacity(fc.len() * 3);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut name: Vec<u8> = Vec::new();
    let mut rest = fc;
    while let Some((&shared, tail)) = rest.split_first() {
        let end = tail.iter().position(|&b| b == b'\n').unwrap_or(tail.len());
        name.truncate(usize::from(shared));
        name.extend_from_slice(&tail[..end]);
        spans.push((all.len(), all.len() + name.len()));
        all.extend_from_slice(&name);
        rest = tail.get(end + 1..).unwrap_or_default();
    }
    // (build.rs cuts shared prefixes at character boundaries, so every name is whole UTF-8)
    let all: &'static str = leak(String::from_utf8_lossy(&all).into_owned());
    let mut names = HashSet::with_capacity_and_hasher(spans.len(), Default::default());
    names.extend(spans.into_iter().filter_map(|(a, b)| all.get(a..b)));
    names
}

/// A string kept for the rest of the program.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

#[cfg(test)]
#[test]
fn front_coded_places_are_the_text_files_names() {
    let text = [
        include_str!("../../data/places.txt"),
        include_str!("../../data/regions.txt"),
    ];
    let want: HashSet<&str> = text.iter().flat_map(|t| t.lines()).collect();
    assert!(want.len() > 5000);
    assert_eq!(front_decoded(PLACES_FC), want);
}

pub(super) fn gazetteers() -> &'static Gazetteers {
    static G: OnceLock<Gazetteers> = OnceLock::new();
    G.get_or_init(|| {
        let mut places = front_decoded(PLACES_FC);
        places.extend(EXTRA_PLACES.lines());
        let mut demonyms: HashSet<&'static str> =
            DEMONYMS_TXT.lines().flat_map(|l| l.split(", ")).collect();
        // the plurals, in one string, a line each ("New Zealanders" is one)
        let plurals = leak(demonyms.iter().map(|d| format!("{d}s\n")).collect());
        demonyms.extend(plurals.lines());
        demonyms.extend(GROUP_WORDS.words());
        let orgs = ORGS_TXT
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        Gazetteers {
            places,
            orgs,
            demonyms,
        }
    })
}

/// Title-case an ALL-CAPS word ("BUFFALO" → "Buffalo") for gazetteer look-ups.
pub(super) fn title_case(w: &str) -> String {
    let mut cs = w.chars();
    cs.next()
        .map(|f| {
            f.to_uppercase()
                .chain(cs.flat_map(char::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

impl Gazetteers {
    /// Is this surface a known place, also written "U.S." or in capitals?
    pub(super) fn is_place(&self, s: &str) -> bool {
        // (the other spellings are built only when they differ: these look-ups run per token)
        self.places.contains(s)
            || (s.contains('.') && self.places.contains(s.replace('.', "").as_str()))
            || (is_all_caps(s) && s.len() > 3 && self.places.contains(title_words(s).as_str()))
    }
    pub(super) fn is_org(&self, s: &str) -> bool {
        self.orgs.contains(s)
            || (s.contains('.') && self.orgs.contains(s.replace('.', "").as_str()))
    }
}

fn title_words(s: &str) -> String {
    s.split(' ').map(title_case).collect::<Vec<_>>().join(" ")
}
