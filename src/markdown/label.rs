//! Reads the number label at the start of a section heading, in the
//! numbering styles policy texts use: `一、`, `I. `, `1. `, `Article 1`,
//! `第一条`.
//!
//! The model keeps only the number: the rendition writes each language's
//! own label (see [`crate::model::section_label`]), so a text numbered
//! `Article 1` or `第一条` comes back as `I.` and `一、`.

use crate::model::{Language, section_label};

/// The section number a heading starts with, and the heading's text after
/// the label and its separator; `None` when the heading has no label this
/// reader knows.
pub fn split_label(heading: &str) -> Option<(u32, &str)> {
    article(heading)
        .or_else(|| chinese_article(heading))
        .or_else(|| chinese_list(heading))
        .or_else(|| roman_or_arabic(heading))
}

/// `Article 1`, `Article IV`, followed by `.`, `:`, a dash or a space.
fn article(heading: &str) -> Option<(u32, &str)> {
    let rest = heading.strip_prefix("Article ")?;
    let end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let (label, rest) = rest.split_at(end);
    let number = arabic(label).or_else(|| roman(label))?;
    Some((number, trim_separator(rest)))
}

/// `第一条` (or `第1条`), followed by an optional separator.
fn chinese_article(heading: &str) -> Option<(u32, &str)> {
    let rest = heading.strip_prefix('第')?;
    let (label, rest) = rest.split_once('条')?;
    let number = arabic(label).or_else(|| chinese(label))?;
    Some((number, trim_separator(rest)))
}

/// `一、` (or `1、`).
fn chinese_list(heading: &str) -> Option<(u32, &str)> {
    let (label, rest) = heading.split_once('、')?;
    let number = chinese(label).or_else(|| arabic(label))?;
    Some((number, rest))
}

/// `I. ` or `1. `.
fn roman_or_arabic(heading: &str) -> Option<(u32, &str)> {
    let (label, rest) = heading.split_once(". ")?;
    let number = roman(label).or_else(|| arabic(label))?;
    Some((number, rest))
}

fn trim_separator(rest: &str) -> &str {
    rest.trim_start_matches([' ', '\u{3000}', '.', ':', '：', '、', '-', '–', '—'])
}

fn arabic(label: &str) -> Option<u32> {
    if label.is_empty() || !label.bytes().all(|b| b.is_ascii_digit()) || label.starts_with('0') {
        return None;
    }
    label.parse().ok()
}

/// A Roman numeral in the canonical form the model writes.
fn roman(label: &str) -> Option<u32> {
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values: Vec<u32> = label.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= i64::from(*v),
            _ => total += i64::from(*v),
        }
    }
    let number = u32::try_from(total).ok().filter(|&n| n > 0)?;
    (section_label(&Language::new("en"), number) == label).then_some(number)
}

/// A Chinese numeral (一 … 九百九十九) in the form the model writes.
fn chinese(label: &str) -> Option<u32> {
    const DIGITS: &str = "零一二三四五六七八九";
    let mut total = 0;
    let mut digit: Option<u32> = None;
    for c in label.chars() {
        match c {
            '十' => total += digit.take().unwrap_or(1) * 10,
            '百' => total += digit.take()? * 100,
            _ => {
                let d = DIGITS.chars().position(|x| x == c)?;
                digit = Some(u32::try_from(d).ok()?);
            }
        }
    }
    let number = total + digit.unwrap_or(0);
    (number > 0 && section_label(&Language::new("zh-Hans"), number) == label).then_some(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_every_label_the_model_writes() {
        for number in 1..=999 {
            for tag in ["zh-Hans", "en"] {
                let language = Language::new(tag);
                let heading = format!(
                    "{}{}Heading",
                    section_label(&language, number),
                    crate::model::section_separator(&language)
                );
                assert_eq!(
                    split_label(&heading),
                    Some((number, "Heading")),
                    "{heading}"
                );
            }
        }
    }

    #[test]
    fn reads_other_numbering_styles() {
        assert_eq!(split_label("Article 1. Scope"), Some((1, "Scope")));
        assert_eq!(split_label("Article 12 – Scope"), Some((12, "Scope")));
        assert_eq!(split_label("第一条 范围"), Some((1, "范围")));
        assert_eq!(split_label("第十二条　范围"), Some((12, "范围")));
        assert_eq!(split_label("3. Scope"), Some((3, "Scope")));
        assert_eq!(split_label("Scope"), None);
        assert_eq!(split_label("IIII. Scope"), None);
    }
}
