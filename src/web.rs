//! The extension panel (wasm32 only): a thin shell that renders a [`Summary`] with web-sys.
//!
//! `extension/panel.js` calls [`mount`] with the panel's root element, the page snapshot JSON (built
//! by `extension/snapshot.js`) and a `send` callback. Everything the panel shows is built here from
//! elements and text nodes: page strings only ever reach the DOM through `create_text_node`,
//! `set_text_content` or attribute values, never through HTML parsing.
//!
//! The panel talks back through `send(message)` with plain objects (see [`Message`]): `copy` is
//! handled by panel.js (the clipboard belongs to the panel document); the others go to the content
//! script, which owns the page: highlights, scrolling, resizing and closing the iframe.
//!
//! One delegated click listener on the root handles every control: buttons carry a `data-act` (and
//! `data-i` / `data-type`), so the panel needs a single long-lived [`Closure`] rather than one per
//! button. It is leaked on purpose: it must live as long as the panel document, which is discarded
//! whole when the panel closes.

use crate::summary::{BulletKind, Entity, EntityType, Quote, Summary, TextRange};
use crate::{render, summarize, Snapshot};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event};

/// Entity groups in display order: type, section title, CSS class (matches `highlight.css` names).
const ENTITY_GROUPS: [(EntityType, &str, &str); 3] = [
    (EntityType::Person, "People", "person"),
    (EntityType::Org, "Organisations", "org"),
    (EntityType::Place, "Places", "place"),
];

/// Shown when the page states no headline at all.
const NO_HEADLINE: &str = "Untitled page";
/// Shown when there is no article and the core gave no reason.
const NO_ARTICLE: &str = "Lede found no article on this page.";

/// A range as the content script takes it: `[node, start, end]` (UTF-16 offsets).
type WireRange = [u32; 3];

