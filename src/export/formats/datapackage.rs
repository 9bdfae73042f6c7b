//! The Frictionless Data Package v2 descriptor, `datapackage.json`, at the
//! top of the export folder: one tabular resource per CSV table, with its
//! byte count, SHA-256 hash and Table Schema (field types, primary key,
//! foreign keys), so a portal can check what it downloaded, and the
//! catalog's licence when it names one.

use serde_json::{Value, json};

use super::tables::{Column, Datatype, ForeignKey, TableSchema, TableVocabulary};
use super::{set, to_json_bytes};
use crate::export::{Context, Error, FileInfo, FileMeta, Scope};
use crate::model::DocumentSummary;

/// The descriptor's file name.
pub(super) const DESCRIPTOR_FILE: &str = "datapackage.json";

const PROFILE: &str = "https://datapackage.org/profiles/2.0";

/// What the descriptor is.
pub(super) fn info() -> FileInfo {
    FileInfo::new(
        "csv",
        ("application/json", "JSON"),
        Scope::Corpus,
        "Frictionless Data Package v2 descriptor of the CSV tables, with sizes and hashes.",
    )
    .conforming(&["https://datapackage.org/profiles/2.0/datapackage.json"])
}

/// The descriptor's bytes for `tables`, each with the file it was written
/// to.
pub(super) fn descriptor(
    context: &Context<'_>,
    documents: &[DocumentSummary],
    tables: &[(&TableSchema, &FileMeta)],
) -> Result<Vec<u8>, Error> {
    let title: Vec<&str> = documents
        .iter()
        .flat_map(|d| d.languages.iter().filter_map(|l| d.title.get(l)))
        .collect();
    let resources: Vec<Value> = tables
        .iter()
        .map(|(schema, file)| resource(schema, file))
        .collect();
    let mut package = json!({
        "$schema": format!("{PROFILE}/datapackage.json"),
        "name": "initiative",
        "title": title.join(" / "),
    });
    if let Some(license) = context.license() {
        // The catalog gives the licence's IRI only: no Open Definition id
        // or title is made up for it.
        set(&mut package, "licenses", json!([{ "path": license }]));
    }
    if let Some(created) = &context.created {
        set(&mut package, "created", json!(created));
    }
    set(&mut package, "resources", json!(resources));
    to_json_bytes(&package, DESCRIPTOR_FILE)
}

fn resource(schema: &TableSchema, file: &FileMeta) -> Value {
    let described = schema.describe(&TableSchemaV2);
    json!({
        "name": schema.name,
        "type": "table",
        "description": schema.description,
        "path": file.path.as_str(),
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": file.size,
        "hash": format!("sha256:{}", file.sha256),
        "dialect": {
            "$schema": format!("{PROFILE}/tabledialect.json"),
            "header": true,
            "delimiter": ",",
            "lineTerminator": "\r\n",
            "quoteChar": "\"",
            "doubleQuote": true,
        },
        "schema": {
            "$schema": format!("{PROFILE}/tableschema.json"),
            "fields": described.columns,
            "missingValues": [""],
            "primaryKey": schema.primary_key,
            "foreignKeys": described.foreign_keys,
        },
    })
}

/// The Table Schema v2 vocabulary.
struct TableSchemaV2;

impl TableVocabulary for TableSchemaV2 {
    fn column(&self, column: &Column) -> Value {
        let mut field = json!({
            "name": column.name,
            "type": column.datatype.table_schema_name(),
            "description": column.description,
        });
        let mut constraints = serde_json::Map::new();
        if column.datatype == Datatype::PositiveInteger {
            constraints.insert("minimum".into(), json!(1));
        }
        if column.required {
            constraints.insert("required".into(), json!(true));
        }
        if !constraints.is_empty() {
            set(&mut field, "constraints", Value::Object(constraints));
        }
        field
    }

    fn foreign_key(&self, key: &ForeignKey) -> Value {
        json!({
            "fields": key.columns,
            "reference": { "resource": key.table, "fields": key.references },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tables::SCHEMAS;
    use super::*;

    #[test]
    fn csvw_terms_stay_out_of_the_table_schema() {
        for schema in SCHEMAS {
            let described = schema.describe(&TableSchemaV2);
            let text = serde_json::to_string(&described.columns).expect("columns serialize");
            for term in ["aboutUrl", "propertyUrl", "valueUrl", "schema.org"] {
                assert!(!text.contains(term), "{}: {term}", schema.name);
            }
        }
    }
}
