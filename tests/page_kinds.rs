//! Page kinds that break common extractors, one small fixture each (`tests/fixtures/kinds/`).

/// The summary of `tests/fixtures/{rel}`.
fn fixture_summary(rel: &str) -> lede::Summary {
    let path = format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).unwrap();
    lede::summarize(&lede::Snapshot::from_html(&html, None))
}

fn summary(name: &str) -> lede::Summary {
    fixture_summary(&format!("kinds/{name}"))
}

fn paragraphs(s: &lede::Summary) -> Vec<&str> {
    s.body.split("\n\n").collect()
}

/// Fails naming the first of `parts` that the summary's body lacks.
fn assert_body_has(s: &lede::Summary, parts: &[&str]) {
    for part in parts {
        assert!(s.body.contains(part), "{part:?} missing from {}", s.body);
    }
}

#[test]
fn article_wrapped_in_sidebar_comment_gdpr_classes_is_found() {
    let s = summary("sidebar-wrapped.html");
    assert!(s.article_found);
    assert_eq!(paragraphs(&s).len(), 3, "{}", s.body);
    assert!(!s.body.contains("Most read") && !s.body.contains("Storm closes"));
    assert_eq!(
        s.headline.as_deref(),
        Some("Harbour plan approved after two years")
    );
}

#[test]
fn sections_split_by_ads_and_hidden_or_paywalled_paragraphs_are_kept() {
    let s = summary("split-sections.html");
    let p = paragraphs(&s);
    assert_eq!(p.len(), 4, "{}", s.body);
    assert!(
        s.body.contains("ferry terminal"),
        "aria-hidden paragraph lost"
    );
    assert!(s.body.contains("eighteen months"), "paywall paragraph lost");
    assert!(!s.body.contains("Advertisement") && !s.body.contains("Subscribe"));
}

#[test]
fn cookie_consent_and_newsletter_blocks_are_not_the_article() {
    let s = summary("cookie-consent.html");
    assert_eq!(paragraphs(&s).len(), 3, "{}", s.body);
    assert!(!s.body.contains("cookies") && !s.body.contains("newsletter"));
}

#[test]
fn colon_headline_site_suffix_and_next_page() {
    let s = summary("title-colon-next.html");
    assert_eq!(
        s.headline.as_deref(),
        Some("Brexit: What happens next for the talks")
    );
    assert_eq!(
        s.next_page.as_deref(),
        Some("https://example.org/brexit-talks?page=2")
    );
    assert_eq!(s.site_name.as_deref(), Some("The Daily Example"));
}

#[test]
fn japanese_punctuation_counts_as_sentences() {
    let s = summary("japanese.html");
    assert!(s.article_found);
    assert_eq!(paragraphs(&s).len(), 3, "{}", s.body);
    assert_eq!(s.lang.as_deref(), Some("ja"));
}

#[test]
fn arabic_without_dir_is_right_to_left() {
    let s = summary("arabic-no-dir.html");
    assert!(s.article_found);
    assert_eq!(s.dir.as_deref(), Some("rtl"));
}

#[test]
fn article_in_a_declarative_shadow_root_is_read() {
    // static HTML: `<template shadowrootmode="open">` is the host's open shadow root, as in a browser
    let s = summary("declarative-shadow.html");
    assert!(s.article_found, "{:?}", s.message);
    assert_eq!(
        s.headline.as_deref(),
        Some("Harbour town votes to rebuild its sea wall")
    );
    let body = paragraphs(&s);
    assert!(
        body.iter()
            .any(|p| p.starts_with("Residents of Port Ellery")),
        "{body:?}"
    );
    assert!(!s.body.contains("closed shadow root"), "{}", s.body);
}

#[test]
fn article_in_parts_under_sub_heads_is_read_whole() {
    // no one list dominates, and linked and short items make the whole sum negative: the container
    // right after the headline is the article, not its longest list
    let s = summary("notes-in-parts.html");
    assert!(s.article_found);
    assert_body_has(
        &s,
        &[
            "sync engine now retries",
            "Cy converted",
            "results panel open",
            "print preview",
        ],
    );
    assert!(!s.body.contains("Privacy"));
}

#[test]
fn short_list_items_between_paragraphs_are_kept() {
    let s = summary("short-list-items.html");
    let p = paragraphs(&s);
    for item in ["Glass cloche", "Ruler", "Spoon", "Small plants"] {
        assert!(p.contains(&item), "{item:?} missing from {}", s.body);
    }
    // a list after the last paragraph (topic tags) has no paragraph below it
    assert!(!s.body.contains("Gardening") && !s.body.contains("Home"));
}

