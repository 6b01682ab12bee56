//! One article per summary: a page that holds several whole stories in `<article>` elements (infinite
//! scroll loads the next story under the one being read) is summarised for one of them only, so the
//! bullets, quotes and entities of the next story never mix into the summary of the first.

use super::{NodeId, Snapshot};
use std::borrow::Cow;

/// Visible characters (not counting whitespace) an `<article>` needs to count as a whole story rather
/// than a teaser card, a related-story box or a comment: about 120 words, more than any teaser.
pub const MIN_STORY_CHARS: usize = 700;

impl Snapshot {
    /// The snapshot with one story left visible when it holds two or more (outermost `<article>`
    /// elements with at least [`MIN_STORY_CHARS`] visible characters each): the story whose subtree names
    /// the snapshot's `url` (a `<link>` or `<meta>` of the story giving its address, as an
    /// infinite-scroll page marks each story; compared without scheme, query, fragment and trailing
    /// slash), else the first. The other stories are marked not visible, so node ids are unchanged
    /// (highlight ranges still address the page). Borrowed when there is nothing to choose.
    ///
    /// The extension chooses first (the story in view when the toolbar was clicked: it hides the others
    /// in the snapshot it sends), so in the panel this finds one story left and changes nothing.
    pub fn one_article(&self) -> Cow<'_, Snapshot> {
        let stories = self.stories();
        if stories.len() < 2 {
            return Cow::Borrowed(self);
        }
        let keep = self
            .url
            .as_deref()
            .and_then(|url| {
                let want = address_key(url);
                stories
                    .iter()
                    .copied()
                    .find(|&s| self.names_address(s, &want))
            })
            .unwrap_or(stories[0]);
        let mut out = self.clone();
        for &s in stories.iter().filter(|&&s| s != keep) {
            for n in &mut out.nodes[s as usize..self.subtree_end(s)] {
                n.visible = false;
            }
        }
        Cow::Owned(out)
    }

    /// The outermost visible `<article>` elements holding a whole story each.
    fn stories(&self) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.nodes.len() {
            let n = &self.nodes[i];
            if n.tag != "article" || !n.visible {
                i += 1;
                continue;
            }
            let end = self.subtree_end(i as NodeId);
            let chars: usize = self.nodes[i..end]
                .iter()
                .filter(|t| t.visible)
                .filter_map(|t| t.text.as_deref())
                .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
                .sum();
            if chars >= MIN_STORY_CHARS {
                out.push(i as NodeId);
            }
            i = end; // an article nested in this one is part of its story
        }
        out
    }

    /// True when an element under `story` gives the address `want` ([`address_key`]) in its `href` or
    /// `content`.
    fn names_address(&self, story: NodeId, want: &str) -> bool {
        !want.is_empty()
            && self.nodes[story as usize..self.subtree_end(story)]
                .iter()
                .flat_map(|n| [n.attr("href"), n.attr("content")])
                .flatten()
                .any(|v| address_key(v) == want)
    }
}

/// An address without scheme, `www.`, query, fragment and trailing slash, for comparing a story's own
/// link with the page's address ("" for something that is not an absolute address).
fn address_key(url: &str) -> String {
    let url = url.trim();
    let Some((_, rest)) = url.split_once("://") else {
        return String::new();
    };
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.trim_end_matches('/').to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_keys_ignore_scheme_query_and_slash() {
        assert_eq!(
            address_key("https://www.example.org/a/b/?x=1#c"),
            address_key("http://example.org/a/b")
        );
        assert_eq!(address_key("/relative"), "");
    }
}
