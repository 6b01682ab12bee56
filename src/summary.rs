//! The `Summary`: everything Lede finds in one article, as one serde type.
//!
//! Its JSON form is the CLI's output and what `../shared/tools/score_*.py` read; `docs/schema.md`
//! documents every field. Positions in the page are [`TextRange`]s: a snapshot text node and UTF-16
//! offsets into its text, so the extension can build DOM `Range`s on the live text nodes exactly.

use crate::snapshot::NodeId;
use serde::{Deserialize, Serialize};

/// A run of characters inside one snapshot text node: `[start, end)` in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRange {
    /// Index of the text node in `Snapshot::nodes`.
    pub node: NodeId,
    /// Start offset, UTF-16 code units.
    pub start: u32,
    /// End offset (exclusive), UTF-16 code units.
    pub end: u32,
}

/// Where a bullet comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BulletKind {
    /// The page's own standfirst, dek or summary list, verbatim.
    Page,
    /// A sentence of the article chosen by Lede (extractive; never rewritten).
    Extracted,
}

/// One summary bullet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bullet {
    /// The bullet text, whitespace-collapsed.
    pub text: String,
    /// Page-provided or extracted.
    pub kind: BulletKind,
    /// Where the bullet's text is in the page (may be empty when it comes from metadata).
    pub ranges: Vec<TextRange>,
}

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The characters between the quotation marks, marks and surrounding spaces removed.
    pub text: String,
    /// Canonical name of the speaker entity, or `None` when the source is unnamed or unknown.
    pub speaker: Option<String>,
    /// True for 1–3 word spans (scare quotes, nicknames, titles): kept but not shown as quotes.
    pub fragment: bool,
    /// Where the quote is in the page.
    pub ranges: Vec<TextRange>,
}

/// Named entity types that Lede reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation: companies, government bodies, parties, alliances, media, universities, clubs.
    Org,
    /// A place: countries, cities, regions, geographic features, landmarks.
    Place,
}

impl EntityType {
    /// The JSON / display label: `PERSON`, `ORG` or `PLACE`.
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
        }
    }
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The surface string as written (title and possessive removed).
    pub text: String,
    /// Where it is in the page (one range per text node it spans; empty for headline-only mentions
    /// whose headline came from metadata).
    pub ranges: Vec<TextRange>,
}

/// A named entity with its aliases merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical (fullest) name.
    pub name: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Every distinct surface form used in the article, the name included.
    pub aliases: Vec<String>,
    /// Mentions in article order.
    pub mentions: Vec<Mention>,
}

/// Everything Lede found in one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Summary {
    /// False when the page holds no article (an index page, an empty page): `message` says why.
    pub article_found: bool,
    /// A one-line explanation for the reader when something is missing (no article, no quotes, ...).
    pub message: Option<String>,
    /// The article's headline, site name removed.
    pub headline: Option<String>,
    /// Bullet texts (the page's own, else extracted), for consumers that want plain strings.
    pub bullets: Vec<String>,
    /// The same bullets with their kind and page positions.
    pub bullet_details: Vec<Bullet>,
    /// Authors, one name each.
    pub byline: Vec<String>,
    /// Publication date-time as given by the page, ISO 8601 when the page states one.
    pub published: Option<String>,
    /// Site / publication name.
    pub site_name: Option<String>,
    /// The page's address as the snapshot gives it (the live page's `location.href` in the extension,
    /// `--url` in the CLI); `None` when unknown. Renderings link to it only when it is `http(s):`.
    #[serde(default)]
    pub url: Option<String>,
    /// Document language (BCP 47 tag as declared, e.g. `en`, `fr-FR`).
    pub lang: Option<String>,
    /// Text direction: `ltr` or `rtl`.
    pub dir: Option<String>,
    /// URL of the next page of a multi-page article, as the page gives it (`<link rel="next">`).
    pub next_page: Option<String>,
    /// Main content as plain text: paragraphs separated by blank lines.
    pub body: String,
    /// Direct quotes in article order.
    pub quotes: Vec<Quote>,
    /// Named entities, most salient first.
    pub entities: Vec<Entity>,
}
