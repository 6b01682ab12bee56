//! The extension panel (wasm32 only): a thin shell that renders a [`Summary`] with web-sys.
//!
//! `extension/panel.js` calls [`mount`] with the panel's root element, the page snapshot (in the
//! compact form built by `extension/snapshot.js`), a `send` callback and the reader's saved [`Prefs`]. Everything the
//! panel shows is built here from elements and text nodes: page strings only ever reach the DOM
//! through `create_text_node`, `set_text_content` or attribute values, never through HTML parsing.
//!
//! The panel talks back through `send(message)` with plain objects (see [`Message`]): `copy` and
//! `savePrefs` are handled by panel.js (the clipboard belongs to the panel document; settings are
//! kept by the background script); the others go to the content script, which owns the page: highlights, scrolling,
//! placing, resizing and closing the iframe.
//!
//! Keyboard: focus starts on Copy; Tab walks the header controls, the bullets, the quotes and each
//! entity group (one tab stop per group: the chips are a toolbar with a roving `tabindex`); the
//! quote list and the entity list scroll on their own and are tab stops too (the keyboard scrolls
//! them); the arrow keys, Home and End move between entity chips (mirrored for right-to-left
//! articles); Esc closes the copy options if open, else the panel (panel.js).
//!
//! Three delegated listeners on the root (click, change, keydown) handle every control: controls
//! carry a `data-act` (and `data-i` / `data-type`), so the panel needs three long-lived
//! [`Closure`]s rather than one per control. They are leaked on purpose: they must live as long as
//! the panel document, which is discarded whole when the panel closes.

use crate::render::{self, display_quote, human_date, join_names, Format, Sections};
use crate::summary::{BulletKind, Entity, EntityType, Quote, Summary, TextRange};
use crate::{summarize, Snapshot};
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, KeyboardEvent};

/// Entity groups in display order: type, section title, CSS class (matches `highlight.css` names).
const ENTITY_GROUPS: [(EntityType, &str, &str); 3] = [
    (EntityType::Person, "People", "person"),
    (EntityType::Org, "Organisations", "org"),
    (EntityType::Place, "Places", "place"),
];

/// Copy formats offered in the panel: format, preference key, label.
const COPY_FORMATS: [(Format, &str, &str); 3] = [
    (Format::Markdown, "markdown", "Markdown"),
    (Format::Text, "text", "Plain text"),
    (Format::Html, "html", "Rich text"),
];

/// Quotes shown before "Show all": enough for a typical article, short enough to reach the entities.
const QUOTE_PREVIEW: usize = 8;
/// Entity chips shown per type before "Show more".
const CHIP_PREVIEW: usize = 16;

/// Shown when the page states no headline at all.
const NO_HEADLINE: &str = "Untitled page";
/// Shown when there is no article and the core gave no reason.
const NO_ARTICLE: &str = "Lede found no article on this page.";

/// Shown in the entity section when [`Panel::highlights_on`] is false.
const HIGHLIGHTS_OFF: &str =
    "This page is very large, so Lede does not highlight names in it (the page would freeze while the browser restyles it). Click a name to scroll to it.";

/// A range as the content script takes it: `[node, start, end]` (UTF-16 offsets).
type WireRange = [u32; 3];

/// The reader's panel settings, kept by the background script in the extension's own IndexedDB
/// (no `storage` permission needed) and handed to [`mount`] by panel.js. Unknown or missing fields take defaults.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Prefs {
    /// Copy format: `markdown` (default), `text` or `html`.
    pub copy_format: Option<String>,
    /// Leave the quotes out of copies.
    pub copy_without_quotes: bool,
    /// Leave the entities out of copies.
    pub copy_without_entities: bool,
    /// The panel starts collapsed to its header bar.
    pub collapsed: bool,
    /// `left` or `right`; unset: right for left-to-right articles, left for right-to-left ones.
    pub side: Option<String>,
}

impl Prefs {
    /// Read the plain object panel.js passes: the fields by their camelCase names, a missing or
    /// `null` one taking its default. `None` when `value` is not an object or a field has the wrong
    /// type (the caller then uses all defaults). Read by hand rather than with serde: a deserializer
    /// would bring its error formatting (floats included) into the wasm for five fields.
    pub fn from_js(value: &JsValue) -> Option<Prefs> {
        if !value.is_object() {
            return None;
        }
        // `Some(None)`: the field is absent (or explicitly `undefined`); `None`: it cannot be read.
        let field = |name: &str| -> Option<Option<JsValue>> {
            let v = js_sys::Reflect::get(value, &JsValue::from_str(name)).ok()?;
            Some(Some(v).filter(|v| !v.is_undefined()))
        };
        let flag = |name: &str| match field(name)? {
            None => Some(false),
            Some(v) => v.as_bool(),
        };
        let text = |name: &str| match field(name)? {
            Some(v) if !v.is_null() => v.as_string().map(Some),
            _ => Some(None),
        };
        Some(Prefs {
            copy_format: text("copyFormat")?,
            copy_without_quotes: flag("copyWithoutQuotes")?,
            copy_without_entities: flag("copyWithoutEntities")?,
            collapsed: flag("collapsed")?,
            side: text("side")?,
        })
    }
}