/// Messages from the panel, serialised to plain objects with a `type` field.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
enum Message<'a> {
    /// Paint every entity mention, grouped by type label (`PERSON`, `ORG`, `PLACE`).
    Highlights {
        groups: BTreeMap<&'static str, Vec<WireRange>>,
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
    /// Remove the panel and all highlights.
    Close,
    /// Put this Markdown on the clipboard (handled in panel.js).
    Copy { markdown: &'a str },
}

fn wire(ranges: &[TextRange]) -> Vec<WireRange> {
    ranges.iter().map(|r| [r.node, r.start, r.end]).collect()
}

/// Plain objects and arrays (maps as objects, `None` as `null`), so messages survive the port's
/// JSON-style serialisation unchanged.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Analyse the snapshot and render the panel into `root`.
///
/// Returns the [`Summary`] as a plain object (for debugging and tests). On a malformed snapshot the
/// panel shows a readable error (with a working Close button) and the error is also returned.
#[wasm_bindgen]
pub fn mount(
    root: Element,
    snapshot_json: &str,
    send: js_sys::Function,
) -> Result<JsValue, JsValue> {
    let doc = root
        .owner_document()
        .ok_or_else(|| JsValue::from_str("panel root is not in a document"))?;
    let snap = match Snapshot::from_json(snapshot_json) {
        Ok(snap) => snap,
        Err(e) => {
            let panel = Panel::new(doc, root, send, Summary::default());
            panel.borrow().render_error(&format!(
                "Lede could not read this page ({e}). Reload the page and try again."
            ))?;
            return Err(JsValue::from_str(&e));
        }
    };
    let summary = summarize(&snap);
    let result = to_js(&summary)?;
    let panel = Panel::new(doc, root, send, summary);
    {
        let p = panel.borrow();
        p.render()?;
        p.send_highlights()?;
    }
    Ok(result)
}

/// The panel's state; shared by the click handler.
struct Panel {
    doc: Document,
    root: Element,
    send: js_sys::Function,
    summary: Summary,
    /// Per entity: how many times it was clicked (the next mention to show, modulo the count).
    mention_cursor: Vec<usize>,
    collapsed: bool,
    group_quotes: bool,
}

impl Panel {
    fn new(
        doc: Document,
        root: Element,
        send: js_sys::Function,
        summary: Summary,
    ) -> Rc<RefCell<Panel>> {
        let panel = Rc::new(RefCell::new(Panel {
            mention_cursor: vec![0; summary.entities.len()],
            doc,
            root: root.clone(),
            send,
            summary,
            collapsed: false,
            group_quotes: false,
        }));
        let handler_panel = Rc::clone(&panel);
        let on_click = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            if let Err(err) = handler_panel.borrow_mut().on_click(&e) {
                web_sys::console::error_2(&JsValue::from_str("Lede panel:"), &err);
            }
        });
        // Registration only fails on a detached root; the panel then has no controls to wire anyway.
        let _ = root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
        panel
    }

    fn post(&self, msg: &Message) -> Result<(), JsValue> {
        self.send.call1(&JsValue::NULL, &to_js(msg)?)?;
        Ok(())
    }

    fn send_highlights(&self) -> Result<(), JsValue> {
        let mut groups: BTreeMap<&'static str, Vec<WireRange>> = ENTITY_GROUPS
            .iter()
            .map(|(t, _, _)| (t.label(), Vec::new()))
            .collect();
        for e in &self.summary.entities {
            let list = groups.entry(e.kind.label()).or_default();
            for m in &e.mentions {
                list.extend(wire(&m.ranges));
            }
        }
        self.post(&Message::Highlights { groups })
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
        let body = self.el("div", "content")?;
        let s = &self.summary;
        add(
            &body,
            &self.page_text(
                "h1",
                "headline",
                s.headline.as_deref().unwrap_or(NO_HEADLINE),
            )?,
        )?;
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
        self.root.set_text_content(None);
        add(&self.root, &bar)?;
        add(&self.root, &body)?;
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
        let body = self.el("div", "content")?;
        add(&body, &self.text_el("p", "notice error", message)?)?;
        add(&self.root, &body)?;
        Ok(())
    }

    fn header_bar(&self, full: bool) -> Result<Element, JsValue> {
        let bar = self.el("header", "bar")?;
        let logo = self.el("span", "logo")?;
        add(&logo, &self.text_el("span", "mark", "L")?)?;
        logo.append_child(&self.doc.create_text_node("Lede"))?;
        add(&bar, &logo)?;
        add(&bar, &self.el("span", "spacer")?)?;
        if full {
            let copy = self.button("text", "copy", "Copy")?;
            copy.set_attribute("title", "Copy the summary as Markdown")?;
            add(&bar, &copy)?;
            let collapse = self.button("text", "collapse", "Collapse")?;
            collapse.set_attribute("aria-expanded", "true")?;
            collapse.set_attribute("title", "Collapse the panel")?;
            add(&bar, &collapse)?;
        }
        let close = self.button("icon", "close", "×")?;
        close.set_attribute("aria-label", "Close")?;
        close.set_attribute("title", "Close (Esc)")?;
        add(&bar, &close)?;
        Ok(bar)
    }

    fn section(&self, class: &str, title: &str) -> Result<(Element, Element), JsValue> {
        let section = self.el("section", class)?;
        let head = self.el("div", "section-head")?;
        add(&head, &self.text_el("h2", "", title)?)?;
        add(&section, &head)?;
        Ok((section, head))
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
        let list = self.el("div", "quote-list")?;
        self.fill_quotes(&list)?;
        add(&section, &list)?;
        Ok(Some(section))
    }

    /// Quotes in article order, or grouped under their speakers (in order of first appearance).
    fn fill_quotes(&self, list: &Element) -> Result<(), JsValue> {
        list.set_text_content(None);
        if !self.group_quotes {
            for (i, q) in self.shown_quotes() {
                add(list, &self.quote_item(i, q, true)?)?;
            }
            return Ok(());
        }
        let mut speakers: Vec<Option<&str>> = Vec::new();
        for (_, q) in self.shown_quotes() {
            if !speakers.contains(&q.speaker.as_deref()) {
                speakers.push(q.speaker.as_deref());
            }
        }
        // Unattributed quotes go last.
        speakers.sort_by_key(|s| s.is_none());
        for speaker in speakers {
            let group = self.el("div", "quote-group")?;
            let quotes: Vec<_> = self
                .shown_quotes()
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
                add(&group, &self.quote_item(i, q, false)?)?;
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

    fn entities_section(&self) -> Result<Option<Element>, JsValue> {
        if self.summary.entities.is_empty() {
            return Ok(None);
        }
        let (section, _) = self.section("entities", "Who and where")?;
        for (kind, title, class) in ENTITY_GROUPS {
            let members: Vec<(usize, &Entity)> = self
                .summary
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == kind)
                .collect();
            if members.is_empty() {
                continue;
            }
            let group = self.el("div", &format!("entity-group {class}"))?;
            let head = self.el("div", "group-head")?;
            add(&head, &self.el("span", "swatch")?)?;
            add(&head, &self.text_el("h3", "", title)?)?;
            add(
                &head,
                &self.text_el("span", "count", &members.len().to_string())?,
            )?;
            add(&head, &self.el("span", "spacer")?)?;
            let switch = self.button("switch", "type", "Highlight")?;
            switch.set_attribute("role", "switch")?;
            switch.set_attribute("aria-checked", "true")?;
            switch.set_attribute("data-type", kind.label())?;
            switch.set_attribute(
                "title",
                &format!("Highlight {} in the page", title.to_lowercase()),
            )?;
            add(&head, &switch)?;
            add(&group, &head)?;
            let chips = self.el("div", "chips")?;
            for (i, e) in members {
                add(&chips, &self.entity_chip(i, e, class)?)?;
            }
            add(&group, &chips)?;
            add(&section, &group)?;
        }
        Ok(Some(section))
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
        let mentions = e.mentions.len().max(1);
        add(
            &chip,
            &self.text_el("span", "count", &mentions.to_string())?,
        )?;
        let others: Vec<&str> = e
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|a| *a != e.name)
            .collect();
        let mut title = format!("{mentions} mention{}", if mentions == 1 { "" } else { "s" });
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

    fn on_click(&mut self, e: &Event) -> Result<(), JsValue> {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return Ok(());
        };
        let Some(control) = target.closest("[data-act]")? else {
            return Ok(());
        };
        let act = control.get_attribute("data-act").unwrap_or_default();
        let index = control
            .get_attribute("data-i")
            .and_then(|i| i.parse::<usize>().ok());
        match (act.as_str(), index) {
            ("copy", _) => {
                let markdown = render::markdown(&self.summary);
                self.post(&Message::Copy {
                    markdown: &markdown,
                })
            }
            ("close", _) => self.post(&Message::Close),
            ("collapse", _) => self.toggle_collapsed(&control),
            ("group-quotes", _) => self.toggle_grouping(&control),
            ("type", _) => self.toggle_type(&control),
            ("bullet", Some(i)) => match self.summary.bullet_details.get(i) {
                Some(b) => self.scroll_to(&b.ranges),
                None => Ok(()),
            },
            ("quote", Some(i)) => match self.summary.quotes.get(i) {
                Some(q) => self.scroll_to(&q.ranges),
                None => Ok(()),
            },
            ("entity", Some(i)) => self.step_entity(i, &control),
            _ => Ok(()),
        }
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
        self.collapsed = !self.collapsed;
        self.root
            .class_list()
            .toggle_with_force("collapsed", self.collapsed)?;
        let (label, expanded, title) = if self.collapsed {
            ("Expand", "false", "Expand the panel")
        } else {
            ("Collapse", "true", "Collapse the panel")
        };
        button.set_text_content(Some(label));
        button.set_attribute("aria-expanded", expanded)?;
        button.set_attribute("title", title)?;
        self.post(&Message::Collapse {
            collapsed: self.collapsed,
        })
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
        self.scroll_to(located[k])
    }
}

/// Append `child` to `parent` (a plain function so `?` results coerce to `&Element`).
fn add(parent: &Element, child: &Element) -> Result<(), JsValue> {
    parent.append_child(child)?;
    Ok(())
}

/// A quote as shown: without the comma that English puts before the attribution ("…," she said).
fn display_quote(text: &str) -> &str {
    text.trim_end().trim_end_matches(',').trim_end()
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `2022-02-04T21:30:00+08:00` → `4 Feb 2022` (the page's own calendar date, no time-zone shift);
/// anything that does not start with an ISO date is shown as given.
fn human_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let date = iso.get(..10).unwrap_or("");
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    match (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(y), Ok(m @ 1..=12), Ok(d @ 1..=31)) if y > 999 => {
            format!("{d} {} {y}", MONTHS[m - 1])
        }
        _ => iso.to_string(),
    }
}
