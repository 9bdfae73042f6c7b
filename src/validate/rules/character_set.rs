//! Defines the character-set rules: each reports the first character of a
//! text that falls in its set. One row of this file per rule, each with its
//! own code, set, message and hint; a new rule of this shape is one more
//! row and one line in `TEXT_RULES`.
//!
//! Every set lies inside what [`TextScan::special`] looks for, so none of
//! these rules runs on a text the shared scan found nothing in (a test below
//! checks every character).

use super::{TextRule, TextScan, TextViolation, codepoint};

/// A rule that reports the first character of a text in a set.
pub(super) struct CharacterSet {
    /// The stable code diagnostics carry.
    code: &'static str,
    /// One line saying what the rule checks, for `initiative rules`.
    summary: &'static str,
    /// Whether `c` is in the set.
    contains: fn(char) -> bool,
    /// The message for `c`, found at 0-based character `index`.
    message: fn(c: char, index: usize) -> String,
    /// What to do.
    hint: &'static str,
}

impl TextRule for CharacterSet {
    fn code(&self) -> &'static str {
        self.code
    }

    fn summary(&self) -> &'static str {
        self.summary
    }

    fn applies(&self, scan: &TextScan) -> bool {
        scan.special
    }

    fn check(&self, text: &str) -> Option<TextViolation> {
        let (index, c) = text
            .chars()
            .enumerate()
            .find(|&(_, c)| (self.contains)(c))?;
        Some(TextViolation {
            index,
            message: (self.message)(c, index),
            hint: self.hint.into(),
        })
    }
}

/// Rule `control-character`: no C0 or C1 control characters (nor DEL) in
/// any text. A paragraph is one line; a stray control breaks CSV readers,
/// terminals and XML alike.
pub(super) const CONTROL_CHARACTER: CharacterSet = CharacterSet {
    code: "control-character",
    summary: "no C0/C1 control characters (tab, line break, NUL, U+0080–U+009F …) in text",
    contains: char::is_control,
    message: control_message,
    hint: "remove it: each paragraph is one line of plain text; split paragraphs into separate units",
};

fn control_message(c: char, index: usize) -> String {
    let what = match c {
        '\n' | '\r' => "a line break",
        '\t' => "a tab",
        _ => "a control character",
    };
    format!(
        "text contains {what} ({}) at character {}",
        codepoint(c),
        index + 1
    )
}

/// Rule `xml-character`: text holds only characters XML 1.0 can carry, so
/// the XML and Akoma Ntoso exports never have to drop or mangle one.
///
/// C0 controls are `control-character`'s to report; this rule adds the
/// non-characters XML also refuses.
pub(super) const XML_CHARACTER: CharacterSet = CharacterSet {
    code: "xml-character",
    summary: "no characters XML 1.0 cannot carry (U+FFFE, U+FFFF, C0 controls)",
    contains: |c| !is_xml_char(c) && !c.is_control(),
    message: |c, index| {
        format!(
            "text contains {}, which XML 1.0 cannot carry, at character {}",
            codepoint(c),
            index + 1
        )
    },
    hint: "remove it: it is a non-character, usually the trace of a broken conversion",
};

/// Whether XML 1.0 (fifth edition, production 2) allows `c`.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Rule `bidi-control`: no bidirectional embedding, override or isolate
/// controls (U+202A–U+202E, U+2066–U+2069), which can make text display
/// differently from what it says (the "Trojan Source" hazard).
pub(super) const BIDI_CONTROL: CharacterSet = CharacterSet {
    code: "bidi-control",
    summary: "no bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069)",
    contains: |c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
    message: |c, index| {
        format!(
            "text contains the invisible bidi control {} {} at character {}",
            codepoint(c),
            bidi_name(c),
            index + 1
        )
    },
    hint: "remove it: direction comes from the language; invisible controls can disguise what the text says",
};

fn bidi_name(c: char) -> &'static str {
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

/// Rule `replacement-character`: no text contains U+FFFD, the mark a
/// decoder leaves where it met bytes it could not read (mojibake). The
/// text was damaged on its way in and must be copied again.
pub(super) const REPLACEMENT_CHARACTER: CharacterSet = CharacterSet {
    code: "replacement-character",
    summary: "no U+FFFD replacement characters (text damaged by a wrong encoding)",
    contains: |c| c == '\u{FFFD}',
    message: |_, _| "text contains U+FFFD (�), the mark of bytes a program could not decode".into(),
    hint: "copy the text again from the original, saved as UTF-8",
};

/// Rule `zero-width`: no invisible zero-width space (U+200B), word joiner
/// (U+2060) or byte order mark (U+FEFF) inside text. They come in with
/// copy and paste, break search and make equal texts compare unequal.
/// Zero-width joiners and non-joiners (U+200C, U+200D) are allowed: Arabic,
/// Persian and Indic scripts need them.
pub(super) const ZERO_WIDTH: CharacterSet = CharacterSet {
    code: "zero-width",
    summary: "no zero-width spaces, word joiners or stray BOMs inside text",
    contains: |c| matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}'),
    message: |c, _| format!("text contains the invisible character {}", codepoint(c)),
    hint: "delete it: place the cursor after the spot and press Backspace once",
};

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [&CharacterSet; 5] = [
        &CONTROL_CHARACTER,
        &XML_CHARACTER,
        &BIDI_CONTROL,
        &REPLACEMENT_CHARACTER,
        &ZERO_WIDTH,
    ];

    #[test]
    fn every_set_lies_inside_what_the_shared_scan_looks_for() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            for rule in ALL {
                assert!(
                    !(rule.contains)(c) || super::super::special(c),
                    "{} {}",
                    rule.code,
                    codepoint(c)
                );
            }
        }
    }

    #[test]
    fn finds_c0_and_c1() {
        let control = &CONTROL_CHARACTER;
        assert_eq!(control.check("ab\u{7}c").map(|v| v.index), Some(2));
        assert_eq!(control.check("a\u{85}").map(|v| v.index), Some(1));
        assert_eq!(control.check("a\nb").map(|v| v.index), Some(1));
        assert!(control.check("人工智能 AI").is_none());
    }

    #[test]
    fn finds_non_characters() {
        let xml = &XML_CHARACTER;
        assert_eq!(xml.check("ab\u{FFFE}").map(|v| v.index), Some(2));
        assert_eq!(xml.check("\u{FFFF}").map(|v| v.index), Some(0));
        assert!(xml.check("a\u{1F600}《》").is_none());
        assert!(!is_xml_char('\u{0}'));
    }

    #[test]
    fn finds_overrides_and_isolates() {
        let bidi = &BIDI_CONTROL;
        assert_eq!(bidi.check("ab\u{202E}c").map(|v| v.index), Some(2));
        assert_eq!(bidi.check("\u{2069}").map(|v| v.index), Some(0));
        assert!(bidi.check("مرحبا بالعالم").is_none());
    }

    #[test]
    fn finds_the_replacement_character() {
        let replacement = &REPLACEMENT_CHARACTER;
        assert_eq!(replacement.check("ab\u{FFFD}").map(|v| v.index), Some(2));
        assert!(replacement.check("abc").is_none());
    }

    #[test]
    fn finds_invisible_spaces_but_not_joiners() {
        let zero_width = &ZERO_WIDTH;
        assert_eq!(zero_width.check("a\u{200B}b").map(|v| v.index), Some(1));
        assert!(zero_width.check("می\u{200C}خواهم").is_none());
    }
}