/// Messages from the panel, serialised to plain objects with a `type` field.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
enum Message<'a> {
    /// Paint every entity mention, grouped by type label (`PERSON`, `ORG`, `PLACE`): an object with
    /// the labels in sorted order.
    Highlights {
        #[serde(serialize_with = "as_object")]
        groups: Vec<(&'static str, Vec<WireRange>)>,
    },
    /// Show or hide one type's highlights.
    ToggleType {
        #[serde(rename = "entityType")]
        entity_type: &'static str,
        on: bool,
    },
    /// Scroll the first range into view and flash all of them.
    ScrollTo { ranges: Vec<WireRange> },
    /// Shrink the iframe to the header bar, or restore it.
    Collapse { collapsed: bool },
    /// Put the iframe on the `left` or `right` edge of the window.
    Place { side: &'a str },
    /// Remove the panel and all highlights.
    Close,
    /// Put the summary on the clipboard (handled in panel.js): `text` always, `html` for rich text.
    Copy {
        text: &'a str,
        html: Option<&'a str>,
        label: &'a str,
    },
    /// Store the settings (handled in panel.js).
    SavePrefs { prefs: &'a Prefs },
}

/// Pairs as a JSON object, keys in the pairs' order (a `Vec` rather than a `BTreeMap`: a map type of
/// its own was 2 KB of wasm).
fn as_object<S: serde::Serializer>(
    pairs: &[(&'static str, Vec<WireRange>)],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

fn wire(ranges: &[TextRange]) -> Vec<WireRange> {
    ranges.iter().map(|r| [r.node, r.start, r.end]).collect()
}

/// Plain objects and arrays (maps as objects, `None` as `null`), so messages survive the port's
/// JSON-style serialisation unchanged.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // Through JSON text: serde_json is in the wasm anyway, a second serializer was 2.5 KB gzipped.
    let json = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

/// The snapshot in the compact form `extension/snapshot.js` sends: a plain object `{url, shape,
/// text, lens}` (see [`Snapshot::from_wire`]; `shape` and `lens` arrays or typed arrays of numbers).
fn read_snapshot(wire: &JsValue) -> Result<Snapshot, String> {
    let field = |name: &str| js_sys::Reflect::get(wire, &JsValue::from_str(name)).ok();
    let numbers = |name: &str| match field(name) {
        Some(v) if v.is_object() => Ok(js_sys::Uint32Array::new(&v).to_vec()),
        _ => Err(format!("bad snapshot: no `{name}`")),
    };
    if !wire.is_object() {
        return Err("bad snapshot: not an object".to_string());
    }
    let text = field("text")
        .and_then(|t| t.as_string())
        .ok_or_else(|| "bad snapshot: no `text`".to_string())?;
    let url = field("url").and_then(|u| u.as_string());
    Snapshot::from_wire(url, &numbers("shape")?, &text, &numbers("lens")?)
}

/// Analyse the snapshot and render the panel into `root`, with the reader's saved `prefs` (a plain
/// object; `undefined` or anything malformed means defaults).
///
/// `snapshot` is the compact form `extension/snapshot.js` builds (`{url, shape, text, lens}`, see
/// [`Snapshot::from_wire`]). Returns the [`Summary`] as a plain object (for debugging and tests). On a
/// malformed snapshot the panel shows a readable error (with a working Close button) and the error is
/// also returned.
#[wasm_bindgen]
pub fn mount(
    root: Element,
    snapshot: JsValue,
    send: js_sys::Function,
    prefs: JsValue,
) -> Result<JsValue, JsValue> {
    let doc = root
        .owner_document()
        .ok_or_else(|| JsValue::from_str("panel root is not in a document"))?;
    let prefs = Prefs::from_js(&prefs).unwrap_or_default();
    let clock = web_sys::window().and_then(|w| w.performance());
    let now = || clock.as_ref().map_or(0.0, |p| p.now());
    let started = now();
    let snap = match read_snapshot(&snapshot) {
        Ok(snap) => snap,
        Err(e) => {
            let panel = Panel::new(doc, root, send, Summary::default(), prefs, false);
            panel.borrow().render_error(&format!(
                "Lede could not read this page ({e}). Reload the page and try again."
            ))?;
            return Err(JsValue::from_str(&e));
        }
    };
    let parsed = now();
    let summary = summarize(&snap);
    let analysed = now();
    let result = to_js(&summary)?;
    let highlights_on = snap.nodes.len() <= crate::snapshot::HIGHLIGHT_MAX_NODES;
    let panel = Panel::new(doc, root, send, summary, prefs, highlights_on);
    {
        let p = panel.borrow();
        p.render()?;
        p.send_layout()?;
        p.send_highlights()?;
        p.focus_first();
    }
    record_timings([
        ("parseMs", parsed - started),
        ("analyseMs", analysed - started),
        ("renderMs", now() - analysed),
    ]);
    Ok(result)
}

/// Analyse a small built-in article once ([`crate::warm_up`]), while the panel waits for the page's
/// snapshot, so the page's analysis starts on compiled code and built word sets. Nothing is rendered.
#[wasm_bindgen]
pub fn warm_up() {
    crate::warm_up();
}

/// Put `parseMs` (compact form → snapshot), `analyseMs` (→ snapshot → summary) and `renderMs` (summary
/// → panel DOM, highlights sent) on `globalThis.ledeTimings` when panel.js has created it (for
/// scripts/browser-bench.mjs).
fn record_timings(timings_ms: [(&str, f64); 3]) {
    let Ok(timings) = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("ledeTimings"))
    else {
        return;
    };
    if !timings.is_object() {
        return;
    }
    for (key, value) in timings_ms {
        let _ = js_sys::Reflect::set(&timings, &JsValue::from_str(key), &JsValue::from_f64(value));
    }
}

/// The panel's state; shared by the event handlers.
struct Panel {
    doc: Document,
    root: Element,
    send: js_sys::Function,
    summary: Summary,
    prefs: Prefs,
    /// Per entity: how many times it was clicked (the next mention to show, modulo the count).
    mention_cursor: Vec<usize>,
    group_quotes: bool,
    all_quotes: bool,
    /// Entity types whose chips are all shown.
    expanded_types: Vec<EntityType>,
    /// False on a page too large to paint inline highlights without freezing it
    /// ([`crate::snapshot::HIGHLIGHT_MAX_NODES`]): no highlight ranges go to the page and the
    /// entity section says why.
    highlights_on: bool,
}

impl Panel {
    fn new(
        doc: Document,
        root: Element,
        send: js_sys::Function,
        summary: Summary,
        prefs: Prefs,
        highlights_on: bool,
    ) -> Rc<RefCell<Panel>> {
        let panel = Rc::new(RefCell::new(Panel {
            mention_cursor: vec![0; summary.entities.len()],
            doc,
            root: root.clone(),
            send,
            summary,
            prefs,
            group_quotes: false,
            all_quotes: false,
            expanded_types: Vec::new(),
            highlights_on,
        }));
        type Handler = fn(&mut Panel, &Event) -> Result<(), JsValue>;
        let handlers: [(&str, Handler); 3] = [
            ("click", Panel::on_click),
            ("change", Panel::on_change),
            ("keydown", Panel::on_key),
        ];
        for (name, handler) in handlers {
            let handler_panel = Rc::clone(&panel);
            let listener = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                // A re-entrant event (focus() inside a handler can fire another) is dropped, not a panic.
                let Ok(mut p) = handler_panel.try_borrow_mut() else {
                    return;
                };
                if let Err(err) = handler(&mut p, &e) {
                    web_sys::console::error_2(&JsValue::from_str("Lede panel:"), &err);
                }
            });
            // Registration only fails on a detached root; the panel then has no controls anyway.
            let _ = root.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
            listener.forget();
        }
        panel
    }

    fn post(&self, msg: &Message) -> Result<(), JsValue> {
        self.send.call1(&JsValue::NULL, &to_js(msg)?)?;
        Ok(())
    }

    fn save_prefs(&self) -> Result<(), JsValue> {
        self.post(&Message::SavePrefs { prefs: &self.prefs })
    }

    fn rtl(&self) -> bool {
        self.summary.dir.as_deref() == Some("rtl")
    }

    /// The side the panel sits on: the reader's choice, else the article's reading end.
    fn side(&self) -> &str {
        match self.prefs.side.as_deref() {
            Some("left") => "left",
            Some("right") => "right",
            _ if self.rtl() => "left",
            _ => "right",
        }
    }

    fn copy_format(&self) -> (Format, &'static str, &'static str) {
        let key = self.prefs.copy_format.as_deref().unwrap_or("markdown");
        COPY_FORMATS
            .into_iter()
            .find(|(_, k, _)| *k == key)
            .unwrap_or(COPY_FORMATS[0])
    }

    /// Place the iframe and restore the collapsed state.
    fn send_layout(&self) -> Result<(), JsValue> {
        self.post(&Message::Place { side: self.side() })?;
        if self.prefs.collapsed {
            self.post(&Message::Collapse { collapsed: true })?;
        }
        Ok(())
    }

    fn send_highlights(&self) -> Result<(), JsValue> {
        // every type has a group (ENTITY_GROUPS lists them all); labels sorted, as they always were
        let mut kinds: Vec<EntityType> = ENTITY_GROUPS.iter().map(|g| g.0).collect();
        crate::sort::by_key(&mut kinds, |t| t.label());
        let groups = kinds
            .into_iter()
            .map(|kind| {
                let ranges = (self.summary.entities.iter())
                    .filter(|e| self.highlights_on && e.kind == kind)
                    .flat_map(|e| &e.mentions)
                    .flat_map(|m| wire(&m.ranges))
                    .collect();
                (kind.label(), ranges)
            })
            .collect();
        self.post(&Message::Highlights { groups })
    }

    /// Focus the first control (Copy, or Close in the error view), so the keyboard is in the panel.
    fn focus_first(&self) {
        if let Ok(Some(first)) = self.root.query_selector("button") {
            focus(&first);
        }
    }

    // ----- building blocks -------------------------------------------------------------------

    fn el(&self, tag: &str, class: &str) -> Result<Element, JsValue> {
        let e = self.doc.create_element(tag)?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        Ok(e)
    }

    fn text_el(&self, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
        let e = self.el(tag, class)?;
        e.set_text_content(Some(text));
        Ok(e)
    }

    /// An element holding the page's own words: it takes the page's language and direction, while
    /// the panel's chrome (headings, buttons, messages) stays in the UI's.
    fn page_text(&self, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
        let e = self.text_el(tag, class, text)?;
        self.mark_page_text(&e)?;
        Ok(e)
    }

    fn mark_page_text(&self, e: &Element) -> Result<(), JsValue> {
        let s = &self.summary;
        if let Some(lang) = s.lang.as_deref().filter(|l| !l.is_empty()) {
            e.set_attribute("lang", lang)?;
        }
        let dir = s.dir.as_deref().filter(|d| matches!(*d, "ltr" | "rtl"));
        e.set_attribute("dir", dir.unwrap_or("auto"))
    }

    fn button(&self, class: &str, act: &str, label: &str) -> Result<Element, JsValue> {
        let b = self.text_el("button", class, label)?;
        b.set_attribute("type", "button")?;
        b.set_attribute("data-act", act)?;
        Ok(b)
    }

    // ----- rendering -------------------------------------------------------------------------

    /// Build the whole panel detached, then swap it in: a failure half-way leaves the loading view
    /// for panel.js to replace with its own message, never a half-drawn panel.
    fn render(&self) -> Result<(), JsValue> {
        let bar = self.header_bar(true)?;
        let options = self.copy_options()?;
        let body = self.el("main", "content")?;
        body.set_attribute("id", "lede-content")?;
        body.set_attribute("aria-labelledby", "lede-headline")?;
        let s = &self.summary;
        let headline = self.page_text(
            "h1",
            "headline",
            s.headline.as_deref().unwrap_or(NO_HEADLINE),
        )?;
        headline.set_attribute("id", "lede-headline")?;
        add(&body, &headline)?;
        if let Some(meta) = self.meta_line()? {
            add(&body, &meta)?;
        }
        if !s.article_found {
            let msg = s.message.as_deref().unwrap_or(NO_ARTICLE);
            add(&body, &self.text_el("p", "notice", msg)?)?;
        } else if let Some(msg) = &s.message {
            add(&body, &self.text_el("p", "notice subtle", msg)?)?;
        }
        if let Some(section) = self.bullets_section()? {
            add(&body, &section)?;
        }
        if let Some(section) = self.quotes_section()? {
            add(&body, &section)?;
        }
        if let Some(section) = self.entities_section()? {
            add(&body, &section)?;
        }
        add(
            &body,
            &self.text_el(
                "p",
                "footer",
                "Summarised on this device · nothing leaves your browser",
            )?,
        )?;
        // The whole panel mirrors for right-to-left articles (page text carries its own dir too).
        if let Some(html) = self.doc.document_element() {
            html.set_attribute("dir", if self.rtl() { "rtl" } else { "ltr" })?;
        }
        self.root.set_text_content(None);
        add(&self.root, &bar)?;
        add(&self.root, &options)?;
        add(&self.root, &body)?;
        self.root
            .class_list()
            .toggle_with_force("collapsed", self.prefs.collapsed)?;
        self.root.set_attribute("data-state", "ready")
    }

    /// "By A and B · Site · 4 Feb 2022", leaving out what is unknown; the date never wraps.
    fn meta_line(&self) -> Result<Option<Element>, JsValue> {
        let s = &self.summary;
        let mut parts = Vec::new();
        if !s.byline.is_empty() {
            let by = self.el("span", "")?;
            by.append_child(&self.doc.create_text_node("By "))?;
            add(&by, &self.page_text("span", "", &join_names(&s.byline))?)?;
            parts.push(by);
        }
        if let Some(site) = s.site_name.as_deref().filter(|x| !x.is_empty()) {
            parts.push(self.page_text("span", "", site)?);
        }
        if let Some(date) = s.published.as_deref().filter(|x| !x.is_empty()) {
            let time = self.text_el("time", "date", &human_date(date))?;
            time.set_attribute("datetime", date)?;
            parts.push(time);
        }
        if parts.is_empty() {
            return Ok(None);
        }
        let meta = self.el("p", "meta")?;
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                meta.append_child(&self.doc.create_text_node(" · "))?;
            }
            add(&meta, part)?;
        }
        Ok(Some(meta))
    }

    fn render_error(&self, message: &str) -> Result<(), JsValue> {
        self.root.set_text_content(None);
        self.root.set_attribute("data-state", "error")?;
        add(&self.root, &self.header_bar(false)?)?;
        let body = self.el("main", "content")?;
        add(&body, &self.text_el("p", "notice error", message)?)?;
        add(&self.root, &body)?;
        self.focus_first();
        Ok(())
    }

    fn header_bar(&self, full: bool) -> Result<Element, JsValue> {
        let bar = self.el("header", "bar")?;
        let logo = self.el("span", "logo")?;
        let mark = self.text_el("span", "mark", "L")?;
        mark.set_attribute("aria-hidden", "true")?;
        add(&logo, &mark)?;
        logo.append_child(&self.doc.create_text_node("Lede"))?;
        add(&bar, &logo)?;
        add(&bar, &self.el("span", "spacer")?)?;
        if full {
            let (_, _, label) = self.copy_format();
            let copy = self.button("text", "copy", "Copy")?;
            copy.set_attribute("title", &format!("Copy the summary as {label}"))?;
            add(&bar, &copy)?;
            let options = self.button("icon small", "copy-options", "▾")?;
            options.set_attribute("aria-label", "Copy options")?;
            options.set_attribute("title", "Copy options")?;
            options.set_attribute("aria-expanded", "false")?;
            options.set_attribute("aria-controls", "lede-copy-options")?;
            add(&bar, &options)?;
            let side = self.button("icon small", "side", "⇄")?;
            self.label_side_button(&side)?;
            add(&bar, &side)?;
            let collapsed = self.prefs.collapsed;
            let collapse = self.button(
                "text",
                "collapse",
                if collapsed { "Expand" } else { "Collapse" },
            )?;
            collapse.set_attribute("aria-expanded", if collapsed { "false" } else { "true" })?;
            collapse.set_attribute("aria-controls", "lede-content")?;
            collapse.set_attribute(
                "title",
                if collapsed {
                    "Expand the panel"
                } else {
                    "Collapse the panel"
                },
            )?;
            add(&bar, &collapse)?;
        }
        let close = self.button("icon", "close", "×")?;
        close.set_attribute("aria-label", "Close")?;
        close.set_attribute("title", "Close (Esc)")?;
        add(&bar, &close)?;
        Ok(bar)
    }

    fn label_side_button(&self, button: &Element) -> Result<(), JsValue> {
        let other = if self.side() == "left" {
            "right"
        } else {
            "left"
        };
        let label = format!("Move the panel to the {other}");
        button.set_attribute("aria-label", &label)?;
        button.set_attribute("title", &label)
    }

    /// The copy options (format and optional sections): native radio buttons and checkboxes in a
    /// region the ▾ button shows and hides.
    fn copy_options(&self) -> Result<Element, JsValue> {
        let panel = self.el("div", "copy-options")?;
        panel.set_attribute("id", "lede-copy-options")?;
        panel.set_attribute("role", "region")?;
        panel.set_attribute("aria-label", "Copy options")?;
        panel.set_attribute("hidden", "")?;
        let formats = self.el("fieldset", "")?;
        add(&formats, &self.text_el("legend", "", "Copy as")?)?;
        let (_, current, _) = self.copy_format();
        for (_, key, label) in COPY_FORMATS {
            let input = self.el("input", "")?;
            input.set_attribute("type", "radio")?;
            input.set_attribute("name", "lede-format")?;
            input.set_attribute("value", key)?;
            input.set_attribute("data-act", "format")?;
            if key == current {
                input.set_attribute("checked", "")?;
            }
            add(&formats, &self.labelled(&input, label)?)?;
        }
        add(&panel, &formats)?;
        let include = self.el("fieldset", "")?;
        add(&include, &self.text_el("legend", "", "Include")?)?;
        for (act, label, on) in [
            ("with-quotes", "Quotes", !self.prefs.copy_without_quotes),
            (
                "with-entities",
                "Entities",
                !self.prefs.copy_without_entities,
            ),
        ] {
            let input = self.el("input", "")?;
            input.set_attribute("type", "checkbox")?;
            input.set_attribute("data-act", act)?;
            if on {
                input.set_attribute("checked", "")?;
            }
            add(&include, &self.labelled(&input, label)?)?;
        }
        add(&panel, &include)?;
        Ok(panel)
    }

    fn labelled(&self, input: &Element, text: &str) -> Result<Element, JsValue> {
        let label = self.el("label", "")?;
        add(&label, input)?;
        label.append_child(&self.doc.create_text_node(text))?;
        Ok(label)
    }

    fn section(&self, class: &str, title: &str) -> Result<(Element, Element), JsValue> {
        let section = self.el("section", class)?;
        let head = self.el("div", "section-head")?;
        let id = format!("lede-h-{class}");
        let h2 = self.text_el("h2", "", title)?;
        h2.set_attribute("id", &id)?;
        section.set_attribute("aria-labelledby", &id)?;
        add(&head, &h2)?;
        add(&section, &head)?;
        Ok((section, head))
    }

    /// A section's list that scrolls on its own under the section's heading (a bounded height in
    /// panel.css), so 60 quotes or 200 entities never push the other sections out of reach. It is a
    /// named group and a tab stop of its own, so the keyboard can scroll it (arrows, Page Up/Down)
    /// even where it holds no focusable item (quotes or entities that could not be located).
    fn scroller(&self, class: &str, label: &str) -> Result<Element, JsValue> {
        let list = self.el("div", &format!("{class} scroller"))?;
        list.set_attribute("role", "group")?;
        list.set_attribute("aria-label", label)?;
        list.set_attribute("tabindex", "0")?;
        Ok(list)
    }

    fn bullets_section(&self) -> Result<Option<Element>, JsValue> {
        let s = &self.summary;
        if s.bullets.is_empty() && s.bullet_details.is_empty() {
            return Ok(None);
        }
        let from_page = !s.bullet_details.is_empty()
            && s.bullet_details.iter().all(|b| b.kind == BulletKind::Page);
        let (section, head) = self.section("bullets", "Summary")?;
        let kind = if from_page {
            "From the page"
        } else {
            "Key points"
        };
        add(&head, &self.text_el("span", "kind", kind)?)?;
        let list = self.el("ul", "bullet-list")?;
        if s.bullet_details.is_empty() {
            for text in &s.bullets {
                let li = self.el("li", "")?;
                self.mark_page_text(&li)?;
                add(&li, &self.page_text("span", "item static", text)?)?;
                add(&list, &li)?;
            }
        } else {
            for (i, b) in s.bullet_details.iter().enumerate() {
                let li = self.el("li", "")?;
                self.mark_page_text(&li)?;
                let item = self.locatable("item", "bullet", i, &b.ranges, &b.text)?;
                if !from_page && b.kind == BulletKind::Page {
                    item.set_attribute("title", "From the page")?;
                }
                add(&li, &item)?;
                add(&list, &li)?;
            }
        }
        add(&section, &list)?;
        Ok(Some(section))
    }

    /// A button that scrolls the page to `ranges`, or a plain span when there is nowhere to go.
    fn locatable(
        &self,
        class: &str,
        act: &str,
        i: usize,
        ranges: &[TextRange],
        text: &str,
    ) -> Result<Element, JsValue> {
        if ranges.is_empty() {
            return self.page_text("span", &format!("{class} static"), text);
        }
        let b = self.button(class, act, text)?;
        self.mark_page_text(&b)?;
        b.set_attribute("data-i", &i.to_string())?;
        b.set_attribute("title", "Show in the page")?;
        Ok(b)
    }

    fn shown_quotes(&self) -> impl Iterator<Item = (usize, &Quote)> {
        self.summary
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| !q.fragment)
    }

    fn quotes_section(&self) -> Result<Option<Element>, JsValue> {
        let count = self.shown_quotes().count();
        if count == 0 {
            return Ok(None);
        }
        let (section, head) = self.section("quotes", "Quotes")?;
        add(&head, &self.text_el("span", "count", &count.to_string())?)?;
        add(&head, &self.el("span", "spacer")?)?;
        let toggle = self.button("toggle", "group-quotes", "Group by speaker")?;
        toggle.set_attribute("aria-pressed", "false")?;
        add(&head, &toggle)?;
        let list = self.scroller("quote-list", "Quotes, scrollable")?;
        list.set_attribute("id", "lede-quote-list")?;
        self.fill_quotes(&list)?;
        add(&section, &list)?;
        if count > QUOTE_PREVIEW {
            let more = self.button("more", "more-quotes", "")?;
            more.set_attribute("aria-controls", "lede-quote-list")?;
            self.label_more_quotes(&more, count)?;
            add(&section, &more)?;
        }
        Ok(Some(section))
    }

    fn label_more_quotes(&self, button: &Element, count: usize) -> Result<(), JsValue> {
        let label = if self.all_quotes {
            "Show fewer quotes".to_string()
        } else {
            format!("Show all {count} quotes")
        };
        button.set_text_content(Some(&label));
        button.set_attribute(
            "aria-expanded",
            if self.all_quotes { "true" } else { "false" },
        )
    }

    /// Quotes in article order, or grouped under their speakers (in order of first appearance);
    /// the first [`QUOTE_PREVIEW`] only until "Show all".
    fn fill_quotes(&self, list: &Element) -> Result<(), JsValue> {
        list.set_text_content(None);
        let limit = if self.all_quotes {
            usize::MAX
        } else {
            QUOTE_PREVIEW
        };
        let shown: Vec<(usize, &Quote)> = self.shown_quotes().take(limit).collect();
        if !self.group_quotes {
            for (i, q) in shown {
                add(list, &self.quote_item(i, q, true)?)?;
            }
            return Ok(());
        }
        let mut speakers: Vec<Option<&str>> = Vec::new();
        for (_, q) in &shown {
            if q.speaker.is_some() && !speakers.contains(&q.speaker.as_deref()) {
                speakers.push(q.speaker.as_deref());
            }
        }
        // Unattributed quotes go last.
        if shown.iter().any(|(_, q)| q.speaker.is_none()) {
            speakers.push(None);
        }
        for speaker in speakers {
            let group = self.el("div", "quote-group")?;
            let quotes: Vec<_> = shown
                .iter()
                .filter(|(_, q)| q.speaker.as_deref() == speaker)
                .collect();
            let head = self.el("h3", "")?;
            match speaker {
                Some(name) => add(&head, &self.page_text("span", "", name)?)?,
                None => add(&head, &self.text_el("span", "", "Unattributed")?)?,
            }
            add(
                &head,
                &self.text_el("span", "count", &quotes.len().to_string())?,
            )?;
            add(&group, &head)?;
            for (i, q) in quotes {
                add(&group, &self.quote_item(*i, q, false)?)?;
            }
            add(list, &group)?;
        }
        Ok(())
    }

    fn quote_item(&self, i: usize, q: &Quote, with_speaker: bool) -> Result<Element, JsValue> {
        let item = if q.ranges.is_empty() {
            self.el("div", "quote static")?
        } else {
            let b = self.button("quote", "quote", "")?;
            b.set_attribute("data-i", &i.to_string())?;
            b.set_attribute("title", "Show in the page")?;
            b
        };
        let text = format!("“{}”", display_quote(&q.text));
        add(&item, &self.page_text("span", "q-text", &text)?)?;
        if with_speaker {
            let (class, who) = match &q.speaker {
                Some(name) => ("q-by", name.as_str()),
                None => ("q-by unknown", "unattributed"),
            };
            let by = self.el("span", class)?;
            by.append_child(&self.doc.create_text_node("— "))?;
            let name = self.text_el("span", "", who)?;
            if q.speaker.is_some() {
                self.mark_page_text(&name)?;
            }
            add(&by, &name)?;
            add(&item, &by)?;
        }
        Ok(item)
    }

    fn members(&self, kind: EntityType) -> Vec<(usize, &Entity)> {
        self.summary
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind)
            .collect()
    }

    fn entities_section(&self) -> Result<Option<Element>, JsValue> {
        if self.summary.entities.is_empty() {
            return Ok(None);
        }
        let (section, _) = self.section("entities", "Who and where")?;
        if !self.highlights_on {
            add(
                &section,
                &self.text_el("p", "notice subtle", HIGHLIGHTS_OFF)?,
            )?;
        }
        let list = self.scroller("entity-list", "Who and where, scrollable")?;
        add(&section, &list)?;
        for (kind, title, class) in ENTITY_GROUPS {
            let members = self.members(kind);
            if members.is_empty() {
                continue;
            }
            let group = self.el("div", &format!("entity-group {class}"))?;
            let head = self.el("div", "group-head")?;
            add(&head, &self.el("span", "swatch")?)?;
            let h3 = self.text_el("h3", "", title)?;
            h3.set_attribute("id", &format!("lede-h-{class}"))?;
            add(&head, &h3)?;
            add(
                &head,
                &self.text_el("span", "count", &members.len().to_string())?,
            )?;
            add(&head, &self.el("span", "spacer")?)?;
            if self.highlights_on {
                let switch = self.button("switch", "type", "Highlight")?;
                switch.set_attribute("role", "switch")?;
                switch.set_attribute("aria-checked", "true")?;
                switch.set_attribute("data-type", kind.label())?;
                let name = format!("Highlight {} in the page", title.to_lowercase());
                switch.set_attribute("aria-label", &name)?;
                switch.set_attribute("title", &name)?;
                add(&head, &switch)?;
            }
            add(&group, &head)?;
            let chips = self.el("div", "chips")?;
            chips.set_attribute("role", "toolbar")?;
            chips.set_attribute("aria-labelledby", &format!("lede-h-{class}"))?;
            chips.set_attribute("id", &format!("lede-chips-{class}"))?;
            chips.set_attribute("data-type", kind.label())?;
            self.fill_chips(&chips, kind, class)?;
            add(&group, &chips)?;
            if members.len() > CHIP_PREVIEW {
                let more = self.button("more", "more-entities", "")?;
                more.set_attribute("data-type", kind.label())?;
                more.set_attribute("aria-controls", &format!("lede-chips-{class}"))?;
                self.label_more_entities(&more, kind, members.len())?;
                add(&group, &more)?;
            }
            add(&list, &group)?;
        }
        Ok(Some(section))
    }

    fn label_more_entities(
        &self,
        button: &Element,
        kind: EntityType,
        count: usize,
    ) -> Result<(), JsValue> {
        let open = self.expanded_types.contains(&kind);
        let label = if open {
            "Show fewer".to_string()
        } else {
            format!("Show {} more", count - CHIP_PREVIEW)
        };
        button.set_text_content(Some(&label));
        button.set_attribute("aria-expanded", if open { "true" } else { "false" })
    }

    /// The chips of one type (the first [`CHIP_PREVIEW`] unless expanded); the first is the group's
    /// tab stop, the arrow keys reach the others.
    fn fill_chips(&self, chips: &Element, kind: EntityType, class: &str) -> Result<(), JsValue> {
        chips.set_text_content(None);
        let limit = if self.expanded_types.contains(&kind) {
            usize::MAX
        } else {
            CHIP_PREVIEW
        };
        for (n, (i, e)) in self.members(kind).into_iter().take(limit).enumerate() {
            let chip = self.entity_chip(i, e, class)?;
            if chip.tag_name() == "BUTTON" {
                chip.set_attribute("tabindex", if n == 0 { "0" } else { "-1" })?;
            }
            add(chips, &chip)?;
        }
        Ok(())
    }

    fn entity_chip(&self, i: usize, e: &Entity, class: &str) -> Result<Element, JsValue> {
        let located = e.mentions.iter().any(|m| !m.ranges.is_empty());
        let chip = if located {
            let b = self.button(&format!("chip {class}"), "entity", "")?;
            b.set_attribute("data-i", &i.to_string())?;
            b
        } else {
            self.el("span", &format!("chip {class} static"))?
        };
        add(&chip, &self.page_text("span", "name", &e.name)?)?;
        chip.append_child(&self.doc.create_text_node(" "))?;
        let mentions = e.mentions.len().max(1);
        add(
            &chip,
            &self.text_el("span", "count", &mentions.to_string())?,
        )?;
        let plural = if mentions == 1 { "" } else { "s" };
        // The accessible name starts with the visible text ("Xi Jinping 7"), then says what it counts.
        chip.set_attribute(
            "aria-label",
            &format!("{} {mentions} mention{plural}", e.name),
        )?;
        let others: Vec<&str> = e
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|a| *a != e.name)
            .collect();
        let mut title = format!("{mentions} mention{plural}");
        if !others.is_empty() {
            title.push_str(&format!(" · also “{}”", others.join("”, “")));
        }
        if located {
            title.push_str(" · click to step through them");
        }
        chip.set_attribute("title", &title)?;
        Ok(chip)
    }

    // ----- events ----------------------------------------------------------------------------

    fn control(e: &Event) -> Result<Option<(Element, String)>, JsValue> {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return Ok(None);
        };
        let Some(control) = target.closest("[data-act]")? else {
            return Ok(None);
        };
        let act = control.get_attribute("data-act").unwrap_or_default();
        Ok(Some((control, act)))
    }

    fn on_click(&mut self, e: &Event) -> Result<(), JsValue> {
        let Some((control, act)) = Self::control(e)? else {
            return Ok(());
        };
        let index = control
            .get_attribute("data-i")
            .and_then(|i| i.parse::<usize>().ok());
        match (act.as_str(), index) {
            ("copy", _) => self.copy(),
            ("copy-options", _) => self.toggle_options(&control),
            ("side", _) => self.switch_side(&control),
            ("close", _) => self.post(&Message::Close),
            ("collapse", _) => self.toggle_collapsed(&control),
            ("group-quotes", _) => self.toggle_grouping(&control),
            ("more-quotes", _) => self.toggle_all_quotes(&control),
            ("more-entities", _) => self.toggle_all_entities(&control),
            ("type", _) => self.toggle_type(&control),
            ("bullet", Some(i)) => match self.summary.bullet_details.get(i) {
                Some(b) => self.scroll_to(&b.ranges),
                None => Ok(()),
            },
            ("quote", Some(i)) => match self.summary.quotes.get(i) {
                Some(q) => self.scroll_to(&q.ranges),
                None => Ok(()),
            },
            ("entity", Some(i)) => {
                self.make_tab_stop(&control)?;
                self.step_entity(i, &control)
            }
            _ => Ok(()),
        }
    }

    /// The copy options' radio buttons and checkboxes.
    fn on_change(&mut self, e: &Event) -> Result<(), JsValue> {
        let Some((control, act)) = Self::control(e)? else {
            return Ok(());
        };
        let checked = js_sys::Reflect::get(&control, &JsValue::from_str("checked"))?
            .as_bool()
            .unwrap_or(false);
        match act.as_str() {
            "format" if checked => {
                self.prefs.copy_format = control.get_attribute("value");
                let (_, _, label) = self.copy_format();
                if let Some(copy) = self.root.query_selector("[data-act=copy]")? {
                    copy.set_attribute("title", &format!("Copy the summary as {label}"))?;
                }
            }
            "with-quotes" => self.prefs.copy_without_quotes = !checked,
            "with-entities" => self.prefs.copy_without_entities = !checked,
            _ => return Ok(()),
        }
        self.save_prefs()
    }

    fn on_key(&mut self, e: &Event) -> Result<(), JsValue> {
        let Some(key) = e.dyn_ref::<KeyboardEvent>() else {
            return Ok(());
        };
        if key.alt_key() || key.ctrl_key() || key.meta_key() {
            return Ok(());
        }
        if key.key() == "Escape" {
            // Esc first closes the copy options (and is then spent); panel.js closes the panel.
            if let Some(button) = self.root.query_selector("[data-act=copy-options]")? {
                if button.get_attribute("aria-expanded").as_deref() == Some("true") {
                    e.prevent_default();
                    self.toggle_options(&button)?;
                    focus(&button);
                }
            }
            return Ok(());
        }
        let Some((chip, act)) = Self::control(e)? else {
            return Ok(());
        };
        if act != "entity" {
            return Ok(());
        }
        let all = select_all(&self.root, "button.chip")?;
        let Some(at) = all.iter().position(|c| *c == chip) else {
            return Ok(());
        };
        let (next, prev) = if self.rtl() {
            ("ArrowLeft", "ArrowRight")
        } else {
            ("ArrowRight", "ArrowLeft")
        };
        let k = key.key();
        let to = if k == next || k == "ArrowDown" {
            (at + 1) % all.len()
        } else if k == prev || k == "ArrowUp" {
            (at + all.len() - 1) % all.len()
        } else if k == "Home" {
            0
        } else if k == "End" {
            all.len() - 1
        } else {
            return Ok(());
        };
        e.prevent_default();
        self.make_tab_stop(&all[to])?;
        focus(&all[to]);
        Ok(())
    }

    /// Make `chip` its toolbar's one tab stop (roving tabindex).
    fn make_tab_stop(&self, chip: &Element) -> Result<(), JsValue> {
        let Some(bar) = chip.closest(".chips")? else {
            return Ok(());
        };
        for c in select_all(&bar, "button.chip")? {
            c.set_attribute("tabindex", if c == *chip { "0" } else { "-1" })?;
        }
        Ok(())
    }

    fn copy(&self) -> Result<(), JsValue> {
        let sections = Sections {
            quotes: !self.prefs.copy_without_quotes,
            entities: !self.prefs.copy_without_entities,
        };
        let (format, _, label) = self.copy_format();
        let (text, html) = match format {
            // Rich text goes out as HTML with a plain-text twin for targets that take only text.
            Format::Html => (
                render::plain_text(&self.summary, sections),
                Some(render::html(&self.summary, sections)),
            ),
            f => (render::render(&self.summary, f, sections), None),
        };
        self.post(&Message::Copy {
            text: &text,
            html: html.as_deref(),
            label,
        })
    }

    fn toggle_options(&self, button: &Element) -> Result<(), JsValue> {
        let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
        button.set_attribute("aria-expanded", if open { "true" } else { "false" })?;
        if let Some(options) = self.root.query_selector("#lede-copy-options")? {
            if open {
                options.remove_attribute("hidden")?;
            } else {
                options.set_attribute("hidden", "")?;
            }
        }
        Ok(())
    }

    fn switch_side(&mut self, button: &Element) -> Result<(), JsValue> {
        let other = if self.side() == "left" {
            "right"
        } else {
            "left"
        };
        self.prefs.side = Some(other.to_string());
        self.label_side_button(button)?;
        self.post(&Message::Place { side: other })?;
        self.save_prefs()
    }

    fn scroll_to(&self, ranges: &[TextRange]) -> Result<(), JsValue> {
        if ranges.is_empty() {
            return Ok(());
        }
        self.post(&Message::ScrollTo {
            ranges: wire(ranges),
        })
    }

    fn toggle_collapsed(&mut self, button: &Element) -> Result<(), JsValue> {
        let collapsed = !self.prefs.collapsed;
        self.prefs.collapsed = collapsed;
        self.root
            .class_list()
            .toggle_with_force("collapsed", collapsed)?;
        let (label, expanded, title) = if collapsed {
            ("Expand", "false", "Expand the panel")
        } else {
            ("Collapse", "true", "Collapse the panel")
        };
        button.set_text_content(Some(label));
        button.set_attribute("aria-expanded", expanded)?;
        button.set_attribute("title", title)?;
        self.post(&Message::Collapse { collapsed })?;
        self.save_prefs()
    }

    fn toggle_grouping(&mut self, button: &Element) -> Result<(), JsValue> {
        self.group_quotes = !self.group_quotes;
        button.set_attribute(
            "aria-pressed",
            if self.group_quotes { "true" } else { "false" },
        )?;
        if let Some(list) = self.root.query_selector(".quote-list")? {
            self.fill_quotes(&list)?;
        }
        Ok(())
    }

    fn toggle_all_quotes(&mut self, button: &Element) -> Result<(), JsValue> {
        self.all_quotes = !self.all_quotes;
        self.label_more_quotes(button, self.shown_quotes().count())?;
        if let Some(list) = self.root.query_selector(".quote-list")? {
            self.fill_quotes(&list)?;
            if self.all_quotes {
                // Focus the first quote that was hidden, so the keyboard continues where the reader is.
                let quotes = select_all(&list, ":scope > .quote")?;
                if let (false, Some(first_new)) = (self.group_quotes, quotes.get(QUOTE_PREVIEW)) {
                    focus(first_new);
                }
            }
        }
        Ok(())
    }

    fn toggle_all_entities(&mut self, button: &Element) -> Result<(), JsValue> {
        let Some((kind, _, class)) = ENTITY_GROUPS
            .into_iter()
            .find(|(t, _, _)| button.get_attribute("data-type").as_deref() == Some(t.label()))
        else {
            return Ok(());
        };
        let opening = !self.expanded_types.contains(&kind);
        if opening {
            self.expanded_types.push(kind);
        } else {
            self.expanded_types.retain(|t| *t != kind);
        }
        self.label_more_entities(button, kind, self.members(kind).len())?;
        if let Some(chips) = self.root.query_selector(&format!("#lede-chips-{class}"))? {
            self.fill_chips(&chips, kind, class)?;
            if opening {
                if let Some(first_new) = select_all(&chips, "button.chip")?.get(CHIP_PREVIEW) {
                    self.make_tab_stop(first_new)?;
                    focus(first_new);
                }
            }
        }
        Ok(())
    }

    fn toggle_type(&mut self, switch: &Element) -> Result<(), JsValue> {
        let Some(kind) = ENTITY_GROUPS
            .iter()
            .map(|(t, _, _)| *t)
            .find(|t| switch.get_attribute("data-type").as_deref() == Some(t.label()))
        else {
            return Ok(());
        };
        let on = switch.get_attribute("aria-checked").as_deref() != Some("true");
        switch.set_attribute("aria-checked", if on { "true" } else { "false" })?;
        if let Some(group) = switch.closest(".entity-group")? {
            group.class_list().toggle_with_force("muted", !on)?;
        }
        self.post(&Message::ToggleType {
            entity_type: kind.label(),
            on,
        })
    }

    /// Each click on an entity shows its next located mention, wrapping around.
    fn step_entity(&mut self, i: usize, chip: &Element) -> Result<(), JsValue> {
        let Some(entity) = self.summary.entities.get(i) else {
            return Ok(());
        };
        let located: Vec<&[TextRange]> = entity
            .mentions
            .iter()
            .map(|m| m.ranges.as_slice())
            .filter(|r| !r.is_empty())
            .collect();
        if located.is_empty() {
            return Ok(());
        }
        let k = self.mention_cursor[i] % located.len();
        self.mention_cursor[i] += 1;
        if let Some(count) = chip.query_selector(".count")? {
            count.set_text_content(Some(&format!("{}/{}", k + 1, located.len())));
        }
        chip.set_attribute(
            "aria-label",
            &format!(
                "{} {}/{n}: mention {} of {n}",
                entity.name,
                k + 1,
                k + 1,
                n = located.len()
            ),
        )?;
        self.scroll_to(located[k])
    }
}

/// Append `child` to `parent` (a plain function so `?` results coerce to `&Element`).
fn add(parent: &Element, child: &Element) -> Result<(), JsValue> {
    parent.append_child(child)?;
    Ok(())
}

/// Every element under `root` matching `selector`, in document order (`querySelectorAll` through
/// js-sys, so the crate needs no extra web-sys feature).
fn select_all(root: &Element, selector: &str) -> Result<Vec<Element>, JsValue> {
    let method: js_sys::Function =
        js_sys::Reflect::get(root, &JsValue::from_str("querySelectorAll"))?.dyn_into()?;
    let list = method.call1(root, &JsValue::from_str(selector))?;
    Ok(js_sys::Array::from(&list)
        .iter()
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect())
}

/// Move keyboard focus to `el` (a no-op for elements that cannot take it).
fn focus(el: &Element) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}

/// The wasm's heap allocator: Talc instead of Rust's default dlmalloc. The analysis makes many small
/// short-lived allocations; with Talc it ran ~10% faster in Chromium (16% on small pages; probe of all
/// corpus/readability snapshots, 5 mounts each, builds alternated) in 634 fewer gzipped bytes
/// (docs/performance.md).
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