#[test]
fn photo_gallery_inside_the_article_is_left_out() {
    let s = summary("embedded-gallery.html");
    assert_eq!(paragraphs(&s).len(), 4, "{}", s.body);
    assert!(s.body.contains("Minibars") && s.body.contains("fresh towels"));
    assert!(!s.body.contains("dented the bottom line") && !s.body.contains("1/3"));
}

#[test]
fn how_to_steps_keep_the_label_and_list_of_a_step() {
    // each step is a box shaped like the intro's: the label and list in one belong to the article
    let s = summary("how-to-steps.html");
    let p = paragraphs(&s);
    for line in [
        "Things You Will Need:",
        "Glass cloche",
        "Floral foam",
        "Insert your plant into the hole.",
    ] {
        assert!(p.contains(&line), "{line:?} missing from {}", s.body);
    }
    assert!(!s.body.contains("Example Crafts"));
}

#[test]
fn list_table_keeps_its_intro() {
    // a list article: the rows of a data table are one part of the article, the intro another
    let s = summary("list-table.html");
    assert_body_has(
        &s,
        &[
            "This list of films about lighthouses covers features",
            "For films set at sea in general",
            "Two brothers inherit a lighthouse",
            "The final keeper of a national lighthouse service",
        ],
    );
    assert!(!s.body.contains("Example Wiki"));
}

#[test]
fn index_of_teaser_cards_has_no_article() {
    // ten cards of title link, teaser sentences and byline with date, between a nav and a footer
    let s = summary("index-teaser-cards.html");
    assert!(!s.article_found, "{}", s.body);
    assert_eq!(s.message.as_deref(), Some(lede::NO_ARTICLE));
    assert!(s.body.is_empty() && s.bullets.is_empty());
    assert!(s.quotes.is_empty() && s.entities.is_empty());
    // the first teaser's byline and date are not the page's
    assert!(s.byline.is_empty() && s.published.is_none(), "{s:?}");
    assert_eq!(s.site_name.as_deref(), Some("The Daily Example"));
}

#[test]
fn reference_list_of_the_article_is_kept() {
    // an ordered list of citations (backlinks, `<cite>`, linked titles) inside the article's container
    let s = summary("reference-list.html");
    assert_body_has(
        &s,
        &[
            "last working mill stopped in 1957",
            "\"The tidal mills of the coast and their ponds\". Coastal History Review. 2004.",
            "Marsh, Ann (1998). \"How a tide wheel was worked through the day\".",
            "\"The last working tide mill of the north closes its gates\". The Harbour Times.",
        ],
    );
    assert!(!s.body.contains("Privacy policy") && !s.body.contains("Random page"));
}

#[test]
fn lead_slideshow_keeps_its_one_caption_out_of_the_bullets() {
    // pictures only in the slides, one caption box for the current slide: the lead photo's caption
    let s = summary("lead-slideshow.html");
    let caption = "In this photo taken on Tuesday the rocket booster";
    assert!(paragraphs(&s)[0].starts_with(caption), "{}", s.body);
    assert_body_has(&s, &["next cargo launch would go ahead"]);
    assert!(
        s.bullets.iter().all(|b| !b.starts_with(caption)),
        "{:?}",
        s.bullets
    );
}

#[test]
fn every_panel_of_a_tab_widget_is_kept() {
    // the first panel's paragraph is short beside the page's longest one: it stays with its siblings
    let s = summary("tab-panels.html");
    assert_body_has(
        &s,
        &[
            "Make the reader match your taste.",
            "Voices read any article aloud",
            "Sync carries your reading list",
        ],
    );
    assert!(paragraphs(&s).contains(&"Fonts"), "{}", s.body);
    assert!(!s.body.contains("Example Foundation"));
}

#[test]
fn linked_sub_heads_of_a_list_article_are_kept() {
    // each item's sub-head links the thing reviewed; the promo heading after the last item does not stay
    let s = summary("linked-subheads.html");
    let p = paragraphs(&s);
    for head in [
        "Brass Arc floor lamp ($120)",
        "Clip Mini ($25)",
        "Paper Globe table lamp ($60)",
    ] {
        assert!(p.contains(&head), "{head:?} missing from {}", s.body);
    }
    assert!(!s.body.contains("Related post") && !s.body.contains("Reading chairs"));
}

