//! Rule `length-ratio`: a translation is not wildly longer or shorter than
//! its source. Beyond ten times either way (pofilter's bound) it is an
//! error: a paragraph was cut or two were pasted. Outside a tighter band it
//! is a warning. The band is wider when one side is written in Han, kana
//! or Hangul, whose characters carry more per character.

use unicode_script::Script;

use super::script_mismatch::expected_scripts;
use super::translation_support::unit_pointer;
use super::{TranslationRule, TranslationSubject};
use crate::diagnostic::Severity;
use crate::model::Language;
use crate::validate::Finding;

/// Compares the length of each translation with its source.
pub(super) struct LengthRatio;

/// Whether text in `language` packs a word into one or two characters.
fn dense(language: &Language) -> bool {
    expected_scripts(language)
        .iter()
        .any(|s| matches!(s, Script::Han | Script::Hangul | Script::Hiragana))
}

impl TranslationRule for LengthRatio {
    fn code(&self) -> &'static str {
        "length-ratio"
    }

    fn summary(&self) -> &'static str {
        "a translation is within 10x of its source's length (warning outside a tighter band)"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let translation = subject.translation;
        let (low, high) = if dense(&translation.language) || dense(&translation.pivot) {
            (0.15, 6.0)
        } else {
            (0.4, 2.5)
        };
        for (id, unit, pivot) in subject.compared() {
            let source = pivot.chars().count();
            let target = unit.translation.chars().count();
            if source < 20 && target < 20 {
                continue;
            }
            #[allow(clippy::cast_precision_loss)]
            let ratio = target as f64 / source.max(1) as f64;
            let (severity, hint) = if !(0.1..=10.0).contains(&ratio) {
                (
                    Severity::Error,
                    "is part of the text missing, or was another paragraph pasted in?",
                )
            } else if !(low..=high).contains(&ratio) {
                (
                    Severity::Warning,
                    "check that the whole paragraph, and only it, is translated",
                )
            } else {
                continue;
            };
            let pointer = unit_pointer(id, "translation");
            let message = format!(
                "the translation has {target} characters against {source} in the original ({ratio:.1}x)"
            );
            out.push(Finding::new(severity, self.code(), pointer, message).hint(hint));
        }
    }
}
