//! Rule `empty-translation`: a translation is not only white space. (An
//! empty string means "not translated yet", which `missing-unit` covers.)

use super::translation_support::unit_pointer;
use super::{TranslationRule, TranslationSubject};
use crate::validate::Finding;

/// Finds translations made of white space.
pub(super) struct EmptyTranslation;

impl TranslationRule for EmptyTranslation {
    fn code(&self) -> &'static str {
        "empty-translation"
    }

    fn summary(&self) -> &'static str {
        "no translation is only white space"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let translation = subject.translation;
        for (id, unit) in translation.translated() {
            if unit.translation.trim().is_empty() {
                out.push(
                    Finding::error(
                        self.code(),
                        unit_pointer(id, "translation"),
                        "the translation is only white space".to_owned(),
                    )
                    .hint("write the translation, or leave it as \"\" until it is done"),
                );
            }
        }
    }
}
