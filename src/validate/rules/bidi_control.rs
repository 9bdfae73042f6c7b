//! Rule `bidi-control`: no bidirectional embedding, override or isolate
//! controls, which can make text display differently from what it says
//! (the "Trojan Source" hazard).

use super::{TextRule, TextScan, TextViolation, codepoint};

/// Finds the first U+202A–U+202E or U+2066–U+2069.
pub(super) struct BidiControl;

fn name(c: char) -> &'static str {
    match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        _ => "POP DIRECTIONAL ISOLATE",
    }
}

impl TextRule for BidiControl {
    fn code(&self) -> &'static str {
        "bidi-control"
    }

    fn summary(&self) -> &'static str {
        "no bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069)"
    }

    fn applies(&self, scan: &TextScan) -> bool {
        scan.special
    }

    fn check(&self, text: &str) -> Option<TextViolation> {
        let (index, c) = text
            .chars()
            .enumerate()
            .find(|(_, c)| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))?;
        Some(TextViolation {
            index,
            message: format!(
                "text contains the invisible bidi control {} {} at character {}",
                codepoint(c),
                name(c),
                index + 1
            ),
            hint: "remove it: direction comes from the language; invisible controls can disguise what the text says".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_overrides_and_isolates() {
        assert_eq!(BidiControl.check("ab\u{202E}c").map(|v| v.index), Some(2));
        assert_eq!(BidiControl.check("\u{2069}").map(|v| v.index), Some(0));
        assert!(BidiControl.check("مرحبا بالعالم").is_none());
    }
}
