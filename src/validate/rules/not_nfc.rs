//! Rule `not-nfc`: text is in Unicode Normalization Form C, so equal texts
//! are equal byte for byte in every export, search index and diff.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc, is_nfc_quick};

use super::{TextRule, TextScan, TextViolation};

/// Finds the first character where the text and its NFC form differ.
pub(super) struct NotNfc;

impl TextRule for NotNfc {
    fn code(&self) -> &'static str {
        "not-nfc"
    }

    fn summary(&self) -> &'static str {
        "text is in Unicode Normalization Form C (NFC)"
    }

    fn applies(&self, scan: &TextScan) -> bool {
        !scan.stable
    }

    fn check(&self, text: &str) -> Option<TextViolation> {
        // Text made only of stable starters never gets here (see
        // `applies`); the quick check settles almost all the rest.
        if is_nfc_quick(text.chars()) == IsNormalized::Yes || is_nfc(text) {
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

/// Whether `c` is a character NFC leaves alone wherever it stands: its
/// NFC quick check is Yes and its combining class 0, so it never composes
/// with the character before it or reorders. Only the blocks policy texts
/// are mostly written in are listed (Latin, Cyrillic, Arabic letters and
/// digits, common punctuation, CJK ideographs and punctuation, full-width
/// forms); anything else goes to the full quick check.
pub(super) const fn stable_starter(c: char) -> bool {
    matches!(
        c,
        '\0'..='\u{02FF}'
            | '\u{0400}'..='\u{0482}'
            | '\u{048A}'..='\u{052F}'
            | '\u{0600}'..='\u{060F}'
            | '\u{061B}'..='\u{064A}'
            | '\u{0660}'..='\u{0669}'
            | '\u{2010}'..='\u{2027}'
            | '\u{3000}'..='\u{3029}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{FF01}'..='\u{FF5E}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stable_starter_is_nfc_on_its_own_and_after_any_other() {
        use unicode_normalization::char::canonical_combining_class;
        let starters: Vec<char> = ('\0'..=char::MAX).filter(|&c| stable_starter(c)).collect();
        for &c in &starters {
            assert_eq!(canonical_combining_class(c), 0, "{:04X}", u32::from(c));
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "{:04X}",
                u32::from(c)
            );
        }
        // A starter never composes with what comes before it.
        for before in [
            'a', 'e', 'A', '\u{0418}', '\u{0627}', '\u{1100}', '\u{AC00}',
        ] {
            for &c in &starters {
                let pair: String = [before, c].iter().collect();
                assert!(
                    is_nfc(&pair),
                    "{:04X} {:04X}",
                    u32::from(before),
                    u32::from(c)
                );
            }
        }
    }

    #[test]
    fn finds_decomposed_text() {
        assert_eq!(NotNfc.check("cafe\u{301}").map(|v| v.index), Some(3));
        assert!(NotNfc.check("café 人工智能").is_none());
    }
}
