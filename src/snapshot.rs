//! The page snapshot: a flat arena of the DOM nodes that analysis needs.
//!
//! Every algorithm in Lede reads a [`Snapshot`], never a live DOM, so the same code runs natively
//! (`cargo test`, the CLI) and in the extension panel. A snapshot is filled two ways, by rules that must
//! agree node for node (see `docs/snapshot.md`):
//! - natively by [`Snapshot::from_html`], from a file parsed with the html5ever HTML5 parser (via `scraper`);
//! - in the browser by `extension/snapshot.js`, which walks the live DOM (open shadow roots included).
//!
//! Shape: nodes in document (pre-)order, index 0 is the `<html>` element; each node names its parent by
//! index. Element nodes have a lower-case `tag` and a filtered set of `attrs`; text nodes have `text`
//! (exactly the DOM text, so UTF-16 offsets into it address the live text node).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Attributes copied into the snapshot; all others are dropped. `href` is kept on `<link>` only.
pub const KEPT_ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "itemprop",
    "itemtype",
    "rel",
    "role",
    "aria-hidden",
    "hidden",
    "lang",
    "dir",
    "name",
    "property",
    "content",
    "datetime",
    "type",
    "href",
];

/// Elements left out of the snapshot with everything inside them: they never hold article text.
/// `<script>` is the exception when its `type` is `application/ld+json` (JSON-LD metadata).
pub const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "canvas", "object",
    "embed", "audio", "video", "select", "textarea", "button",
];

/// The most nodes [`Snapshot::bounded`] keeps: four times the largest page of the shared corpora
/// (wikipedia-2, 24 000 nodes). Nodes after it (in document order) are left out.
pub const MAX_NODES: usize = 100_000;

/// Above this many snapshot nodes the panel paints no inline highlights (it still lists the entities and
/// scrolls to them). Styling `::highlight()` makes the browser restyle every element of the page when
/// the rules go in and again when they come out: measured in headless Chromium 156 at load 4–6, 63–73 ms
/// on a page of 2 041 elements, 0.2–0.66 s on wikipedia-2 (9 887 elements, 24 000 nodes) and 3.6–6 s
/// on the 200 000-element page, each way. Twice the largest corpus page, so every article of the
/// corpora keeps its highlights.
pub const HIGHLIGHT_MAX_NODES: usize = 50_000;

/// The most UTF-16 code units [`Snapshot::bounded`] keeps of one text node: over five times the
/// longest text node of the corpora (3 554). The text is cut at the end, so offsets still hold.
pub const MAX_NODE_TEXT: usize = 20_000;

/// The most UTF-16 code units of text [`Snapshot::bounded`] keeps in all, JSON-LD aside: more than
/// the whole text of any corpus page (wikipedia-2: 494 000).
pub const MAX_TOTAL_TEXT: usize = 500_000;

/// Index of a node in [`Snapshot::nodes`].
pub type NodeId = u32;

/// One DOM node: an element (`text` is `None`) or a text node (`text` is `Some`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// Parent element's index; `None` only for the root `<html>` element.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<NodeId>,
    /// Lower-case local name of an element; empty for text nodes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tag: String,
    /// The [`KEPT_ATTRIBUTES`] present on the element, values verbatim.
    #[serde(default, skip_serializing_if = "Attrs::is_empty")]
    pub attrs: Attrs,
    /// Text of a text node, verbatim (not whitespace-collapsed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// False when the node or an ancestor has the `hidden` attribute or an inline style with
    /// `display: none` / `visibility: hidden` (see [`style_hides`]). Computed styles are not consulted,
    /// so both builders agree.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub visible: bool,
    /// [`Node::id_class`], computed on its first call (many heuristics read it for the same node).
    #[serde(skip)]
    id_class: IdClassCache,
}

/// A lazily filled copy of [`Node::id_class`]; not part of the node's value (equal nodes stay equal
/// whether or not it has been filled).
#[derive(Debug, Clone, Default)]
struct IdClassCache(std::cell::OnceCell<String>);

impl PartialEq for IdClassCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for IdClassCache {}

/// An element's kept attributes: (name, value) pairs sorted by name, names unique, written and read as
/// a JSON object like the `BTreeMap` it replaces. A sorted vector, not a map: an element keeps a few
/// attributes at most, and the snapshot reader builds one per element (a `BTreeMap` allocated a node of
/// eleven slots for each, the largest cost of reading the wire form after its text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attrs(Vec<(String, String)>);

