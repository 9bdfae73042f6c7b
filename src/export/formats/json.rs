//! The JSON export: `json/<document-id>.json`, the canonical model as
//! published data, pointing at the published schema rather than the
//! repository's copy.

use super::{document_file, to_json_bytes};
use crate::export::{Context, DocumentFormat, Error, FileInfo, FileMeta, Output, Scope};
use crate::model::Document;
use crate::schema::DOCUMENT_SCHEMA_FILE;

/// Writes each document as pretty JSON in the model's field order.
pub(super) struct Json;

impl DocumentFormat for Json {
    fn name(&self) -> &'static str {
        "json"
    }

    fn owns(&self) -> &'static [&'static str] {
        &["json/"]
    }

    fn document(
        &self,
        context: &Context<'_>,
        document: &Document,
        _: &[FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let schema = format!("{}schema/{DOCUMENT_SCHEMA_FILE}", context.base_iri);
        let info = FileInfo::new(
            "json",
            ("application/json", "JSON"),
            Scope::Document(document.id.to_string()),
            "The document in the canonical model, as JSON.",
        )
        .conforming(&[&schema]);
        document_file(document, "json", "json", info, |stem| {
            let mut published = document.clone();
            published.schema = Some(schema);
            to_json_bytes(&published, stem)
        })
    }
}
