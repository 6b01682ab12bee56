//! A nesting-depth cap for the native HTML parser, so that hostile pages parse in linear time.
//!
//! html5ever follows the HTML tree-construction algorithm literally: many start tags (`<div>`,
//! `<p>`, `<li>`, headings, ...) first look down the *stack of open elements* for an element in
//! scope, which costs time proportional to the nesting depth. A page of 20 000 unclosed `<div>`s
//! therefore took 3.8 s to parse and 100 000 took over a minute (quadratic).
//!
//! Browsers bound the depth of the tree they build (Chromium attaches elements below depth 512 to the
//! element at that depth). Lede does the same at [`MAX_DEPTH`], between html5ever's tokenizer and its
//! tree builder: a
//! [`TreeSink`] wrapper records every element's depth, and when a start tag creates an element deeper
//! than [`MAX_DEPTH`], the guard closes it again at once with a synthetic end tag (and later swallows
//! the page's own end tag for it). The element stays in the tree, empty, and what the page nested
//! inside it becomes content of the element at the cap. The stack of open elements therefore stays
//! about [`MAX_DEPTH`] deep, and each scope check is bounded.
//!
//! No real page comes near the cap (the deepest snapshot of the shared corpora nests 38 elements),
//! so only hostile pages see a difference; the browser's own snapshot of such a page
//! (`extension/snapshot.js`, built by the browser's parser) differs in the same way Chromium's
//! and html5ever's trees already differ there (`docs/snapshot.md`).

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, EndTag, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use html5ever::tree_builder::{
    Attribute, ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{local_name, ns, LocalName, QualName};
use scraper::{Html, HtmlTreeSink};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;

/// The deepest element nesting the native parser builds (elements below the document). Chromium's
/// parser stops at 512 (`kMaximumHTMLParserDOMTreeDepth`); half of that is still about seven times
/// the deepest corpus page and halves the worst-case time (each scope check scans up to this many).
pub const MAX_DEPTH: u32 = 256;

type Handle = <HtmlTreeSink as TreeSink>::Handle;

/// Parse a whole document as `scraper::Html::parse_document` does, with the depth cap.
pub fn parse_document(html: &str) -> Html {
    let sink = DepthSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        depth: RefCell::new(HashMap::new()),
        last_created: Cell::new(None),
    };
    let guard = Guard {
        builder: TreeBuilder::new(sink, TreeBuilderOpts::default()),
        closed: RefCell::new(Vec::new()),
    };
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // `feed` stops after each `</script>` (for a browser to run it); we run nothing and go on.
    while !matches!(tokenizer.feed(&input), html5ever::TokenizerResult::Done) {}
    tokenizer.end();
    let Guard { builder, .. } = tokenizer.sink;
    builder.sink.inner.finish()
}

/// HTML void elements and the legacy ones html5ever inserts without pushing on the stack of open
/// elements: they never hold content, so they are never closed early.
fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("frame")
            | local_name!("hr")
            | local_name!("image")
            | local_name!("img")
            | local_name!("input")
            | local_name!("keygen")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
    )
}

/// The token filter between the tokenizer and the tree builder.
struct Guard {
    builder: TreeBuilder<Handle, DepthSink>,
    /// Names of the elements closed early, innermost last: their own end tags are dropped.
    closed: RefCell<Vec<LocalName>>,
}

