//! Rule `control-character`: no C0 or C1 control characters (nor DEL) in
//! any text. A paragraph is one line; a stray control breaks CSV readers,
//! terminals and XML alike.

use super::{TextRule, TextScan, TextViolation, codepoint};

/// Finds the first C0/C1 control character.
pub(super) struct ControlCharacter;

impl TextRule for ControlCharacter {
    fn code(&self) -> &'static str {
        "control-character"
    }

    fn summary(&self) -> &'static str {
        "no C0/C1 control characters (tab, line break, NUL, U+0080–U+009F …) in text"
    }

    fn applies(&self, scan: &TextScan) -> bool {
        scan.special
    }

    fn check(&self, text: &str) -> Option<TextViolation> {
        let (index, c) = text.chars().enumerate().find(|(_, c)| c.is_control())?;
        let what = match c {
            '\n' | '\r' => "a line break",
            '\t' => "a tab",
            _ => "a control character",
        };
        Some(TextViolation {
            index,
            message: format!("text contains {what} ({}) at character {}", codepoint(c), index + 1),
            hint: "remove it: each paragraph is one line of plain text; split paragraphs into separate units".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_c0_and_c1() {
        assert_eq!(ControlCharacter.check("ab\u{7}c").map(|v| v.index), Some(2));
        assert_eq!(ControlCharacter.check("a\u{85}").map(|v| v.index), Some(1));
        assert_eq!(ControlCharacter.check("a\nb").map(|v| v.index), Some(1));
        assert!(ControlCharacter.check("人工智能 AI").is_none());
    }
}
