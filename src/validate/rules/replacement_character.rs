//! Rule `replacement-character`: no text contains U+FFFD, the mark a
//! decoder leaves where it met bytes it could not read (mojibake). The
//! text was damaged on its way in and must be copied again.

use super::{TextRule, TextScan, TextViolation};

/// Finds U+FFFD.
pub(super) struct ReplacementCharacter;

impl TextRule for ReplacementCharacter {
    fn code(&self) -> &'static str {
        "replacement-character"
    }

    fn summary(&self) -> &'static str {
        "no U+FFFD replacement characters (text damaged by a wrong encoding)"
    }

    fn applies(&self, scan: &TextScan) -> bool {
        scan.special
    }

    fn check(&self, text: &str) -> Option<TextViolation> {
        let index = text.chars().position(|c| c == '\u{FFFD}')?;
        Some(TextViolation {
            index,
            message: "text contains U+FFFD (�), the mark of bytes a program could not decode"
                .into(),
            hint: "copy the text again from the original, saved as UTF-8".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_replacement_character() {
        assert_eq!(
            ReplacementCharacter.check("ab\u{FFFD}").map(|v| v.index),
            Some(2)
        );
        assert!(ReplacementCharacter.check("abc").is_none());
    }
}
