//! Rule `end-punctuation` (warning): a translation ends like its source (a
//! full stop, question mark, colon…), read language by language: `。` and
//! `.` are both full stops, `؟` is Arabic's question mark, Spanish opens a
//! question with `¿`, and French puts a space before `; : ! ?`.

use super::translation_support::unit_pointer;
use super::{TranslationRule, TranslationSubject};
use crate::source::Target;
use crate::validate::Finding;

/// Compares how each translation ends with how its source ends.
pub(super) struct EndPunctuation;

/// The kind of sentence end a character is.
fn class(c: char) -> Option<&'static str> {
    Some(match c {
        '.' | '。' | '।' | '۔' => "a full stop",
        '?' | '؟' | '？' => "a question mark",
        '!' | '！' => "an exclamation mark",
        ':' | '：' => "a colon",
        ';' | '؛' | '；' => "a semicolon",
        _ => return None,
    })
}

fn ending(text: &str) -> Option<char> {
    text.trim_end_matches(['"', '\'', '»', '”', '’', ')', '」', '』'])
        .chars()
        .next_back()
}

impl TranslationRule for EndPunctuation {
    fn code(&self) -> &'static str {
        "end-punctuation"
    }

    fn summary(&self) -> &'static str {
        "warning: a translation ends with the same kind of punctuation as its source"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let translation = subject.translation;
        let language = translation.language.primary();
        for (id, unit, pivot) in subject.compared() {
            let text = &unit.translation;
            let want = ending(pivot).and_then(class);
            let last = ending(text);
            let have = last.and_then(class);
            let at = text.chars().count().saturating_sub(1);
            if want != have {
                let describe = |c: Option<&'static str>| c.unwrap_or("no punctuation");
                out.push(
                    Finding::warning(
                        self.code(),
                        unit_pointer(id, "translation"),
                        format!(
                            "the original ends with {}, the translation with {}",
                            describe(want),
                            describe(have)
                        ),
                    )
                    .at(Target::Char(at))
                    .hint(
                        "end the translation as the original ends, in this language's punctuation",
                    ),
                );
                continue;
            }
            if language == "es" && have == Some("a question mark") && !text.contains('¿') {
                out.push(
                    Finding::warning(
                        self.code(),
                        unit_pointer(id, "translation"),
                        "the question has no opening ¿".to_owned(),
                    )
                    .hint("Spanish opens a question with ¿"),
                );
            } else if language == "fr"
                && matches!(last, Some('?' | '!' | ':' | ';'))
                && !text
                    .chars()
                    .rev()
                    .nth(1)
                    .is_some_and(|c| matches!(c, ' ' | '\u{A0}' | '\u{202F}'))
            {
                out.push(
                    Finding::warning(
                        self.code(),
                        unit_pointer(id, "translation"),
                        format!("French puts a space before the final `{}`", last.unwrap_or(' ')),
                    )
                    .at(Target::Char(at))
                    .hint("insert a narrow no-break space (U+202F) or a no-break space (U+00A0) before it"),
                );
            }
        }
    }
}
