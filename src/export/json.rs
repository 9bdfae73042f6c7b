//! The JSON export: `json/<document-id>.json`, the canonical model as
//! published data, pointing at the published schema rather than the
//! repository's copy.

use std::path::PathBuf;

use super::{Context, Error, Exporter, OutputFile, file_stem, to_json_bytes};
use crate::schema::DOCUMENT_SCHEMA_FILE;

/// Writes each document as pretty JSON in the model's field order.
pub(super) struct Json;

impl Exporter for Json {
    fn name(&self) -> &'static str {
        "json"
    }

    fn export(&self, context: &Context<'_>) -> Result<Vec<OutputFile>, Error> {
        let schema = format!("{}schema/{DOCUMENT_SCHEMA_FILE}", context.base_iri);
        context
            .documents
            .iter()
            .map(|document| {
                let mut published = document.clone();
                published.schema = Some(schema.clone());
                Ok(OutputFile {
                    path: PathBuf::from("json")
                        .join(format!("{}.json", file_stem(document.id.as_str())?)),
                    bytes: to_json_bytes(&published, document.id.as_str())?,
                })
            })
            .collect()
    }
}
