//! Rule `zero-width`: no invisible zero-width space (U+200B), word joiner
//! (U+2060) or byte order mark (U+FEFF) inside text. They come in with
//! copy and paste, break search and make equal texts compare unequal.
//! Zero-width joiners and non-joiners (U+200C, U+200D) are allowed: Arabic,
//! Persian and Indic scripts need them.

use super::{TextRule, TextScan, TextViolation, codepoint};

/// Finds invisible zero-width characters.
pub(super) struct ZeroWidth;

impl TextRule for ZeroWidth {
    fn code(&self) -> &'static str {
        "zero-width"
    }

    fn summary(&self) -> &'static str {
        "no zero-width spaces, word joiners or stray BOMs inside text"
    }

    fn applies(&self, scan: &TextScan) -> bool {
        scan.special
    }

    fn check(&self, text: &str) -> Option<TextViolation> {
        let (index, c) = text
            .chars()
            .enumerate()
            .find(|(_, c)| matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}'))?;
        Some(TextViolation {
            index,
            message: format!("text contains the invisible character {}", codepoint(c)),
            hint: "delete it: place the cursor after the spot and press Backspace once".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_invisible_spaces_but_not_joiners() {
        assert_eq!(ZeroWidth.check("a\u{200B}b").map(|v| v.index), Some(1));
        assert!(ZeroWidth.check("می\u{200C}خواهم").is_none());
    }
}
