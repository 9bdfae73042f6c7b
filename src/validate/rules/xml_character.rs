//! Rule `xml-character`: text holds only characters XML 1.0 can carry, so
//! the XML and Akoma Ntoso exports never have to drop or mangle one.

use super::{TextRule, TextScan, TextViolation, codepoint};

/// Finds the first character outside XML 1.0's `Char` production.
pub(super) struct XmlCharacter;

/// Whether XML 1.0 (fifth edition, production 2) allows `c`.
pub(super) fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

impl TextRule for XmlCharacter {
    fn code(&self) -> &'static str {
        "xml-character"
    }

    fn summary(&self) -> &'static str {
        "no characters XML 1.0 cannot carry (U+FFFE, U+FFFF, C0 controls)"
    }

    fn applies(&self, scan: &TextScan) -> bool {
        scan.special
    }

    fn check(&self, text: &str) -> Option<TextViolation> {
        // C0 controls are `control-character`'s to report; this rule adds the
        // non-characters XML also refuses.
        let (index, c) = text
            .chars()
            .enumerate()
            .find(|&(_, c)| !is_xml_char(c) && !c.is_control())?;
        Some(TextViolation {
            index,
            message: format!(
                "text contains {}, which XML 1.0 cannot carry, at character {}",
                codepoint(c),
                index + 1
            ),
            hint: "remove it: it is a non-character, usually the trace of a broken conversion"
                .into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_non_characters() {
        assert_eq!(XmlCharacter.check("ab\u{FFFE}").map(|v| v.index), Some(2));
        assert_eq!(XmlCharacter.check("\u{FFFF}").map(|v| v.index), Some(0));
        assert!(XmlCharacter.check("a\u{1F600}《》").is_none());
        assert!(!is_xml_char('\u{0}'));
    }
}
