//! The publication date: metadata sources read as ISO 8601, and the date a reader sees under the
//! headline.

use super::date_text::{civil_from_days, days_from_civil, find_date, Stamp};
use super::meta::{meta_content, Metas};
use super::Block;
use crate::snapshot::{NodeId, Snapshot};
use crate::text::more_words_than;
use serde_json::Value;

/// `<meta>` keys that give the publication date, most preferred first.
const DATE_META_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc:date",
    "dc:date:issued",
    "dcterm:created",
    "dcterms:created",
    "parsely-pub-date",
    "sailthru:date",
];

/// The publication date as ISO 8601, from the first source that states one readably: JSON-LD
/// `datePublished`, the date `<meta>` keys ([`DATE_META_KEYS`], each in order), a microdata
/// `itemprop=datePublished` element (its `content` or `datetime`; the snapshot keeps no `title`), then the first
/// `<time datetime>`. Values that [`iso_date`] cannot read as a date are passed over. Then the date a
/// reader sees in the article's header ([`visible_date`]): used when no source states one, and
/// preferred where it disagrees with them by a time-zone-sized offset ([`reconcile`]).
pub(super) fn published_date(
    snap: &Snapshot,
    metas: &Metas<'_>,
    ld: Option<&Value>,
    blocks: &[Block],
    headline: Option<NodeId>,
    headline_text: Option<&str>,
) -> Option<String> {
    let declared = declared_date(snap, metas, ld);
    reconcile(
        declared,
        visible_date(snap, blocks, headline, headline_text),
    )
}

fn declared_date(snap: &Snapshot, metas: &Metas<'_>, ld: Option<&Value>) -> Option<String> {
    let ld_date = ld
        .and_then(|v| v.get("datePublished"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let meta_dates = DATE_META_KEYS.iter().map(|k| meta_content(metas, &[k]));
    let microdata = snap.nodes.iter().find_map(|n| {
        n.attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|p| p == "datePublished"))
            .then(|| ["content", "datetime"].iter().find_map(|a| n.attr(a)))
            .flatten()
            .filter(|d| iso_date(d).is_some())
            .map(str::to_string)
    });
    let time = snap
        .nodes
        .iter()
        .filter(|n| n.tag == "time")
        .filter_map(|n| n.attr("datetime"))
        .find(|d| iso_date(d).is_some())
        .map(str::to_string);
    let dates: Vec<String> = std::iter::once(ld_date)
        .chain(meta_dates)
        .chain([microdata, time])
        .flatten()
        .filter_map(|d| iso_date(&d))
        .collect();
    // a day alone ("November 19, 2019" in JSON-LD) gives way to a later source with the time of that day
    let first = dates.first()?;
    dates
        .iter()
        .find(|d| d.len() > first.len() && d.starts_with(first.as_str()))
        .or(Some(first))
        .cloned()
}

/// Text blocks after the headline searched for a written date ...
const VISIBLE_DATE_AFTER: usize = 15;
/// ... and before it (a date line above the headline).
const VISIBLE_DATE_BEFORE: usize = 4;
/// A block with more words than this is prose (the body, a dek), not a date or credit line ...
const DATE_LINE_MAX_WORDS: usize = 25;
/// ... and the search after the headline stops at the second such block: the body has begun.
const PROSE_BLOCKS_BEFORE_BODY: usize = 2;

/// A block whose first this many letters and digits are found in the headline's text is the headline
/// shown.
const MIN_HEADLINE_PART_CHARS: usize = 12;

/// Labels of a modification date ("Updated", "Mis à jour", "Aktualisiert", "Actualizado",
/// "Atualizado", "Aggiornato"): such a line is used only when no other date line is found.
const UPDATE_LABELS: &[&str] = &[
    "updated",
    "update:",
    "modified",
    "mis à jour",
    "actualisé",
    "aktualisiert",
    "actualizado",
    "atualizado",
    "aggiornato",
];

