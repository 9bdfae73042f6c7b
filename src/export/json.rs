//! The JSON export: `json/<document-id>.json`, the canonical model as
//! published data, pointing at the published schema rather than the
//! repository's copy.

use super::{Context, Error, Exporter, OutputFile, per_document, to_json_bytes};
use crate::schema::DOCUMENT_SCHEMA_FILE;

/// Writes each document as pretty JSON in the model's field order.
pub(super) struct Json;

impl Exporter for Json {
    fn name(&self) -> &'static str {
        "json"
    }

    fn export(&self, context: &Context<'_>, _: &[OutputFile]) -> Result<Vec<OutputFile>, Error> {
        let schema = format!("{}schema/{DOCUMENT_SCHEMA_FILE}", context.base_iri);
        per_document(context, "json", "json", |document, stem| {
            let mut published = document.clone();
            published.schema = Some(schema.clone());
            to_json_bytes(&published, stem)
        })
    }
}