#[test]
fn comment_policy_notice_after_an_arabic_article_is_left_out() {
    // A real page (tests/fixtures/pages/README.md): after the last paragraph, the site's
    // comment-policy notice ("CNN welcomes lively discussion … comments … privacy policy … terms of
    // use") sits in the article's container. It is boilerplate in any language, never a key point.
    let s = fixture_summary("pages/cnn-arabic-syria-2013.html");
    let notice = "ترحب شبكة CNN بالنقاش الحيوي";
    assert!(s.article_found);
    assert!(!s.body.contains(notice), "notice in the body");
    assert!(
        s.bullets.iter().all(|b| !b.contains(notice)),
        "notice in the key points: {:?}",
        s.bullets
    );
    // the article itself is still read
    assert!(s.body.contains("الائتلاف الوطني السوري"));
}

/// The summary of `kinds/{name}` read with the page address `url` (the CLI's `--url`).
fn summary_at(name: &str, url: &str) -> lede::Summary {
    let path = format!("{}/tests/fixtures/kinds/{name}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).unwrap();
    lede::summarize(&lede::Snapshot::from_html(&html, Some(url)))
}

#[test]
fn two_stories_on_one_page_give_one_storys_summary() {
    let first = summary("infinite-scroll.html");
    assert!(first.article_found);
    assert_body_has(
        &first,
        &["ferry service between Port Elwyn", "four sailings a day"],
    );
    let everything = format!("{} {:?} {:?}", first.body, first.quotes, first.entities);
    for other in ["lighthouse", "Okafor", "Gannet Head"] {
        assert!(
            !everything.contains(other),
            "{other} from the next story: {everything}"
        );
    }
    assert_eq!(paragraphs(&first).len(), 4, "{}", first.body);
    assert!(first
        .quotes
        .iter()
        .all(|q| q.speaker.as_deref() == Some("Tomas Varga")));

    // the story whose own address is the page's: the second one
    let second = summary_at(
        "infinite-scroll.html",
        "https://harbour.example/news/lighthouse-school?ref=scroll",
    );
    assert_body_has(
        &second,
        &["disused lighthouse on Gannet Head", "fog signal"],
    );
    assert!(!second.body.contains("Port Elwyn"), "{}", second.body);
    assert!(second
        .quotes
        .iter()
        .all(|q| q.speaker.as_deref() == Some("Marguerite Okafor")));
    assert_eq!(second.byline, vec!["Dev Malhotra".to_string()]);
}

#[test]
fn paragraphs_after_an_unclosed_named_anchor_are_not_link_text() {
    // old pages open `<a name=...>` targets and never close them: the parser then wraps every later
    // paragraph in a copy of the anchor, which is a link target, not a link
    let para = "The committee met on Tuesday to review the harbour accounts, and agreed that the \
                repairs to the north wall should be paid from the reserve fund rather than a loan.";
    let html = format!(
        "<html><body><h1>Harbour accounts reviewed</h1><a name=top><p>{para}</p><p>{para}</p><p>{para}</p></body></html>"
    );
    let s = lede::summarize(&lede::Snapshot::from_html(&html, None));
    assert!(s.article_found, "{:?}", s.message);
    assert_eq!(paragraphs(&s).len(), 3, "{}", s.body);
}

#[test]
fn a_discussion_whose_posts_are_all_comments_still_has_an_article() {
    let s = summary("discussion-thread.html");
    assert!(s.article_found, "{:?}", s.message);
    assert_body_has(
        &s,
        &[
            "caught out twice this month",
            "half an hour on spring tides",
        ],
    );
    assert!(!s.body.contains("Forum rules"), "{}", s.body);
}

#[test]
fn a_short_post_beats_a_longer_profile_in_the_sidebar() {
    let s = summary("blog-sidebar-profile.html");
    assert!(s.article_found, "{:?}", s.message);
    assert_body_has(
        &s,
        &[
            "raised mooring dues by eleven per cent",
            "next review comes in April",
        ],
    );
    assert!(!s.body.contains("harbour pilot"), "{}", s.body);
}

#[test]
fn a_short_post_under_its_title_is_an_article_a_short_box_elsewhere_is_not() {
    let post = "Spotted at dawn from the harbour wall: the old lifeboat back on her trolley, \
                freshly painted in blue and white, ready for Saturday's launch day. The crew \
                say she will take visitors out past the bar at noon.";
    let html = |title: &str| {
        format!(
            "<html><head><title>Launch day at the harbour</title></head><body>{title}\
             <div class=post><p>{post}</p></div></body></html>"
        )
    };
    let s = lede::summarize(&lede::Snapshot::from_html(
        &html("<h1>Launch day at the harbour</h1>"),
        None,
    ));
    assert!(s.article_found, "{:?}", s.message);
    assert!(s.body.contains("freshly painted"), "{}", s.body);
    // without a headline above it, a box that short is no article
    let s = lede::summarize(&lede::Snapshot::from_html(&html(""), None));
    assert!(!s.article_found, "{}", s.body);
}