/// The date a reader sees in the article's header: the first short text block after the displayed
/// headline (else the first block that begins with a part of the headline's text, as when the headline
/// comes from `<title>`, else the first `<h1>`) that holds a written date ([`find_date`]), within
/// [`VISIBLE_DATE_AFTER`] blocks and before the body's prose, then the blocks just above the
/// headline. Captions (inside `<figure>`) and table rows with a header cell are passed over: they
/// date a picture or a thing, not the page. A line labelled as
/// an update is taken only when no other line is found.
pub(super) fn visible_date(
    snap: &Snapshot,
    blocks: &[Block],
    headline: Option<NodeId>,
    headline_text: Option<&str>,
) -> Option<Stamp> {
    let anchor = headline
        .and_then(|h| blocks.iter().position(|b| b.element == h))
        .or_else(|| {
            // compared on letters and digits only: the page may space or mark its parts apart
            let alnum = |s: &str| {
                s.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
            };
            let h = alnum(headline_text?);
            let part = |b: &Block| {
                let start: String = alnum(&b.text)
                    .chars()
                    .take(MIN_HEADLINE_PART_CHARS)
                    .collect();
                start.chars().count() == MIN_HEADLINE_PART_CHARS && h.contains(&start)
            };
            // a heading first: the words of the headline also appear in menus and teasers
            (blocks.iter().position(|b| b.heading.is_some() && part(b)))
                .or_else(|| blocks.iter().position(part))
        })
        .or_else(|| blocks.iter().position(|b| b.heading == Some(1)))?;
    // a caption dates its picture; a labelled table row ("Initial release | February 28, 1998", an
    // infobox or a data sheet) dates something else than the page
    let in_figure = |b: &Block| {
        std::iter::once(b.element)
            .chain(snap.ancestors(b.element))
            .any(|a| match snap.nodes[a as usize].tag.as_str() {
                "figure" | "figcaption" => true,
                "tr" => (a as usize..snap.subtree_end(a)).any(|k| snap.nodes[k].tag == "th"),
                _ => false,
            })
    };
    let mut prose = 0;
    let after = blocks[anchor + 1..]
        .iter()
        .take(VISIBLE_DATE_AFTER)
        .take_while(|b| {
            if more_words_than(&b.text, DATE_LINE_MAX_WORDS) {
                prose += 1;
            }
            prose < PROSE_BLOCKS_BEFORE_BODY
        });
    let before = blocks[anchor.saturating_sub(VISIBLE_DATE_BEFORE)..anchor]
        .iter()
        .rev();
    let found: Vec<(bool, Stamp)> = after
        .chain(before)
        .filter(|b| !more_words_than(&b.text, DATE_LINE_MAX_WORDS) && !in_figure(b))
        .filter_map(|b| {
            let lower = b.text.to_lowercase();
            let update = UPDATE_LABELS.iter().any(|l| lower.contains(l));
            find_date(&b.text).map(|s| (update, s))
        })
        .collect();
    found
        .iter()
        .find(|(update, _)| !update)
        .or(found.first())
        .map(|&(_, s)| s)
}

/// A stated ISO 8601 date-time's parts: the day, the clock in minutes (seconds dropped) and its
/// seconds, and the offset in minutes when stated.
fn iso_parts(s: &str) -> Option<(Stamp, Option<u32>)> {
    let num = |a: usize, b: usize| {
        let t = s.get(a..b)?;
        t.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| t.bytes().fold(0u32, |v, c| v * 10 + u32::from(c - b'0')))
    };
    let (y, m, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let mut stamp = Stamp {
        y: y as i32,
        m,
        d,
        time: None,
        offset: None,
    };
    if s.len() <= 10 {
        return Some((stamp, None));
    }
    let (h, mi) = (num(11, 13)?, num(14, 16)?);
    let sec = (s.as_bytes().get(16) == Some(&b':'))
        .then(|| num(17, 19))
        .flatten();
    stamp.time = Some((h, mi, sec.unwrap_or(0)));
    let zone = &s[16..];
    stamp.offset = if zone.ends_with('Z') {
        Some(0)
    } else {
        zone.rfind(['+', '-']).and_then(|k| {
            let sign = if zone.as_bytes()[k] == b'-' { -1 } else { 1 };
            let base = 16 + k;
            Some(sign * (num(base + 1, base + 3)? * 60 + num(base + 4, base + 6)?) as i32)
        })
    };
    Some((stamp, sec))
}

/// Is a difference of `minutes` between two clocks the offset of a time zone (a whole number of
/// quarter hours, at most 14 hours, allowing a minute for the seconds a metadata time carries)?
fn is_zone_sized(minutes: i64) -> bool {
    let r = minutes.rem_euclid(15);
    minutes != 0 && minutes.abs() <= 14 * 60 + 1 && (r <= 1 || r == 14)
}

