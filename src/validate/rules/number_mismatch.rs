//! Rule `number-mismatch`: a translation has the same numbers as its
//! source (2030, 4, …), counted with repeats, after reading native digits
//! (Arabic-Indic ٢٠٣٠, Devanagari, full-width, …) as their values.

use super::translation_support::{compared, unit_pointer};
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
    if code < 0x660 {
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
    for c in text.chars() {
        match digit(c) {
            Some(d) => current.push(d),
            None if !current.is_empty() => found.push(std::mem::take(&mut current)),
            None => {}
        }
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
        let translation = subject.translation;
        let pivots = &subject.pivots;
        for (id, unit, pivot) in compared(translation, pivots) {
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

    #[test]
    fn reads_native_digits() {
        assert_eq!(numbers("the 2030 goal, 4 times"), ["2030", "4"]);
        assert_eq!(numbers("هدف ٢٠٣٠"), ["2030"]);
        assert_eq!(numbers("２０３０年"), ["2030"]);
        assert!(numbers("none").is_empty());
    }
}
