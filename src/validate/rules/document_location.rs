//! Rule `document-location`: a document stored as `data/<id>/document.json`
//! has the id of its folder, so paths and ids cannot drift apart.

use std::path::Path;

use super::DocumentRule;
use crate::model::Document;
use crate::validate::Finding;

/// The file name under which `data/<id>/` keeps a document.
pub const DOCUMENT_FILE: &str = "document.json";

/// Compares the id with the folder name of a `document.json`.
pub(super) struct DocumentLocation;

impl DocumentRule for DocumentLocation {
    fn code(&self) -> &'static str {
        "document-location"
    }

    fn summary(&self) -> &'static str {
        "a `<folder>/document.json` has the id `<folder>`"
    }

    fn check(&self, document: &Document, path: &Path, out: &mut Vec<Finding>) {
        if path.file_name().and_then(|n| n.to_str()) != Some(DOCUMENT_FILE) {
            return;
        }
        // A name that is not UTF-8 is shown with U+FFFD: it can never be an
        // id, so the finding stands and says what the folder looks like.
        let Some(folder) = path.parent().and_then(Path::file_name) else {
            return;
        };
        let utf8 = folder.to_str().is_some();
        let folder = folder.to_string_lossy();
        if folder != document.id.as_str() {
            let hint = if utf8 {
                format!(
                    "rename the folder to `{}` or set \"id\": \"{folder}\"",
                    document.id
                )
            } else {
                format!("rename the folder to `{}`", document.id)
            };
            out.push(
                Finding::error(
                    self.code(),
                    "/id",
                    format!(
                        "document id `{}` differs from its folder `{folder}`",
                        document.id
                    ),
                )
                .hint(hint),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::test_support::document;

    #[test]
    fn compares_folder_and_id() {
        let doc = document();
        let mut out = Vec::new();
        DocumentLocation.check(&doc, Path::new("data/sample/document.json"), &mut out);
        DocumentLocation.check(&doc, Path::new("elsewhere/sample.json"), &mut out);
        assert!(out.is_empty());
        DocumentLocation.check(&doc, Path::new("data/other/document.json"), &mut out);
        assert_eq!(out.len(), 1);
    }
}