impl Attrs {
    /// Room for `n` attributes.
    pub fn with_capacity(n: usize) -> Attrs {
        Attrs(Vec::with_capacity(n))
    }
    /// Set `name` to `value`, replacing an earlier value of the same name (as a map's insert does).
    pub fn insert(&mut self, name: String, value: String) {
        // (in name order already, from both builders: the new pair goes last)
        match self.0.last() {
            Some((last, _)) if *last < name => self.0.push((name, value)),
            _ => match self.0.binary_search_by(|(k, _)| k.as_str().cmp(&name)) {
                Ok(i) => self.0[i].1 = value,
                Err(i) => self.0.insert(i, (name, value)),
            },
        }
    }
    /// The value of `name`, if present.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    /// How many attributes.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The (name, value) pairs in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

impl FromIterator<(String, String)> for Attrs {
    /// The pairs in any order; of two with the same name the later wins, as in a map.
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Attrs {
        let mut attrs = Attrs::default();
        for (k, v) in pairs {
            attrs.insert(k, v);
        }
        attrs
    }
}

impl Serialize for Attrs {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Attrs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Attrs, D::Error> {
        Ok(BTreeMap::<String, String>::deserialize(d)?
            .into_iter()
            .collect())
    }
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}

/// A page snapshot: the page URL (if known) and its nodes in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The page's URL, when the builder knows it (the extension always does; a file may not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Nodes in document order; index 0 is `<html>`.
    pub nodes: Vec<Node>,
}

/// The compact form of a snapshot that `extension/snapshot.js` builds and [`Snapshot::from_wire`] reads
/// (`lede --wire` prints it, for the parity test): the same nodes as [`Snapshot::nodes`], as
/// - `shape`: two numbers per node: the distance back to its parent (0 for the root, which has none),
///   then its flags: 1 for a text node, 2 when hidden, plus the element's attribute count times 4;
/// - `text`: the node strings in document order, each followed by a NUL: an element's tag, then the
///   name and the value of each attribute (names sorted); a text node's text;
/// - `lens`: the length of each of those strings in UTF-16 code units.
///
/// The NUL keeps the strings apart: two lone surrogates at the end of one text node and the start of
/// the next (page JavaScript can split an emoji) would otherwise join into one character on the way
/// into the wasm; each becomes U+FFFD instead, one UTF-16 unit for one, so offsets into the text still
/// address the live node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Wire {
    /// The page's URL, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Parent distance and flags, per node.
    pub shape: Vec<u32>,
    /// The node strings, each followed by a NUL.
    pub text: String,
    /// Each string's length in UTF-16 code units.
    pub lens: Vec<u32>,
}

/// The strings of a [`Wire`] text, read one at a time by their UTF-16 lengths.
struct WireStrings<'a> {
    text: &'a str,
    at: usize,
    lens: std::slice::Iter<'a, u32>,
}

impl<'a> WireStrings<'a> {
    /// The next string and its NUL; an error when the text does not have them.
    fn next(&mut self) -> Result<&'a str, String> {
        let bad = |what: &str| format!("bad snapshot: {what}");
        let units = *self
            .lens
            .next()
            .ok_or_else(|| bad("fewer lengths than strings"))? as usize;
        let b = self.text.as_bytes();
        let (start, mut at, mut u) = (self.at, self.at, 0);
        if b.get(start..start + units).is_some_and(<[u8]>::is_ascii) {
            // (most strings: one byte per UTF-16 unit, checked a word at a time)
            (at, u) = (start + units, units);
        }
        while u < units {
            // the UTF-8 lead byte says the character's bytes and UTF-16 units
            let (bytes, w) = match b.get(at).copied() {
                None => return Err(bad("text shorter than its lengths")),
                Some(0..=0x7f) => (1, 1),
                Some(0xf0..) => (4, 2),
                Some(0xe0..) => (3, 1),
                Some(_) => (2, 1),
            };
            at += bytes;
            u += w;
        }
        if u != units || b.get(at) != Some(&0) {
            return Err(bad("a string does not end where its length says"));
        }
        self.at = at + 1;
        // `at` follows lead bytes of valid UTF-8, so both ends are character boundaries
        self.text
            .get(start..at)
            .ok_or_else(|| bad("a string ends inside a character"))
    }
}

/// True when an inline `style` attribute value hides the element (`display:none`, `visibility:hidden`).
pub fn style_hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    compact.split(';').any(|decl| {
        let decl = decl.trim_end_matches("!important");
        decl == "display:none" || decl == "visibility:hidden"
    })
}

