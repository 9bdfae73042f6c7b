//! The JSON export: `json/<document-id>.json`, the canonical model as
//! published data, pointing at the published schema rather than the
//! repository's copy.

use super::{Context, Error, Exporter, OutputFile, Piece, document_file, to_json_bytes};
use crate::model::Document;
use crate::schema::DOCUMENT_SCHEMA_FILE;

/// Writes each document as pretty JSON in the model's field order.
pub(super) struct Json;

impl Exporter for Json {
    fn name(&self) -> &'static str {
        "json"
    }

    fn document(
        &self,
        context: &Context<'_>,
        document: &Document,
        _: &[&OutputFile],
    ) -> Result<Vec<Piece>, Error> {
        let schema = format!("{}schema/{DOCUMENT_SCHEMA_FILE}", context.base_iri);
        document_file(document, "json", "json", |stem| {
            let mut published = document.clone();
            published.schema = Some(schema);
            to_json_bytes(&published, stem)
        })
    }
}
