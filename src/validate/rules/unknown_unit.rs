//! Rule `unknown-unit`: every unit in a translation exists in the
//! document, so no translated text is silently dropped.

use super::translation_support::unit_pointer;
use super::{TranslationRule, TranslationSubject};
use crate::source::Target;
use crate::validate::Finding;

/// Finds unit ids the document does not have.
pub(super) struct UnknownUnit;

impl TranslationRule for UnknownUnit {
    fn code(&self) -> &'static str {
        "unknown-unit"
    }

    fn summary(&self) -> &'static str {
        "every translated unit and name exists in the document"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let translation = subject.translation;
        let document = subject.document;
        let pivots = &subject.pivots;
        for id in translation.units.keys() {
            if !pivots.contains_key(id) {
                out.push(
                    Finding::error(
                        self.code(),
                        unit_pointer(id, "").trim_end_matches('/'),
                        format!("unit `{id}` does not exist in `{}`", document.id),
                    )
                    .at(Target::Key)
                    .hint("check the spelling against `initiative translation template`, or remove this unit"),
                );
            }
        }
        for id in translation.names.keys() {
            if !document.references.iter().any(|r| r.id.as_str() == id) {
                out.push(
                    Finding::error(
                        self.code(),
                        format!("/names/{id}"),
                        format!("`{id}` is not a reference of `{}`", document.id),
                    )
                    .at(Target::Key)
                    .hint("check the spelling against the document's \"references\", or remove this name"),
                );
            }
        }
    }
}
