//! Rule `translation-location`: a translation is stored as
//! `data/<document-id>/translations/<language>.json`, and says so inside,
//! so paths and contents cannot drift apart.

use std::path::Path;

use super::{TranslationRule, TranslationSubject};
use crate::validate::Finding;

/// The rule's code.
const CODE: &str = "translation-location";

/// The finding for a translation with no `document` where its place says
/// it should be (`<folder>/document.json` above its `translations/`).
pub fn no_document(document: &Path) -> Finding {
    Finding::error(
        CODE,
        "/document",
        format!(
            "there is no {} for this translation to translate",
            document.display()
        ),
    )
    .hint("keep translations in data/<document-id>/translations/")
}

/// Compares the file's place with its `document` and `language`.
pub(super) struct TranslationLocation;

impl TranslationRule for TranslationLocation {
    fn code(&self) -> &'static str {
        CODE
    }

    fn summary(&self) -> &'static str {
        "a translation is `data/<document>/translations/<language>.json`"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let translation = subject.translation;
        let path = subject.path;
        // A name that is not UTF-8 reads as ``, which is no language tag:
        // the file is still reported.
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if stem != translation.language.as_str() {
            out.push(
                Finding::error(
                    self.code(),
                    "/language",
                    format!(
                        "the file is named `{stem}.json` but translates into `{}`",
                        translation.language
                    ),
                )
                .hint(format!(
                    "rename the file to `{}.json`, or set \"language\": \"{stem}\"",
                    translation.language
                )),
            );
        }
        // A folder name that is not UTF-8 reads as ``, which is no document
        // id: the file is still reported.
        let folder = path
            .parent()
            .and_then(Path::parent)
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if folder != translation.document.as_str() {
            out.push(
                Finding::error(
                    self.code(),
                    "/document",
                    format!(
                        "the file is in the folder of `{folder}` but translates `{}`",
                        translation.document
                    ),
                )
                .hint(format!(
                    "move the file to data/{}/translations/, or set \"document\": \"{folder}\"",
                    translation.document
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_without_its_document_is_told_where_it_should_be() {
        let finding = no_document(Path::new("data/x/document.json"));
        assert_eq!(finding.code, TranslationLocation.code());
        assert_eq!(finding.pointer, "/document");
        assert_eq!(
            finding.message,
            "there is no data/x/document.json for this translation to translate"
        );
    }
}
