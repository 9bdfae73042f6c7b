//! Rule `double-space` (warning): a translation has no run of two or more
//! spaces, a common slip when editing.

use super::translation_support::unit_pointer;
use super::{TranslationRule, TranslationSubject};
use crate::source::Target;
use crate::validate::Finding;

/// Finds double spaces in translations.
pub(super) struct DoubleSpace;

impl TranslationRule for DoubleSpace {
    fn code(&self) -> &'static str {
        "double-space"
    }

    fn summary(&self) -> &'static str {
        "warning: no double spaces in a translation"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let translation = subject.translation;
        for (id, unit) in translation
            .translated()
            .filter(|(_, u)| !u.translation.trim().is_empty())
        {
            let text = &unit.translation;
            let before = |byte: usize| text.get(..byte).map_or(0, |s| s.chars().count());
            // A vectorized search: most translations have no double space.
            if let Some(at) = memchr::memmem::find(text.as_bytes(), b"  ").map(before) {
                out.push(
                    Finding::warning(
                        self.code(),
                        unit_pointer(id, "translation"),
                        "the translation has two spaces in a row".to_owned(),
                    )
                    .at(Target::Char(at))
                    .hint("delete one of the spaces"),
                );
            }
        }
    }
}