/// The publication date from the declared one and the one the reader sees:
/// - none declared: the visible one;
/// - the declared instant and the visible clock differ by a time-zone-sized offset: the reader's day
///   wins. When the page states its offset, the visible date-time as written (only when the declared
///   instant falls on another day in that offset); else the declared instant written in the offset
///   the difference shows (`2016-12-23T00:47:31Z` shown as "Dec. 22,
///   2016, 6:47 p.m." gives `2016-12-22T18:47:31-06:00`: the same moment, on the reader's day);
/// - a declared time with no offset that the page shows with its zone: the offset is added;
/// - a declared day (no time) one day off the visible day: the visible day.
///
/// Otherwise the declared date stands (the page's own line may be an update or another date).
pub(super) fn reconcile(declared: Option<String>, visible: Option<Stamp>) -> Option<String> {
    let Some(v) = visible else {
        return declared;
    };
    let Some(meta) = declared else {
        return Some(v.iso());
    };
    let Some((m, sec)) = iso_parts(&meta) else {
        return Some(meta);
    };
    let (Some(m_local), Some(v_local)) = (m.local_minutes(), v.local_minutes()) else {
        // a day on one side: the visible day wins over a declared day one off (a UTC day)
        let days = days_from_civil(v.y, v.m, v.d) - days_from_civil(m.y, m.m, m.d);
        return Some(if days.abs() == 1 && m.time.is_none() {
            v.iso()
        } else {
            meta
        });
    };
    match (m.offset, v.offset) {
        (Some(mo), Some(vo)) => {
            // both state their offset: the declared instant stands unless, shown in the page's
            // offset, it falls on another day than the one the page shows
            let diff = (v_local - i64::from(vo)) - (m_local - i64::from(mo));
            let m_day = (m_local - i64::from(mo) + i64::from(vo)).div_euclid(1440);
            let other_day = m_day != v_local.div_euclid(1440);
            Some(if is_zone_sized(diff) && other_day {
                v.iso()
            } else {
                meta
            })
        }
        (Some(mo), None) => {
            let utc = m_local - i64::from(mo);
            let diff = v_local - utc;
            if !is_zone_sized(diff) {
                return Some(meta);
            }
            let off = ((diff as f64 / 15.0).round() as i64 * 15) as i32;
            let local = utc + i64::from(off);
            let (y, mo_, d) = civil_from_days(local.div_euclid(1440));
            let min = local.rem_euclid(1440) as u32;
            let shown = Stamp {
                y,
                m: mo_,
                d,
                time: Some((min / 60, min % 60, sec.unwrap_or(0))),
                offset: Some(off),
            };
            Some(shown.iso())
        }
        (None, Some(vo)) if m_local == v_local => {
            let mut shown = m;
            shown.offset = Some(vo);
            Some(shown.iso())
        }
        _ => Some(meta),
    }
}

/// A stated date as ISO 8601 (`2015-03-25`, `2015-03-25T08:05:41-07:00`), or `None` when it is
/// none. Reads ISO 8601 and RFC 3339 forms with a space for `T` or an offset without its colon
/// (`2020-11-11 12:00:00.000-0600`), `2015/03/25`, `5/29/2007` and `29/05/2007` when the day is
/// unambiguous (over 12), `2015年3月25日`, and `March 25, 2015` / `25 March 2015`. The year must be
/// between 1900 and 2100 (CMS placeholders such as 0001-01-01 are no dates).
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let num = |t: &str| -> Option<u32> {
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let ymd = |y: u32, m: u32, d: u32| {
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    // the date part ends at the first space or 'T' (ISO) — or the whole string for written dates
    let (date, rest) = match s.find([' ', 'T']) {
        Some(k) => (&s[..k], s[k + 1..].trim()),
        None => (s, ""),
    };
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let day = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => ymd(num(y)?, num(m)?, num(d)?),
        [a, b, y] if y.len() == 4 => {
            let (a, b, y) = (num(a)?, num(b)?, num(y)?);
            match (a > 12, b > 12) {
                (true, false) => ymd(y, b, a),
                (false, true) => ymd(y, a, b),
                _ => None,
            }
        }
        _ => None,
    };
    if let Some(day) = day {
        return Some(match iso_time(rest) {
            Some(t) => format!("{day}T{t}"),
            None => day,
        });
    }
    // 2015年3月25日
    if let Some((y, r)) = s.split_once('年') {
        let (m, r) = r.split_once('月')?;
        let d = r.split('日').next()?;
        return ymd(num(y.trim())?, num(m.trim())?, num(d.trim())?);
    }
    // March 25, 2015 / 25 March 2015 (English month names)
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let w = w.trim_end_matches('.').to_lowercase();
        MONTHS[..24].iter().position(|m| *m == w).map(|i| {
            if i < 12 {
                i as u32 + 1
            } else {
                MONTH_OF_ABBR[i - 12]
            }
        })
    };
    match words.as_slice() {
        [m, d, y, ..] if month(m).is_some() => ymd(
            num(y)?,
            month(m)?,
            num(d.trim_end_matches(['.', 's', 't', 'h', 'n', 'd', 'r']))?,
        ),
        [d, m, y, ..] if month(m).is_some() => {
            ymd(num(y)?, month(m)?, num(d.trim_end_matches('.'))?)
        }
        _ => None,
    }
}

