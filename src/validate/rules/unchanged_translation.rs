//! Rule `unchanged-translation` (warning): a translation identical to its
//! source was probably copied and not translated. Texts of one or two
//! words (names, acronyms) are allowed to stay the same.

use super::translation_support::unit_pointer;
use super::{TranslationRule, TranslationSubject};
use crate::validate::Finding;

/// Finds translations equal to their source.
pub(super) struct UnchangedTranslation;

impl TranslationRule for UnchangedTranslation {
    fn code(&self) -> &'static str {
        "unchanged-translation"
    }

    fn summary(&self) -> &'static str {
        "warning: a translation is not a copy of its source (names excepted)"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        for (id, unit, pivot) in subject.compared() {
            if unit.translation == pivot && pivot.split_whitespace().count() > 2 {
                out.push(
                    Finding::warning(
                        self.code(),
                        unit_pointer(id, "translation"),
                        "the translation is the same as the original".to_owned(),
                    )
                    .hint(
                        "translate the text; if it really stays the same, this warning can be left",
                    ),
                );
            }
        }
    }
}