impl TokenSink for Guard {
    type Handle = Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Handle> {
        let TagToken(tag) = token else {
            return self.builder.process_token(token, line_number);
        };
        if tag.kind == EndTag {
            let mut closed = self.closed.borrow_mut();
            if closed.last() == Some(&tag.name) {
                closed.pop();
                return TokenSinkResult::Continue;
            }
            drop(closed);
            return self.builder.process_token(TagToken(tag), line_number);
        }
        debug_assert!(tag.kind == StartTag);
        let (name, self_closing) = (tag.name.clone(), tag.self_closing);
        self.builder.sink.last_created.set(None);
        let result = self.builder.process_token(TagToken(tag), line_number);
        // Only when the tokenizer goes on as usual: an element switching it to raw text
        // (`<script>`, `<textarea>`, `<plaintext>`...) holds no elements and must see its own end tag.
        if !matches!(result, TokenSinkResult::Continue) {
            return result;
        }
        let Some(created) = self.builder.sink.last_created.get() else {
            return result;
        };
        let sink = &self.builder.sink;
        if sink.depth_of(&created) <= MAX_DEPTH {
            return result;
        }
        let html = *sink.inner.elem_name(&created).ns == ns!(html);
        // Void HTML elements and self-closing foreign ones are never pushed on the stack.
        if (html && is_void(&name)) || (!html && self_closing) {
            return result;
        }
        let end = Tag {
            kind: EndTag,
            name: name.clone(),
            self_closing: false,
            attrs: Vec::new(),
            had_duplicate_attributes: false,
        };
        let _ = self.builder.process_token(TagToken(end), line_number);
        self.closed.borrow_mut().push(name);
        result
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// scraper's tree sink, plus the depth of every node in the tree (the document is depth 0).
struct DepthSink {
    inner: HtmlTreeSink,
    depth: RefCell<HashMap<Handle, u32>>,
    /// The element created last, for the guard to check after each start tag.
    last_created: Cell<Option<Handle>>,
}

impl DepthSink {
    fn depth_of(&self, node: &Handle) -> u32 {
        self.depth.borrow().get(node).copied().unwrap_or(0)
    }

    fn placed(&self, node: &NodeOrText<Handle>, depth: u32) {
        if let NodeOrText::AppendNode(id) = node {
            self.depth.borrow_mut().insert(*id, depth);
        }
    }
}

impl TreeSink for DepthSink {
    type Handle = Handle;
    type Output = Html;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }
    fn get_document(&self) -> Handle {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Handle) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let id = self.inner.create_element(name, attrs, flags);
        self.last_created.set(Some(id));
        id
    }
    fn create_comment(&self, text: StrTendril) -> Handle {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.placed(&child, self.depth_of(parent) + 1);
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let depth = self.depth_of(element).max(self.depth_of(prev_element) + 1);
        self.placed(&child, depth);
        self.inner
            .append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(&self, name: StrTendril, public: StrTendril, system: StrTendril) {
        self.inner.append_doctype_to_document(name, public, system)
    }
    fn mark_script_already_started(&self, node: &Handle) {
        self.inner.mark_script_already_started(node)
    }
    fn pop(&self, node: &Handle) {
        self.inner.pop(node)
    }
    fn get_template_contents(&self, target: &Handle) -> Handle {
        let contents = self.inner.get_template_contents(target);
        let depth = self.depth_of(target);
        self.depth.borrow_mut().insert(contents, depth);
        contents
    }
    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        self.placed(&new_node, self.depth_of(sibling));
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn associate_with_form(
        &self,
        target: &Handle,
        form: &Handle,
        nodes: (&Handle, Option<&Handle>),
    ) {
        self.inner.associate_with_form(target, form, nodes)
    }
    fn remove_from_parent(&self, target: &Handle) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        // The moved children keep their recorded depth (the adoption agency moves them by a level or
        // two); the cap is a bound on work, not an exact browser rule.
        self.inner.reparent_children(node, new_parent)
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }
    fn set_current_line(&self, line_number: u64) {
        self.inner.set_current_line(line_number)
    }
    fn allow_declarative_shadow_roots(&self, intended_parent: &Handle) -> bool {
        self.inner.allow_declarative_shadow_roots(intended_parent)
    }
    fn attach_declarative_shadow(
        &self,
        location: &Handle,
        template: &Handle,
        attrs: &[Attribute],
    ) -> bool {
        self.inner
            .attach_declarative_shadow(location, template, attrs)
    }
    fn maybe_clone_an_option_into_selectedcontent(&self, option: &Handle) {
        self.inner
            .maybe_clone_an_option_into_selectedcontent(option)
    }
}
