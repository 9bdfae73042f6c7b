//! CSV on the Web metadata (W3C, 2015) for the CSV tables:
//! `csv/csv-metadata.json`, the file a CSVW processor finds beside the
//! tables. It gives each column its datatype and whether it is required,
//! and each table its primary key and foreign keys.

use serde_json::{Value, json};

use super::tables::{
    CSV_DIR, Column, Datatype, ForeignKey, SCHEMAS, TableSchema, TableVocabulary, file_name,
};
use super::{set, to_json_bytes};
use crate::export::{Error, ExportPath, FileInfo, Scope};
use crate::model::DocumentSummary;

/// The metadata file's name, the one CSVW processors look for by default.
pub(super) const METADATA_FILE: &str = "csv-metadata.json";

/// Where the metadata goes.
pub(super) fn path() -> Result<ExportPath, Error> {
    ExportPath::new(CSV_DIR)?.join(METADATA_FILE)
}

/// What the metadata file is.
pub(super) fn info() -> FileInfo {
    FileInfo::new(
        "csv",
        ("application/csvm+json", "JSON"),
        Scope::Corpus,
        "CSV on the Web metadata for the CSV tables.",
    )
    .conforming(&["http://www.w3.org/ns/csvw"])
}

/// The bytes of `csv/csv-metadata.json`, describing every table.
pub(super) fn metadata(documents: &[DocumentSummary]) -> Result<Vec<u8>, Error> {
    let titles: Vec<Value> = documents
        .iter()
        .flat_map(|d| d.title.iter())
        .map(|(language, title)| json!({ "@value": title, "@language": language.as_str() }))
        .collect();
    let metadata = json!({
        "@context": ["http://www.w3.org/ns/csvw", { "@language": "en" }],
        "dc:title": titles,
        "tables": SCHEMAS.iter().map(table).collect::<Vec<_>>(),
    });
    to_json_bytes(&metadata, METADATA_FILE)
}

fn table(schema: &TableSchema) -> Value {
    let described = schema.describe(&Csvw);
    json!({
        "url": schema.file_name(),
        "dc:description": schema.description,
        "tableSchema": {
            "columns": described.columns,
            "primaryKey": schema.primary_key,
            "foreignKeys": described.foreign_keys,
        },
    })
}

/// The CSV on the Web vocabulary.
struct Csvw;

impl TableVocabulary for Csvw {
    fn column(&self, column: &Column) -> Value {
        let mut value = json!({
            "name": column.name,
            "titles": column.name,
            "dc:description": column.description,
            "datatype": column.datatype.csvw_name(),
            "required": column.required,
        });
        if column.datatype == Datatype::LanguageList {
            set(&mut value, "separator", json!(" "));
        }
        value
    }

    fn foreign_key(&self, key: &ForeignKey) -> Value {
        json!({
            "columnReference": key.columns,
            "reference": {
                "resource": file_name(key.table),
                "columnReference": key.references,
            },
        })
    }
}