/// `json` with every `\uD800`–`\uDFFF` escape that is not half of a surrogate pair replaced by
/// `\uFFFD`; `None` when there is none. serde_json refuses lone surrogates, which JSON (RFC 8259)
/// allows and `JSON.stringify` writes.
fn replace_lone_surrogate_escapes(json: &str) -> Option<String> {
    fn escape_at(b: &[u8], i: usize) -> Option<u16> {
        let hex = b.get(i..i + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    }
    let b = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let (mut i, mut copied, mut changed) = (0, 0, false);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match escape_at(b, i) {
            Some(0xD800..=0xDBFF)
                if escape_at(b, i + 6).is_some_and(|lo| (0xDC00..=0xDFFF).contains(&lo)) =>
            {
                i += 12
            }
            Some(0xD800..=0xDFFF) => {
                out.push_str(&json[copied..i]);
                out.push_str("\\ufffd");
                i += 6;
                copied = i;
                changed = true;
            }
            // any other escape: skip the backslash and the escaped character (`\\` included)
            _ => i += 2,
        }
    }
    out.push_str(&json[copied..]);
    changed.then_some(out)
}

/// The longest prefix of `s` with at most `max_units` UTF-16 code units, never splitting a
/// character: `(bytes, units)`.
fn utf16_prefix_len(s: &str, max_units: usize) -> (usize, usize) {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        if units + c.len_utf16() > max_units {
            return (i, units);
        }
        units += c.len_utf16();
    }
    (s.len(), units)
}

impl Node {
    /// True for text nodes.
    pub fn is_text(&self) -> bool {
        self.text.is_some()
    }
    /// The attribute's value, if kept and present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name)
    }
    /// `id` and `class` joined with a space, lower-cased: what class/id heuristics match against.
    /// Computed once per node and kept.
    pub fn id_class(&self) -> &str {
        self.id_class.0.get_or_init(|| {
            let (id, class) = (self.attr("id"), self.attr("class"));
            if id.is_none() && class.is_none() {
                return String::new();
            }
            let mut s = String::new();
            if let Some(id) = id {
                s.push_str(id);
            }
            if let Some(c) = class {
                s.push(' ');
                s.push_str(c);
            }
            s.to_lowercase()
        })
    }
}

impl Snapshot {
    /// Parse the JSON form of a snapshot (what `extension/snapshot.js` sends).
    ///
    /// A lone surrogate escape (`\ud800` without its pair: `JSON.stringify` writes one for a text
    /// node that page JavaScript split inside an emoji) becomes U+FFFD, one UTF-16 unit for one, so
    /// offsets into the text still address the live text node.
    ///
    /// Errors: malformed JSON, or a node whose `parent` does not point to an earlier element.
    pub fn from_json(json: &str) -> Result<Snapshot, String> {
        let value: serde_json::Value = match serde_json::from_str(json) {
            Ok(value) => value,
            Err(e) => match replace_lone_surrogate_escapes(json) {
                Some(repaired) => serde_json::from_str(&repaired),
                None => Err(e),
            }
            .map_err(|e| format!("bad snapshot: {e}"))?,
        };
        let snap = Snapshot::from_value(value)?;
        snap.validate()?;
        Ok(snap)
    }

