//! Rule `translation-language`: a translation is into a language that is
//! not official for the document, from a pivot language that is.

use super::{TranslationRule, TranslationSubject};
use crate::validate::Finding;

/// Checks the target and pivot languages against the official ones.
pub(super) struct TranslationLanguage;

impl TranslationRule for TranslationLanguage {
    fn code(&self) -> &'static str {
        "translation-language"
    }

    fn summary(&self) -> &'static str {
        "a translation is into a non-official language, from an official one"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let translation = subject.translation;
        let document = subject.document;
        let official: Vec<&str> = document
            .languages
            .iter()
            .map(crate::model::Language::as_str)
            .collect();
        if document.languages.contains(&translation.language) {
            out.push(
                Finding::error(
                    self.code(),
                    "/language",
                    format!(
                        "`{}` is an official language of `{}`: its text is the original, not a translation",
                        translation.language, document.id
                    ),
                )
                .hint("translations are for languages the document was not adopted in"),
            );
        }
        if !document.languages.contains(&translation.pivot) {
            out.push(
                Finding::error(
                    self.code(),
                    "/pivot",
                    format!(
                        "`{}` is not an official language of `{}`, so there is no original to translate from",
                        translation.pivot, document.id
                    ),
                )
                .hint(format!("set \"pivot\" to one of {}", official.join(", "))),
            );
        }
    }
}
