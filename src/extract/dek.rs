//! The dek (standfirst): the page's description as metadata declares it.

use super::meta::{meta_content, Metas};

/// The page's description: JSON-LD `description` (`ld_description`), else `og:description`,
/// `twitter:description` or `<meta name=description>`. Bullet detection uses it only where the page
/// shows the same text.
pub(super) fn description(metas: &Metas<'_>, ld_description: Option<String>) -> Option<String> {
    ld_description.or_else(|| {
        meta_content(
            metas,
            &["og:description", "twitter:description", "description"],
        )
    })
}
