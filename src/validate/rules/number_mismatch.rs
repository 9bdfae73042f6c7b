//! Rule `number-mismatch`: a translation has the same numbers as its
//! source (2030, 4, …), counted with repeats, after reading native digits
//! (Arabic-Indic ٢٠٣٠, Devanagari, full-width, …) as their values.

use super::marked::marked_chars;
use super::translation_support::unit_pointer;
use super::{TranslationRule, TranslationSubject};
use crate::validate::Finding;

/// Compares the numbers of each translation with its source.
pub(super) struct NumberMismatch;

/// The first code point of each run of decimal digits 0–9 in Unicode that
/// translations are likely to use.
const DIGIT_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10,
];

/// The value of a decimal digit in any of the scripts above.
fn digit(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        return Some(c);
    }
    let code = u32::from(c);
    // Outside the blocks of the digits above (most letters, every CJK
    // ideograph): no digit, without a look at the list.
    if !(0x660..0x1820).contains(&code) && !(0xFF10..0xFF1A).contains(&code) {
        return None;
    }
    DIGIT_ZEROS
        .iter()
        .find(|zero| (**zero..*zero + 10).contains(&code))
        .and_then(|zero| char::from_digit(code - zero, 10))
}

/// The numbers in `text`, as ASCII digit strings, sorted.
pub(super) fn numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    // Where the last digit read ends: a digit starting anywhere else
    // starts a new number.
    let mut after = 0;
    // An ASCII digit, or the first byte of a character in the blocks of
    // the other digits: the others are passed over unread.
    let may_be_digit = |b: u8| b.is_ascii_digit() || matches!(b, 0xD9..=0xE1 | 0xEF);
    for (i, rest) in marked_chars(text, may_be_digit) {
        let Some((c, d)) = rest.chars().next().and_then(|c| digit(c).map(|d| (c, d))) else {
            continue;
        };
        if i != after && !current.is_empty() {
            found.push(std::mem::take(&mut current));
        }
        current.push(d);
        after = i + c.len_utf8();
    }
    if !current.is_empty() {
        found.push(current);
    }
    found.sort();
    found
}

impl TranslationRule for NumberMismatch {
    fn code(&self) -> &'static str {
        "number-mismatch"
    }

    fn summary(&self) -> &'static str {
        "a translation has the same numbers as its source"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        for (id, unit, pivot) in subject.compared() {
            let mut expected = numbers(pivot);
            let mut extra = Vec::new();
            for number in numbers(&unit.translation) {
                match expected.iter().position(|n| *n == number) {
                    Some(i) => {
                        expected.remove(i);
                    }
                    None => extra.push(number),
                }
            }
            let message = match (expected.first(), extra.first()) {
                (Some(missing), _) => {
                    format!("the number {missing} in the original is missing from the translation")
                }
                (None, Some(added)) => {
                    format!("the translation has the number {added}, which the original does not")
                }
                (None, None) => continue,
            };
            out.push(
                Finding::error(self.code(), unit_pointer(id, "translation"), message)
                    .hint("numbers, years and counts must stay as in the original; native digits are fine"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `numbers` read character by character, as a reader would.
    fn numbers_by_chars(text: &str) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        let mut current = String::new();
        for c in text.chars() {
            match digit(c) {
                Some(d) => current.push(d),
                None if !current.is_empty() => found.push(std::mem::take(&mut current)),
                None => {}
            }
        }
        found.extend(Some(current).filter(|c| !c.is_empty()));
        found.sort();
        found
    }

    #[test]
    fn numbers_skip_only_what_cannot_be_a_digit() {
        let pieces = [
            "1", "0", "٢", "۳", "५", "３", "၄", "᠕", "a", "é", "人", "ب", " ", "\u{A0}",
            "\u{0E51}", "\u{17E9}", "\u{FF1A}", "\u{065F}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(numbers(&text), numbers_by_chars(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn reads_native_digits() {
        assert_eq!(numbers("the 2030 goal, 4 times"), ["2030", "4"]);
        assert_eq!(numbers("هدف ٢٠٣٠"), ["2030"]);
        assert_eq!(numbers("２０３０年"), ["2030"]);
        assert!(numbers("none").is_empty());
    }
}
