//! CSV on the Web metadata (W3C, 2015) for the CSV tables:
//! `csv/csv-metadata.json`, the file a CSVW processor finds beside the
//! tables. It gives each column its datatype and whether it is required,
//! and each table its primary key and foreign keys.
//!
//! It also says what RDF the rows are (W3C CSV2RDF): each table's
//! `aboutUrl` gives a row the IRI the JSON-LD export gives the same thing
//! (document, section, unit, reference, language version), columns with a
//! fitting schema.org or ELI term have it as `propertyUrl`, and foreign
//! keys have a `valueUrl`, so they are links. A row that is one thing in
//! one language (a unit's text, a reference's name) has no node in the
//! JSON-LD: it gets the thing's fragment under its language version's IRI,
//! `<base><document>/<language>#<fragment>`. The terms are full IRIs:
//! CSVW's built-in `schema:` prefix is `http://schema.org/`, not the
//! `https://schema.org/` the JSON-LD uses, and it has no `eli:` prefix.

use serde_json::{Value, json};

use super::csvw_terms as rdf;
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
/// `base` is the IRI the exports are published under, as in the JSON-LD.
pub(super) fn metadata(documents: &[DocumentSummary], base: &str) -> Result<Vec<u8>, Error> {
    let titles: Vec<Value> = documents
        .iter()
        .flat_map(|d| d.title.iter())
        .map(|(language, title)| json!({ "@value": title, "@language": language.as_str() }))
        .collect();
    let metadata = json!({
        "@context": ["http://www.w3.org/ns/csvw", { "@language": "en" }],
        "dc:title": titles,
        "tables": SCHEMAS.iter().map(|s| table(s, base)).collect::<Vec<_>>(),
    });
    to_json_bytes(&metadata, METADATA_FILE)
}

fn table(schema: &TableSchema, base: &str) -> Value {
    let vocabulary = Csvw {
        base: template_literal(base),
        rdf: rdf::of(schema.name),
    };
    let described = schema.describe(&vocabulary);
    let mut table_schema = json!({
        "columns": described.columns,
        "primaryKey": schema.primary_key,
        "foreignKeys": described.foreign_keys,
    });
    if let Some(rdf) = vocabulary.rdf {
        set(
            &mut table_schema,
            "aboutUrl",
            json!(format!("{}{}", vocabulary.base, rdf.about)),
        );
    }
    json!({
        "url": schema.file_name(),
        "dc:description": schema.description,
        "tableSchema": table_schema,
    })
}

/// `text` as the literal part of a URI template: the braces that would
/// start an expression percent-encoded (a base IRI has none, but the
/// template must not depend on that).
fn template_literal(text: &str) -> String {
    text.replace('{', "%7B").replace('}', "%7D")
}

/// The CSV on the Web vocabulary, for one table: the IRI the exports are
/// published under (as a template literal) and the table's RDF terms.
struct Csvw {
    base: String,
    rdf: Option<&'static rdf::Table>,
}

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
        let term = self.rdf.and_then(|t| t.column(column.name));
        if let Some(term) = term {
            if let Some(property) = term.property {
                set(&mut value, "propertyUrl", json!(rdf::expand(property)));
            }
            if let Some(target) = term.value {
                set(
                    &mut value,
                    "valueUrl",
                    json!(format!("{}{target}", self.base)),
                );
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://example.org/initiative/";

    /// The metadata of table `name`, published under [`BASE`].
    fn schema_of(name: &str) -> Value {
        let metadata: Value = metadata(&[], BASE)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        let tables = metadata["tables"].as_array().cloned().unwrap_or_default();
        let file = file_name(name);
        tables
            .into_iter()
            .find(|t| t["url"] == file.as_str())
            .map(|t| t["tableSchema"].clone())
            .unwrap_or_default()
    }

    fn column<'v>(schema: &'v Value, name: &str) -> &'v Value {
        let columns = schema["columns"].as_array().map_or(&[][..], Vec::as_slice);
        columns
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or(&Value::Null)
    }

    #[test]
    fn rows_have_the_json_ld_iris() {
        let about = |table: &str| schema_of(table)["aboutUrl"].clone();
        assert_eq!(about("documents"), json!(format!("{BASE}{{document_id}}")));
        assert_eq!(
            about("units"),
            json!(format!("{BASE}{{document_id}}#{{unit_id}}"))
        );
        assert_eq!(
            about("references"),
            json!(format!("{BASE}{{document_id}}#ref-{{reference_id}}"))
        );
        assert_eq!(
            about("text_units"),
            json!(format!("{BASE}{{document_id}}/{{language}}#{{unit_id}}"))
        );
        assert!(
            SCHEMAS
                .iter()
                .all(|s| schema_of(s.name)["aboutUrl"].is_string())
        );
    }

    #[test]
    fn columns_have_the_json_ld_properties_and_keys_are_links() {
        let texts = schema_of("text_units");
        assert_eq!(
            column(&texts, "text")["propertyUrl"],
            "https://schema.org/text"
        );
        assert_eq!(
            column(&texts, "unit_id")["valueUrl"],
            json!(format!("{BASE}{{document_id}}#{{unit_id}}"))
        );
        assert!(column(&texts, "status").get("propertyUrl").is_none());
        let citations = schema_of("citations");
        let reference = column(&citations, "reference_id");
        assert_eq!(reference["propertyUrl"], "https://schema.org/mentions");
        assert_eq!(
            reference["valueUrl"],
            json!(format!("{BASE}{{document_id}}#ref-{{reference_id}}"))
        );
        let documents = schema_of("documents");
        assert_eq!(
            column(&documents, "issuer")["valueUrl"],
            json!(format!("{BASE}{{document_id}}#ref-{{issuer}}"))
        );
    }

    #[test]
    fn braces_in_the_base_cannot_open_an_expression() {
        assert_eq!(template_literal("https://x/{a}/"), "https://x/%7Ba%7D/");
    }
}
