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

/// World-knowledge lists (sources, versions and licences in `docs/data-sources.md`, built by
/// `scripts/gen-world-lists.sh`): given names, surnames, places beyond the 250,000-population cut,
/// organisations of every kind, front-coded in indexed blocks by `build.rs` and searched in place
/// ([`BlockList`]): no set is built when the panel starts.
const GIVEN_BFC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/given-names.bfc"));
const SURNAMES_BFC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/surnames.bfc"));
const PLACES_MORE_BFC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places-more.bfc"));
const ORGS_MORE_BFC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/orgs-more.bfc"));

/// The world-knowledge lists.
pub(super) struct World {
    pub(super) given: BlockList,
    pub(super) surnames: BlockList,
    pub(super) places: BlockList,
    pub(super) orgs: BlockList,
}

pub(super) fn world() -> &'static World {
    static W: World = World {
        given: BlockList(GIVEN_BFC),
        surnames: BlockList(SURNAMES_BFC),
        places: BlockList(PLACES_MORE_BFC),
        orgs: BlockList(ORGS_MORE_BFC),
    };
    &W
}

/// A sorted list front-coded in blocks (`build.rs`, `blocked_front_code`): `u32` block count B, B
/// `u32` body offsets, then per name a byte of bytes shared with the previous name (0 at a block's
/// start), the rest, `\n`. A look-up bisects the blocks by their first names and decodes one block
/// (at most 8 names): nothing is decoded or allocated in advance.
pub(super) struct BlockList(pub(super) &'static [u8]);

impl BlockList {
    fn parts(&self) -> (usize, &'static [u8]) {
        let d = self.0;
        let n = d
            .get(..4)
            .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
        (n, d.get(4 + 4 * n..).unwrap_or_default())
    }

    fn offset(&self, block: usize) -> usize {
        let at = 4 + 4 * block;
        let b = &self.0[at..at + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
    }

    /// Is `name` in the list?
    pub(super) fn contains(&self, name: &str) -> bool {
        self.seek(name.as_bytes(), |first| first == name.as_bytes())
    }

    /// Does some name in the list start with `prefix`? Lets a caller stop extending a span of
    /// words as soon as no listed name can begin with it.
    pub(super) fn has_prefix(&self, prefix: &str) -> bool {
        self.seek(prefix.as_bytes(), |first| {
            first.starts_with(prefix.as_bytes())
        })
    }

    /// `test` applied to the first listed name that is `>= name` (false when there is none).
    fn seek(&self, name: &[u8], test: impl Fn(&[u8]) -> bool) -> bool {
        let (blocks, body) = self.parts();
        let head = |i: usize| {
            let start = self.offset(i) + 1; // after the shared-bytes count (0)
            let len = body[start..].iter().position(|&c| c == b'\n').unwrap_or(0);
            &body[start..start + len]
        };
        // the last block whose first name is <= name
        let after = {
            let (mut lo, mut hi) = (0, blocks);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if head(mid) <= name {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            lo
        };
        if after == 0 {
            return blocks > 0 && test(head(0));
        }
        let block = after - 1;
        let end = if after < blocks {
            self.offset(after)
        } else {
            body.len()
        };
        let mut rest = &body[self.offset(block)..end];
        let mut buf = [0u8; 256];
        let mut len = 0;
        while let Some((&shared, tail)) = rest.split_first() {
            let stop = tail.iter().position(|&c| c == b'\n').unwrap_or(tail.len());
            let shared = usize::from(shared).min(len);
            let new_len = (shared + stop).min(buf.len());
            buf[shared..new_len].copy_from_slice(&tail[..new_len - shared]);
            len = new_len;
            if buf[..len] >= *name {
                return test(&buf[..len]);
            }
            rest = tail.get(stop + 1..).unwrap_or_default();
        }
        // every name of the block is smaller: the next block's first name is the first >= name
        after < blocks && test(head(after))
    }
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

#[cfg(test)]
#[test]
fn world_lists_are_sorted_and_found_in_place() {
    let texts = [
        include_str!("../../data/given-names.txt"),
        include_str!("../../data/surnames.txt"),
        include_str!("../../data/places-more.txt"),
        include_str!("../../data/orgs-more.txt"),
    ];
    let packed = [GIVEN_BFC, SURNAMES_BFC, PLACES_MORE_BFC, ORGS_MORE_BFC];
    for (list, bfc) in texts.into_iter().zip(packed) {
        let lines: Vec<&str> = list.lines().collect();
        assert!(lines.len() > 10_000);
        // strictly increasing in byte order, no empty line: what the bisection needs
        assert!(
            lines.windows(2).all(|w| w[0] < w[1]),
            "a world list is not sorted"
        );
        assert!(lines.iter().all(|l| !l.is_empty()));
        let sorted = BlockList(bfc);
        assert!(lines.iter().all(|l| sorted.contains(l)));
        for absent in ["", "zzzz not a name", "A", "Aa-no-such-name", "\u{10FFFF}"] {
            assert!(!sorted.contains(absent), "{absent:?}");
        }
        // a name's prefix or extension is not the name
        let mid = lines[lines.len() / 2];
        assert!(!sorted.contains(&format!("{mid} x")) && !sorted.contains(&format!("{mid}zz")));
        // every listed name's every prefix is a prefix of some name, and nothing else is: checked
        // against the text list on the first bytes of a spread of names
        for name in lines.iter().step_by(97) {
            for cut in (1..=name.len()).filter(|&i| name.is_char_boundary(i)) {
                let prefix = &name[..cut];
                assert!(sorted.has_prefix(prefix), "{prefix:?}");
                let longer = format!("{prefix}\u{7f}~");
                let want = lines.iter().any(|l| l.starts_with(&longer));
                assert_eq!(sorted.has_prefix(&longer), want, "{longer:?}");
            }
        }
        assert!(sorted.has_prefix("") && !sorted.has_prefix("\u{10FFFF}"));
        assert!(!sorted.has_prefix(&format!("{} ", lines[lines.len() - 1])));
    }
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

/// Title-case a word: its first letter in capitals, the rest in lower case ("BUFFALO" → "Buffalo",
/// "hillary" → "Hillary"), for look-ups in lists written so.
pub(crate) fn title_case(w: &str) -> String {
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