/// Month numbers of the abbreviations in [`MONTHS`] (`jan` … `dec`, after the twelve full names).
const MONTH_OF_ABBR: [u32; 12] = [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12];

/// The time of day after an ISO date, normalised: `08:05:41-0700` → `08:05:41-07:00`, `12:00Z`.
fn iso_time(t: &str) -> Option<String> {
    let t = t.trim();
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(t.len());
    let (clock, zone) = (&t[..end], t[end..].trim());
    let fields: Vec<&str> = clock.split(':').collect();
    let ok = (2..=3).contains(&fields.len())
        && fields[..2]
            .iter()
            .all(|f| f.len() == 2 && f.bytes().all(|b| b.is_ascii_digit()));
    if !ok {
        return None;
    }
    let zone = match zone.as_bytes() {
        [] => String::new(),
        [b'Z', ..] | [b'U', b'T', b'C'] | [b'G', b'M', b'T'] => "Z".into(),
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let digits: String = rest
                .iter()
                .filter(|b| b.is_ascii_digit())
                .map(|&b| b as char)
                .collect();
            match digits.len() {
                4 => format!("{}{}:{}", *sign as char, &digits[..2], &digits[2..]),
                2 => format!("{}{}:00", *sign as char, digits),
                _ => String::new(),
            }
        }
        _ => String::new(),
    };
    Some(format!("{clock}{zone}"))
}

