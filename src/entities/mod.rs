//! Named entities (PERSON, ORG, PLACE) with aliases merged, from the headline, bullets and body.
//!
//! Three layers, one file each:
//! - [`rules`]: capitalisation-based candidate spans (the classic proper-noun chunker) cleaned of
//!   sentence-initial common words, titles, demonyms and possessives, and typed by gazetteers
//!   ([`gazetteers`]), word shapes and context cues. Their spans and types are *features* of
//! - [`model`]: a statistical sequence tagger (a first-order linear-chain model over hashed token
//!   features, [`features`], trained as an averaged structured perceptron by [`train`] on CoNLL-2003;
//!   weights shipped as data, `data/ner.model`) that decides which tokens name a PERSON, ORG or
//!   PLACE, and
//! - [`document`]: the document layer over the tagged mentions: aliases, surname coreference and one
//!   type per entity by the vote of its mentions.

mod document;
mod features;
mod gazetteers;
mod model;
mod rules;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

pub use document::MentionAt;
pub(crate) use gazetteers::title_case;
pub(crate) use rules::{is_demonym, is_given_name, is_role_word, is_stopword, is_title};

use crate::summary::Entity;
use crate::text::Para;

/// Find entities in paragraphs (see [`find_entities_at`]).
pub fn find_entities(paras: &[Para], trusted: &[bool]) -> Vec<Entity> {
    find_entities_at(paras, trusted).0
}

/// Find entities in paragraphs, with every mention's paragraph position (sorted by paragraph, then
/// byte). `paras[i]` with `trusted[i] == false` (the headline) contributes mentions only of entities
/// also found in trusted text or of names the tagger is sure of, since headline case capitalises
/// common words.
pub fn find_entities_at(paras: &[Para], trusted: &[bool]) -> (Vec<Entity>, Vec<MentionAt>) {
    let (rule_cands, german) = rules::candidates(paras, trusted);
    let (_, rule_mentions) = document::group(&rule_cands, paras, trusted, false);
    // the tagger learned English news; on German pages it would type capitalised nouns
    let tagged = if german {
        Vec::new()
    } else {
        model::tag(paras, trusted, &rule_mentions)
    };
    let combined = model::combine(rule_cands, tagged, model::MODEL_VOTE, model::ADD_VOTES);
    document::group(&combined, paras, trusted, true)
}
