//! The Markdown rendition of a document, one file per official language,
//! and the reader that takes those files back.
//!
//! The layout, readable on any code host:
//!
//! ```text
//! <!-- hangzhou-initiative (en): made by `initiative build` … -->
//!
//! # <a id="title"></a>Hangzhou Initiative on AI and Education
//!
//! <a id="adopted"></a>12 May 2026
//!
//! <a id="preamble__para_1"></a>The surging wave …
//!
//! ## <a id="sec_1"></a><a id="sec_1__heading"></a>I. Jointly Uphold …
//!
//! <a id="sec_1__para_1"></a>We advocate …
//! ```
//!
//! Every unit is one line, after the anchor that carries its id; its text
//! is escaped (see [`escape`]) so that any text renders, and reads back, as
//! written. The section label is the language's own (see
//! [`crate::model::section_label`]).

mod escape;
mod label;
mod read;
mod write;

pub use escape::{escape, unescape};
pub use label::split_label;
pub use read::{
    Located, MARKDOWN_ANCHOR, MARKDOWN_DATE, MARKDOWN_NUMBERING, MARKDOWN_STRUCTURE, Rendition,
    SectionText, read,
};
pub use write::render;

use crate::model::{Date, Language};

/// The anchor before the date of adoption.
pub const ADOPTED_ANCHOR: &str = "adopted";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `date` as `language` writes it: `2026年5月12日` in Chinese and Japanese,
/// `12 May 2026` in English, `2026-05-12` otherwise.
pub fn date_in(date: &Date, language: &Language) -> String {
    let Some((year, month, day)) = date.parts() else {
        return date.to_string();
    };
    let month_name = usize::try_from(month)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|m| MONTHS.get(m));
    match (language.primary(), month_name) {
        ("zh" | "ja", _) => format!("{year}年{month}月{day}日"),
        ("en", Some(name)) => format!("{day} {name} {year}"),
        _ => date.to_string(),
    }
}

/// The date a line gives, in any of the forms [`date_in`] writes, with or
/// without parentheses (`(2026年5月12日)`), as an ISO date; `None` when it
/// is none of them or not a day of the calendar.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text
        .trim()
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）'])
        .trim();
    let (year, month, day) = iso(text)
        .or_else(|| chinese(text))
        .or_else(|| english(text))?;
    let month_value = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    time::Date::from_calendar_date(
        i32::try_from(year).ok()?,
        month_value,
        u8::try_from(day).ok()?,
    )
    .ok()?;
    Some(Date::new(format!("{year:04}-{month:02}-{day:02}")))
}

fn iso(text: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            Some((number(y)?, number(m)?, number(d)?))
        }
        _ => None,
    }
}

fn chinese(text: &str) -> Option<(u32, u32, u32)> {
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    Some((number(year)?, number(month)?, number(day)?))
}

fn english(text: &str) -> Option<(u32, u32, u32)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let month_of = |name: &str| {
        MONTHS
            .iter()
            .position(|m| *m == name)
            .and_then(|i| u32::try_from(i + 1).ok())
    };
    match words.as_slice() {
        [month, day, year] if month_of(month).is_some() => Some((
            number(year)?,
            month_of(month)?,
            number(day.strip_suffix(',')?)?,
        )),
        [day, month, year] => Some((number(year)?, month_of(month)?, number(day)?)),
        _ => None,
    }
}

fn number(text: &str) -> Option<u32> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_back_in_every_form() {
        let date = Date::new("2026-05-12");
        for tag in ["zh-Hans", "en", "fr"] {
            let written = date_in(&date, &Language::new(tag));
            assert_eq!(parse_date(&written), Some(date.clone()), "{written}");
        }
        assert_eq!(date_in(&date, &Language::new("en")), "12 May 2026");
        assert_eq!(parse_date("(2026年5月12日)"), Some(date.clone()));
        assert_eq!(parse_date("May 12, 2026"), Some(date));
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("sometime"), None);
    }
}