/// Month names and abbreviations (English, French, German, Spanish, Portuguese), then English
/// weekday names and abbreviations, that open a date glued after a byline ("By Nathan Willis March
/// 25, 2015", "by Ann Lee on Wednesday, October 19, 2011"); only cut when a number follows, so "June
/// Smith" stays a name.
pub(super) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_pages::*;

    #[test]
    fn stated_dates_become_iso_8601() {
        let cases = [
            (
                "2015-03-10T08:05:41-07:00",
                Some("2015-03-10T08:05:41-07:00"),
            ),
            (
                "2020-11-11 12:00:00.000-0600",
                Some("2020-11-11T12:00:00.000-06:00"),
            ),
            ("2016-02-01 01:28:49", Some("2016-02-01T01:28:49")),
            ("2019-11-19 02:24:00 UTC", Some("2019-11-19T02:24:00Z")),
            (
                "2017-12-01T03:00:00-0800",
                Some("2017-12-01T03:00:00-08:00"),
            ),
            ("2019-11-21", Some("2019-11-21")),
            ("2015/04/08", Some("2015-04-08")),
            ("05/29/2007 09:49:00", Some("2007-05-29T09:49:00")),
            ("29.05.2007", Some("2007-05-29")),
            ("2017年3月10日", Some("2017-03-10")),
            ("March 25, 2015", Some("2015-03-25")),
            ("25 Mar. 2015", Some("2015-03-25")),
            // ambiguous day and month, placeholders and words are no dates
            ("04/05/2007", None),
            ("0001-01-01T00:00:00", None),
            ("yesterday", None),
            ("", None),
        ];
        for (stated, iso) in cases {
            assert_eq!(iso_date(stated).as_deref(), iso, "{stated}");
        }
    }

    #[test]
    fn published_from_metadata_microdata_or_time() {
        let page = |head: &str, body: &str| {
            extract(&snap(&format!(
                "<head>{head}</head><body>{body}<p>{PARA}</p></body>"
            )))
            .meta
            .published
        };
        assert_eq!(
            page(
                r#"<meta name="publishdate" content="05/29/2007 09:49:00">"#,
                ""
            )
            .as_deref(),
            Some("2007-05-29T09:49:00")
        );
        // an unreadable meta date gives way to the microdata one
        assert_eq!(
            page(
                r#"<meta name="date" content="soon">"#,
                r#"<span itemprop="datePublished" content="2016-05-08T00:55:00-07:00">12:55 AM</span>"#
            )
            .as_deref(),
            Some("2016-05-08T00:55:00-07:00")
        );
        assert_eq!(
            page("", r#"<time datetime="2019-02-21">Feb. 21</time>"#).as_deref(),
            Some("2019-02-21")
        );
        assert_eq!(page("", ""), None);
        // the day alone in JSON-LD, the time in a meta: the more precise statement of the same day
        assert_eq!(
            page(
                r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"November 19, 2019"}</script>
                <meta property="article:published_time" content="2019-11-19T11:21:08+00:00">"#,
                ""
            )
            .as_deref(),
            Some("2019-11-19T11:21:08+00:00")
        );
    }

    #[test]
    fn visible_date_against_declared_date() {
        use super::super::date_text::find_date;
        let r = |declared: Option<&str>, shown: &str| {
            reconcile(declared.map(str::to_string), find_date(shown))
        };
        // nothing declared: the shown date
        assert_eq!(
            r(None, "Dec. 16, 2016, 4:19 PM").as_deref(),
            Some("2016-12-16T16:19:00")
        );
        // a UTC instant shown six hours earlier: the same moment on the reader's day
        assert_eq!(
            r(Some("2016-12-23T00:47:31Z"), "Dec. 22, 2016, 6:47 p.m.").as_deref(),
            Some("2016-12-22T18:47:31-06:00")
        );
        // a shown clock that is no zone away (an update, another event): the declared date stands
        assert_eq!(
            r(Some("2016-12-23T00:47:31Z"), "Dec. 22, 2016, 6:10 p.m.").as_deref(),
            Some("2016-12-23T00:47:31Z")
        );
        // both state an offset and agree on the day: the declared instant stands
        assert_eq!(
            r(Some("2017-01-18T19:44:11Z"), "Jan 18, 2017 10:44 am PST").as_deref(),
            Some("2017-01-18T19:44:11Z")
        );
        // a declared time without offset, shown with its zone: the offset is kept
        assert_eq!(
            r(Some("2022-10-17T16:01:26"), "10/17/2022 04:01 PM EDT").as_deref(),
            Some("2022-10-17T16:01:26-04:00")
        );
        // a declared day one off the shown day: the shown day; further off: the declared one
        assert_eq!(
            r(Some("2019-03-05"), "2019年3月4日").as_deref(),
            Some("2019-03-04")
        );
        assert_eq!(
            r(Some("2019-03-09"), "2019年3月4日").as_deref(),
            Some("2019-03-09")
        );
    }

    #[test]
    fn date_line_under_the_headline_is_read() {
        let page = |under: &str| {
            format!(
                "<body><h1>Council votes to close the old bridge</h1><p>{under}</p>\
                 <figure><figcaption>The bridge on March 3, 2016.</figcaption></figure>\
                 <p>{PARA}</p><p>{PARA}</p></body>"
            )
        };
        let date = |html: &str| extract(&snap(html)).meta.published;
        assert_eq!(
            date(&page("By Ann Lee | 16 décembre 2016 à 15h30")).as_deref(),
            Some("2016-12-16T15:30:00")
        );
        // the caption's date is the picture's, the body's dates are the story's
        assert_eq!(date(&page("By Ann Lee")), None);
        let html = format!(
            "<body><h1>Council votes to close the old bridge</h1><p>{PARA}</p><p>{PARA}</p>\
             <p>On March 3, 2016, it said so.</p></body>"
        );
        assert_eq!(date(&html), None);
    }
}
