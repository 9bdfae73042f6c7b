//! Rule `not-nfc`: text is in Unicode Normalization Form C, so equal texts
//! are equal byte for byte in every export, search index and diff.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc, is_nfc_quick};

use super::{TextRule, TextViolation};

/// Finds the first character where the text and its NFC form differ.
pub(super) struct NotNfc;

impl TextRule for NotNfc {
    fn code(&self) -> &'static str {
        "not-nfc"
    }

    fn summary(&self) -> &'static str {
        "text is in Unicode Normalization Form C (NFC)"
    }

    fn check(&self, text: &str) -> Option<TextViolation> {
        // ASCII is always NFC; the quick check settles almost all the rest.
        if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes || is_nfc(text) {
            return None;
        }
        let nfc: String = text.nfc().collect();
        let index = text
            .chars()
            .zip(nfc.chars())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| nfc.chars().count());
        let excerpt: String = nfc.chars().skip(index.saturating_sub(3)).take(8).collect();
        Some(TextViolation {
            index,
            message: format!(
                "text is not in Unicode NFC (first difference at character {})",
                index + 1
            ),
            hint: format!("normalize it to NFC; the composed text reads \"…{excerpt}…\""),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_decomposed_text() {
        assert_eq!(NotNfc.check("cafe\u{301}").map(|v| v.index), Some(3));
        assert!(NotNfc.check("café 人工智能").is_none());
    }
}