    /// The snapshot a parsed JSON value holds: the fields of the derived `Deserialize`, with the same
    /// defaults, read by hand (unlike it, a key given twice takes its last value, and a node written as
    /// an array is refused: `extension/snapshot.js` writes neither). The derived path through serde_json's typed deserializer brings its
    /// type-error formatting (floats included) into the wasm; the JSON-LD reader needs `Value` anyway.
    fn from_value(value: serde_json::Value) -> Result<Snapshot, String> {
        use serde_json::Value;
        fn bad(what: &str) -> String {
            format!("bad snapshot: {what}")
        }
        fn text(v: Option<Value>, field: &str) -> Result<Option<String>, String> {
            match v {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s)),
                Some(_) => Err(bad(&format!("`{field}` is not a string"))),
            }
        }
        let Value::Object(mut top) = value else {
            return Err(bad("not an object"));
        };
        let url = text(top.remove("url"), "url")?;
        let Some(Value::Array(list)) = top.remove("nodes") else {
            return Err(bad("`nodes` is not an array"));
        };
        let mut nodes = Vec::with_capacity(list.len());
        for node in list {
            let Value::Object(mut o) = node else {
                return Err(bad("a node is not an object"));
            };
            let parent = match o.remove("parent") {
                None | Some(Value::Null) => None,
                Some(p) => Some(
                    p.as_u64()
                        .and_then(|p| NodeId::try_from(p).ok())
                        .ok_or_else(|| bad("`parent` is not a node index"))?,
                ),
            };
            let tag = match o.remove("tag") {
                None => String::new(),
                Some(Value::String(t)) => t,
                Some(_) => return Err(bad("`tag` is not a string")),
            };
            let attrs = match o.remove("attrs") {
                None => Attrs::default(),
                Some(Value::Object(a)) => a
                    .into_iter()
                    .map(|(k, v)| match v {
                        Value::String(v) => Ok((k, v)),
                        _ => Err(bad("an attribute value is not a string")),
                    })
                    .collect::<Result<_, _>>()?,
                Some(_) => return Err(bad("`attrs` is not an object")),
            };
            let visible = match o.remove("visible") {
                None => true,
                Some(Value::Bool(b)) => b,
                Some(_) => return Err(bad("`visible` is not a boolean")),
            };
            let text = text(o.remove("text"), "text")?;
            nodes.push(Node {
                parent,
                tag,
                attrs,
                text,
                visible,
                id_class: IdClassCache::default(),
            });
        }
        Ok(Snapshot { url, nodes })
    }

    /// Read the compact form the extension sends (see [`Wire`]). Built and read in one pass with no
    /// JSON tree in between: on a 100 000-node page, JSON text → `serde_json::Value` → `Snapshot`
    /// took more of the panel's time than the analysis itself (scripts/browser-bench.mjs).
    ///
    /// Errors: a node whose parent is not an earlier element, a string not where `lens` says, or
    /// lengths or text left over.
    pub fn from_wire(
        url: Option<String>,
        shape: &[u32],
        text: &str,
        lens: &[u32],
    ) -> Result<Snapshot, String> {
        fn bad(what: &str) -> String {
            format!("bad snapshot: {what}")
        }
        let mut strings = WireStrings {
            text,
            at: 0,
            lens: lens.iter(),
        };
        if shape.len() % 2 != 0 {
            return Err(bad("odd shape"));
        }
        let mut nodes: Vec<Node> = Vec::with_capacity(shape.len() / 2);
        for (i, pair) in shape.chunks_exact(2).enumerate() {
            let (gap, flags) = (pair[0] as usize, pair[1]);
            let parent = match gap {
                0 if i == 0 => None,
                1.. if gap <= i && !nodes[i - gap].is_text() => Some((i - gap) as NodeId),
                _ => return Err(bad(&format!("node {i} has an invalid parent"))),
            };
            let mut node = Node {
                parent,
                tag: String::new(),
                attrs: Attrs::default(),
                text: None,
                visible: flags & 2 == 0,
                id_class: IdClassCache::default(),
            };
            if flags & 1 == 1 {
                node.text = Some(strings.next()?.to_string());
            } else {
                node.tag = strings.next()?.to_string();
                node.attrs =
                    Attrs::with_capacity((flags >> 2).min(KEPT_ATTRIBUTES.len() as u32) as usize);
                for _ in 0..flags >> 2 {
                    let name = strings.next()?.to_string();
                    node.attrs.insert(name, strings.next()?.to_string());
                }
            }
            nodes.push(node);
        }
        if strings.lens.next().is_some() || strings.at != text.len() {
            return Err(bad("strings left over"));
        }
        Ok(Snapshot { url, nodes })
    }

    /// The snapshot of a minimal article page, `<html><body><article><h1>headline</h1><p>paragraph</p>…`
    /// (all visible, no attributes, no URL): what [`crate::warm_up`] analyses.
    pub fn article(headline: &str, paragraphs: &[&str]) -> Snapshot {
        let node = |parent: Option<NodeId>, tag: &str, text: Option<&str>| Node {
            parent,
            tag: tag.to_string(),
            attrs: Attrs::default(),
            text: text.map(str::to_string),
            visible: true,
            id_class: IdClassCache::default(),
        };
        let mut nodes = vec![
            node(None, "html", None),
            node(Some(0), "body", None),
            node(Some(1), "article", None),
            node(Some(2), "h1", None),
            node(Some(3), "", Some(headline)),
        ];
        for text in paragraphs {
            nodes.push(node(Some(2), "p", None));
            nodes.push(node(Some(nodes.len() as NodeId - 1), "", Some(text)));
        }
        Snapshot { url: None, nodes }
    }

    /// The snapshot within the analysis budget: at most [`MAX_NODES`] nodes, each text node cut to
    /// [`MAX_NODE_TEXT`] UTF-16 units and all text together to [`MAX_TOTAL_TEXT`] (JSON-LD exempt), so
    /// that analysis time stays bounded on hostile pages (a 5 MB text node, 200 000 elements).
    /// Borrowed when it already is; cuts keep the start of each text, so every offset into the
    /// bounded snapshot addresses the same characters of the page. No corpus page is cut.
    pub fn bounded(&self) -> std::borrow::Cow<'_, Snapshot> {
        use std::borrow::Cow;
        let counted = |n: &Node| {
            n.parent.is_some_and(|p| {
                self.nodes
                    .get(p as usize)
                    .is_some_and(|p| p.tag != "script")
            })
        };
        // a string has at most as many UTF-16 units as UTF-8 bytes: when the byte lengths are within
        // the limits, so are the units, and the UTF-16 count (a pass over every character) is not needed
        let mut bytes = 0usize;
        let within_bytes = self.nodes.len() <= MAX_NODES
            && self.nodes.iter().all(|n| match n.text.as_deref() {
                Some(t) if counted(n) => {
                    bytes += t.len();
                    t.len() <= MAX_NODE_TEXT && bytes <= MAX_TOTAL_TEXT
                }
                _ => true,
            });
        if within_bytes {
            return Cow::Borrowed(self);
        }
        let mut total = 0usize;
        let within = self.nodes.len() <= MAX_NODES
            && self.nodes.iter().all(|n| match n.text.as_deref() {
                Some(t) if counted(n) => {
                    let units = t.encode_utf16().count();
                    total += units;
                    units <= MAX_NODE_TEXT && total <= MAX_TOTAL_TEXT
                }
                _ => true,
            });
        if within {
            return Cow::Borrowed(self);
        }
        let mut out = Snapshot {
            url: self.url.clone(),
            nodes: Vec::with_capacity(self.nodes.len().min(MAX_NODES)),
        };
        let mut left = MAX_TOTAL_TEXT;
        for n in self.nodes.iter().take(MAX_NODES) {
            let mut n = n.clone();
            if counted(&n) {
                if let Some(t) = n.text.as_mut() {
                    let keep = utf16_prefix_len(t, left.min(MAX_NODE_TEXT));
                    t.truncate(keep.0);
                    left -= keep.1;
                }
            }
            out.nodes.push(n);
        }
        Cow::Owned(out)
    }

    /// Check the arena invariants: parents come before children and are elements.
    pub fn validate(&self) -> Result<(), String> {
        for (i, n) in self.nodes.iter().enumerate() {
            if let Some(p) = n.parent {
                let p = p as usize;
                if p >= i || self.nodes[p].is_text() {
                    return Err(format!("bad snapshot: node {i} has invalid parent {p}"));
                }
            } else if i != 0 {
                return Err(format!("bad snapshot: node {i} has no parent"));
            }
        }
        Ok(())
    }

    /// Ancestors of `id`, nearest first (not including `id`).
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.nodes[id as usize].parent, move |&p| {
            self.nodes[p as usize].parent
        })
    }

    /// Per node: is it, or is it inside, a node for which `opens(id, node)` holds (a region: site
    /// navigation, a comment thread, the page's footer)? One pass in document order, where a parent
    /// comes before its children; `opens` is not asked of nodes already inside a region.
    pub fn regions(&self, mut opens: impl FnMut(NodeId, &Node) -> bool) -> Vec<bool> {
        let mut flags = vec![false; self.nodes.len()];
        for (i, node) in self.nodes.iter().enumerate() {
            flags[i] = node.parent.is_some_and(|p| flags[p as usize]) || opens(i as NodeId, node);
        }
        flags
    }

    /// The first element with this tag, in document order.
    pub fn first_tag(&self, tag: &str) -> Option<NodeId> {
        self.nodes
            .iter()
            .position(|n| n.tag == tag)
            .map(|i| i as NodeId)
    }

    /// All text under `id` concatenated verbatim, in document order (subtree = the contiguous index range
    /// after `id` whose ancestors include `id`).
    pub fn subtree_end(&self, id: NodeId) -> usize {
        // pre-order: the subtree is contiguous, and a node continues it iff its parent lies in it
        let mut end = id as usize + 1;
        while end < self.nodes.len() && self.nodes[end].parent.is_some_and(|p| p >= id) {
            end += 1;
        }
        end
    }

    /// True if `node` is a strict descendant of `ancestor`.
    pub fn is_descendant(&self, node: NodeId, ancestor: NodeId) -> bool {
        node > ancestor && self.ancestors(node).any(|a| a == ancestor)
    }

    /// Raw text content of the subtree under `id` (text nodes concatenated, no whitespace changes).
    pub fn text_content(&self, id: NodeId) -> String {
        let end = self.subtree_end(id);
        self.nodes[id as usize..end]
            .iter()
            .filter_map(|n| n.text.as_deref())
            .collect()
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{decode_page, decode_page_declared};

mod articles;
pub use articles::MIN_STORY_CHARS;
#[cfg(not(target_arch = "wasm32"))]
pub mod depth_guard;
#[cfg(not(target_arch = "wasm32"))]
pub use depth_guard::MAX_DEPTH;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use scraper::ElementRef;

    /// The text of a page file's bytes: gunzipped when they start with the gzip magic number, then
    /// decoded in the encoding the page declares or is detected in ([`crate::decode::decode_html`], no
    /// declared charset), with malformed sequences replaced (U+FFFD).
    ///
    /// Errors: a gzip stream that cannot be decompressed; bytes that are not text (binary data).
    pub fn decode_page(bytes: Vec<u8>) -> Result<String, String> {
        decode_page_declared(bytes, None)
    }

    /// [`decode_page`] with the charset the page was served with (`declared`: an encoding label or a
    /// `Content-Type` value; see [`crate::decode::decode_html`]).
    ///
    /// Errors: as [`decode_page`].
    pub fn decode_page_declared(bytes: Vec<u8>, declared: Option<&str>) -> Result<String, String> {
        use std::io::Read;
        let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .map_err(|e| format!("cannot gunzip: {e}"))?;
            out
        } else {
            bytes
        };
        crate::decode::decode_html(&bytes, declared).map_err(|e| e.to_string())
    }

    impl Snapshot {
        /// Build a snapshot from an HTML document with the html5ever parser (scripting enabled, as in a
        /// browser: `<noscript>` content is raw text, and is skipped anyway).
        ///
        /// Elements are nested at most [`MAX_DEPTH`] deep (see [`depth_guard`]): parsing time stays
        /// linear in the input on pages of pathologically deep unclosed tags.
        pub fn from_html(html: &str, url: Option<&str>) -> Snapshot {
            let doc = depth_guard::parse_document(html);
            let mut snap = Snapshot {
                url: url.map(str::to_string),
                nodes: Vec::new(),
            };
            walk(doc.root_element(), &mut snap.nodes);
            // within the analysis budget, as `extension/snapshot.js` stops its walk
            let cut = match snap.bounded() {
                std::borrow::Cow::Owned(bounded) => Some(bounded),
                std::borrow::Cow::Borrowed(_) => None,
            };
            cut.unwrap_or(snap)
        }
    }

    impl Snapshot {
        /// The compact form of this snapshot ([`Wire`]), as `extension/snapshot.js` builds it.
        pub fn to_wire(&self) -> Wire {
            let mut w = Wire {
                url: self.url.clone(),
                shape: Vec::with_capacity(self.nodes.len() * 2),
                text: String::new(),
                lens: Vec::new(),
            };
            fn piece(w: &mut Wire, s: &str) {
                w.text.push_str(s);
                w.text.push('\0');
                w.lens.push(s.encode_utf16().count() as u32);
            }
            for (i, n) in self.nodes.iter().enumerate() {
                let gap = n.parent.map_or(0, |p| i as u32 - p);
                let flags = u32::from(n.is_text()) | if n.visible { 0 } else { 2 };
                w.shape.push(gap);
                w.shape.push(flags | ((n.attrs.len() as u32) << 2));
                match &n.text {
                    Some(t) => piece(&mut w, t),
                    None => {
                        piece(&mut w, &n.tag);
                        for (k, v) in n.attrs.iter() {
                            piece(&mut w, k);
                            piece(&mut w, v);
                        }
                    }
                }
            }
            w
        }
    }

    /// Elements a shadow root can be attached to (the DOM standard's list; custom elements, whose
    /// names have a hyphen, too).
    const SHADOW_HOSTS: &[&str] = &[
        "article",
        "aside",
        "blockquote",
        "body",
        "div",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "main",
        "nav",
        "p",
        "section",
        "span",
    ];

    /// `open` or `closed` for a `<template shadowrootmode>` declaring a shadow root, else `None`.
    fn shadow_mode(node: Option<ElementRef>) -> Option<&'static str> {
        let el = node?.value();
        if !el.name().eq_ignore_ascii_case("template") {
            return None;
        }
        match el
            .attr("shadowrootmode")?
            .trim()
            .to_ascii_lowercase()
            .as_str()
        {
            "open" => Some("open"),
            "closed" => Some("closed"),
            _ => None,
        }
    }

    /// A step of the walk: visit an element, or emit a text node, under a known parent.
    enum Work<'a> {
        Element(ElementRef<'a>, Option<NodeId>, bool),
        Text(std::borrow::Cow<'a, str>, NodeId, bool),
    }

    /// Depth-first walk with an explicit stack (children pushed in reverse, so they pop in document
    /// order): a page nested 100 000 elements deep must not overflow the thread's stack.
    fn walk(root: ElementRef, out: &mut Vec<Node>) {
        let mut stack = vec![Work::Element(root, None, true)];
        while let Some(work) = stack.pop() {
            let (el, parent, parent_visible) = match work {
                Work::Text(t, parent, visible) => {
                    out.push(Node {
                        parent: Some(parent),
                        tag: String::new(),
                        attrs: Attrs::default(),
                        text: Some(t.into_owned()),
                        visible,
                        id_class: IdClassCache::default(),
                    });
                    continue;
                }
                Work::Element(el, parent, visible) => (el, parent, visible),
            };
            let e = el.value();
            let tag = e.name().to_ascii_lowercase();
            let is_ld_json = tag == "script"
                && e.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if SKIPPED_TAGS.contains(&tag.as_str()) && !is_ld_json {
                continue;
            }
            let mut attrs = Attrs::default();
            for (name, value) in e.attrs() {
                let name = name.to_ascii_lowercase();
                if KEPT_ATTRIBUTES.contains(&name.as_str()) && (name != "href" || tag == "link") {
                    attrs.insert(name, value.to_string());
                }
            }
            let hidden = e.attr("hidden").is_some() || e.attr("style").is_some_and(style_hides);
            let visible = parent_visible && !hidden;
            let id = out.len() as NodeId;
            out.push(Node {
                parent,
                tag,
                attrs,
                text: None,
                visible,
                id_class: IdClassCache::default(),
            });
            // A declarative shadow root (`<template shadowrootmode="open">`, the first such template
            // of a valid host) is what a browser attaches as the host's open shadow root: its content
            // is walked first, as the host's children, like `extension/snapshot.js` walks a live open
            // shadow root. A closed one is invisible to page scripts, so to both builders.
            let mut children: Vec<_> = el.children().collect();
            // a text node merged with the next across a removed template, and the joined text
            let mut merged_text = None;
            if let Some(i) = children
                .iter()
                .position(|c| shadow_mode(ElementRef::wrap(*c)).is_some())
            {
                let template = children.remove(i);
                // the parser never inserts the template, so the text around it is one text node
                if i > 0 && i < children.len() {
                    if let (Some(a), Some(b)) = (
                        children[i - 1].value().as_text(),
                        children[i].value().as_text(),
                    ) {
                        merged_text = Some((children[i - 1], format!("{}{}", &**a, &**b)));
                        children.remove(i);
                    }
                }
                let valid_host = SHADOW_HOSTS.contains(&e.name()) || e.name().contains('-');
                if shadow_mode(ElementRef::wrap(template)) == Some("open") && valid_host {
                    // scraper keeps a template's content in a fragment node, its first child
                    let content: Vec<_> = template
                        .children()
                        .flat_map(|c| match c.value() {
                            scraper::Node::Fragment => c.children().collect::<Vec<_>>(),
                            _ => vec![c],
                        })
                        .collect();
                    children.splice(0..0, content);
                }
            }
            for child in children.into_iter().rev() {
                match child.value() {
                    scraper::Node::Text(t) => {
                        let text = match &merged_text {
                            Some((node, joined)) if *node == child => {
                                std::borrow::Cow::Owned(joined.clone())
                            }
                            _ => std::borrow::Cow::Borrowed(&**t),
                        };
                        stack.push(Work::Text(text, id, visible))
                    }
                    scraper::Node::Element(_) => stack.push(Work::Element(
                        ElementRef::wrap(child).unwrap(),
                        Some(id),
                        visible,
                    )),
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attrs_behave_as_a_sorted_map() {
        let mut a = Attrs::default();
        for (k, v) in [
            ("role", "main"),
            ("class", "x"),
            ("id", "a"),
            ("class", "y"),
        ] {
            a.insert(k.to_string(), v.to_string());
        }
        let pairs: Vec<(&str, &str)> = a.iter().collect();
        assert_eq!(pairs, [("class", "y"), ("id", "a"), ("role", "main")]);
        assert_eq!(
            (a.get("class"), a.get("href"), a.len()),
            (Some("y"), None, 3)
        );
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"class":"y","id":"a","role":"main"}"#);
        assert_eq!(serde_json::from_str::<Attrs>(&json).unwrap(), a);
    }

    #[test]
    fn keeps_text_verbatim_and_skips_scripts() {
        let s = Snapshot::from_html(
            "<html lang=en><body><p class='a' onclick=x>Hi <b>you</b></p><script>var x</script>\
             <script type='application/ld+json'>{\"a\":1}</script><div hidden><p>no</p></div></body></html>",
            None,
        );
        let texts: Vec<_> = s.nodes.iter().filter_map(|n| n.text.clone()).collect();
        assert_eq!(texts, vec!["Hi ", "you", "{\"a\":1}", "no"]);
        let p = s.nodes.iter().find(|n| n.tag == "p").unwrap();
        assert_eq!(p.attr("class"), Some("a"));
        assert_eq!(p.attr("onclick"), None);
        let no = s
            .nodes
            .iter()
            .find(|n| n.text.as_deref() == Some("no"))
            .unwrap();
        assert!(!no.visible);
        s.validate().unwrap();
        assert_eq!(s.nodes[0].tag, "html");
    }

    #[test]
    fn json_round_trip_and_validation() {
        let s = Snapshot::from_html("<p>x</p>", Some("https://e.x/"));
        let back = Snapshot::from_json(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(s, back);
        assert!(
            Snapshot::from_json(r#"{"nodes":[{"tag":"html"},{"parent":5,"text":"x"}]}"#).is_err()
        );
    }

    #[test]
    fn from_json_reads_what_the_derived_deserializer_reads() {
        let page = std::fs::read_to_string("tests/fixtures/sample/xi-putin-summit.html").unwrap();
        let sample = serde_json::to_string(&Snapshot::from_html(&page, None)).unwrap();
        let ok = [
            sample.as_str(),
            r#"{"url":null,"nodes":[{"tag":"html","attrs":{"lang":"en"},"visible":false},{"parent":0,"text":"x","tag":"","extra":[1]}],"x":2}"#,
            r#"{"nodes":[{"tag":"html"},{"parent":0,"text":null}]}"#,
        ];
        for json in ok {
            let derived: Snapshot = serde_json::from_str(json).unwrap();
            assert_eq!(Snapshot::from_json(json).unwrap(), derived);
        }
        let bad = [
            "[]",
            r#"{"url":"u"}"#,
            r#"{"nodes":{}}"#,
            r#"{"nodes":[1]}"#,
            r#"{"nodes":[{"tag":null}]}"#,
            r#"{"nodes":[{"tag":"html"},{"parent":0.0}]}"#,
            r#"{"nodes":[{"tag":"html"},{"parent":-1}]}"#,
            r#"{"nodes":[{"tag":"html"},{"parent":4294967296}]}"#,
            r#"{"nodes":[{"tag":"html","attrs":{"id":1}}]}"#,
            r#"{"nodes":[{"tag":"html","attrs":null}]}"#,
            r#"{"nodes":[{"tag":"html","visible":null}]}"#,
            r#"{"nodes":[{"tag":"html","text":7}]}"#,
            r#"{"url":3,"nodes":[{"tag":"html"}]}"#,
        ];
        for json in bad {
            assert!(serde_json::from_str::<Snapshot>(json).is_err(), "{json}");
            assert!(Snapshot::from_json(json).is_err(), "{json}");
        }
    }

    #[test]
    fn wire_round_trip() {
        let page = std::fs::read_to_string("tests/fixtures/sample/xi-putin-summit.html").unwrap();
        let odd = "<html lang=en><body><p hidden class='b a' id=x>caf\u{e9} \u{1f44b}\u{0}</p>\
                   <div style='display:none'><span>in</span></div><p></p>x<link rel=a href=/y>";
        for html in [page.as_str(), odd, ""] {
            let s = Snapshot::from_html(html, Some("https://e.x/"));
            let w = s.to_wire();
            assert_eq!(w.shape.len(), s.nodes.len() * 2);
            let back = Snapshot::from_wire(w.url.clone(), &w.shape, &w.text, &w.lens).unwrap();
            assert_eq!(back, s);
        }
        let s = Snapshot::from_html(odd, None);
        let hidden = s.nodes.iter().filter(|n| !n.visible).count();
        assert!(hidden >= 4, "the fixture has hidden nodes ({hidden})");
        assert!(s.nodes.iter().any(|n| n.attrs.len() == 2));
    }

    #[test]
    fn wire_refuses_what_does_not_add_up() {
        let s = Snapshot::from_html("<p class=a>x \u{1f44b}</p>", None);
        let w = s.to_wire();
        let read =
            |shape: &[u32], text: &str, lens: &[u32]| Snapshot::from_wire(None, shape, text, lens);
        assert!(read(&w.shape, &w.text, &w.lens).is_ok());
        // every cut of every part fails cleanly, never panics
        for i in 0..w.shape.len() {
            assert!(read(&w.shape[..i], &w.text, &w.lens).is_err());
        }
        for i in 0..w.lens.len() {
            assert!(read(&w.shape, &w.text, &w.lens[..i]).is_err());
        }
        for (i, _) in w.text.char_indices() {
            assert!(read(&w.shape, &w.text[..i], &w.lens).is_err());
        }
        // a length inside the astral character, a parent out of range or on a text node
        let mut lens = w.lens.clone();
        *lens.last_mut().unwrap() -= 1;
        assert!(read(&w.shape, &w.text, &lens).is_err());
        for bad_gap in [0, 99] {
            let mut shape = w.shape.clone();
            shape[2] = bad_gap;
            assert!(read(&shape, &w.text, &w.lens).is_err());
        }
        let text_parent =
            Snapshot::from_wire(None, &[0, 0, 1, 1, 1, 1], "html\0a\0b\0", &[4, 1, 1]);
        assert!(text_parent.is_err());
    }

    #[test]
    fn inline_styles_that_hide() {
        assert!(style_hides("color:red; display : none"));
        assert!(style_hides("VISIBILITY:hidden !important"));
        assert!(!style_hides("display:block"));
    }
}
