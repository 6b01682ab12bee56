//! The publication date: metadata sources read as ISO 8601.

use super::meta::{meta_content, Metas};
use crate::snapshot::Snapshot;
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
/// `<time datetime>`. Values that [`iso_date`] cannot read as a date are passed over.
pub(super) fn published_date(
    snap: &Snapshot,
    metas: &Metas<'_>,
    ld: Option<&Value>,
) -> Option<String> {
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
            .map(str::to_string)
    });
    let time = snap
        .nodes
        .iter()
        .filter(|n| n.tag == "time")
        .find_map(|n| n.attr("datetime").map(str::to_string));
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

/// Month names and abbreviations (English, French, German, Spanish, Portuguese) that open a date
/// glued after a byline ("By Nathan Willis March 25, 2015"); only cut when a number follows, so
/// "June Smith" stays a name.
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
}
