//! Named entities (PERSON, ORG, PLACE) with aliases merged, from the headline, bullets and body.
//!
//! Two layers, one file each, over the gazetteers ([`gazetteers`]):
//! - [`rules`]: capitalisation-based candidate spans (the classic proper-noun chunker) cleaned of
//!   sentence-initial common words, titles, demonyms and possessives, and typed by gazetteers (GeoNames,
//!   world-countries and country-region-data place names, `data/`), word shapes (corporate and
//!   institutional head words, acronyms, inner capitals, compass words, landform nouns) and context
//!   cues (titles before a name, "said" after it, "giant"/"firm"/"website" before an organisation,
//!   "coach"/"tribe" after one, "`<place>, <abbreviation>`" and "`PLACE (Agency) -`" datelines);
//! - [`document`]: the document layer: candidates merged per document (surnames, given names and
//!   middle-name variants into full names, acronyms into their expansions, case variants), with one
//!   type per entity decided by the votes of all its mentions (document-level consistency).

mod document;
mod gazetteers;
mod rules;

pub use document::MentionAt;
pub(crate) use rules::{is_demonym, is_role_word, is_stopword, is_title};

use crate::summary::Entity;
use crate::text::Para;

/// Find entities in paragraphs (see [`find_entities_at`]).
pub fn find_entities(paras: &[Para], trusted: &[bool]) -> Vec<Entity> {
    find_entities_at(paras, trusted).0
}

/// Find entities in paragraphs, with every mention's paragraph position (sorted by paragraph, then
/// byte). `paras[i]` with `trusted[i] == false` (the headline) contributes mentions only of entities
/// also found in trusted text, since headline case capitalises common words.
pub fn find_entities_at(paras: &[Para], trusted: &[bool]) -> (Vec<Entity>, Vec<MentionAt>) {
    let cands = rules::candidates(paras, trusted);
    document::group(&cands, paras, trusted)
}
