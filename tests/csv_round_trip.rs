//! The CSV tables lose nothing: the model rebuilt from `exports/csv/`
//! equals the source data. See: #3

use std::collections::BTreeMap;

use initiative::model::Document;
use serde_json::{Map, Value, json};

use crate::harness::repo;

type Row = BTreeMap<String, String>;

/// Every table of the CSV export, by name.
pub(crate) const TABLES: &[&str] = &[
    "documents",
    "document_texts",
    "sections",
    "units",
    "text_units",
    "references",
    "reference_names",
    "citations",
    "related",
    "editorial_notes",
    "community_languages",
    "translators",
];

/// The rows of one CSV file, each keyed by column name.
pub(crate) fn parse_table(bytes: &[u8]) -> Vec<Row> {
    let mut reader = csv::Reader::from_reader(bytes);
    let headers = reader.headers().cloned().unwrap_or_default();
    reader
        .records()
        .map(|record| {
            let record = record.expect("csv");
            headers
                .iter()
                .zip(record.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

fn table(name: &str) -> Vec<Row> {
    let path = repo().join("exports/csv").join(format!("{name}.csv"));
    parse_table(&std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Every document the tables hold, rebuilt.
pub(crate) fn rebuild_all(tables: &BTreeMap<&str, Vec<Row>>) -> Vec<Document> {
    tables["documents"]
        .iter()
        .map(|d| rebuild(d, tables))
        .collect()
}

fn cell<'a>(row: &'a Row, column: &str) -> &'a str {
    row.get(column).map_or("", String::as_str)
}

/// The rows of `rows` belonging to `document` whose `column` is `value`.
fn matching<'a>(
    rows: &'a [Row],
    document: &'a str,
    column: &'a str,
    value: &'a str,
) -> impl Iterator<Item = &'a Row> {
    rows.iter()
        .filter(move |r| cell(r, "document_id") == document && cell(r, column) == value)
}

/// A language map from rows with a `language` column and a text column.
fn localized<'a>(rows: impl Iterator<Item = &'a Row>, text: &str) -> Value {
    Value::Object(
        rows.map(|r| (cell(r, "language").to_owned(), json!(cell(r, text))))
            .collect::<Map<_, _>>(),
    )
}

fn number(value: &str) -> u64 {
    value.parse().unwrap_or_else(|e| panic!("`{value}`: {e}"))
}

fn rebuild(document: &Row, t: &BTreeMap<&str, Vec<Row>>) -> Document {
    let id = cell(document, "document_id");
    let d = Tables { t, id };
    let texts = &t["document_texts"];
    let value = json!({
        "id": id,
        "kind": cell(document, "kind"),
        "languages": cell(document, "languages").split(' ').collect::<Vec<_>>(),
        "title": d.text_of("title"),
        "adopted": cell(document, "adopted"),
        "place": {
            "name": localized(matching(texts, id, "field", "place_name"), "text"),
            "country": cell(document, "place_country"),
        },
        "issuer": cell(document, "issuer"),
        "publication": {
            "published_at": cell(document, "published_at"),
            "channel": localized(matching(texts, id, "field", "publication_channel"), "text"),
            "headline": localized(matching(texts, id, "field", "publication_headline"), "text"),
        },
        "preamble": d.paragraphs(""),
        "sections": d.sections(),
        "references": d.references(),
        "related": d.related(),
        "editorial_notes": d.notes(),
        "community_languages": d.community_languages(),
    });
    serde_json::from_value(value).unwrap_or_else(|e| panic!("{id}: {e}"))
}

/// The tables, read for one document.
struct Tables<'a> {
    t: &'a BTreeMap<&'a str, Vec<Row>>,
    id: &'a str,
}

impl<'a> Tables<'a> {
    /// The rows of `table` belonging to the document whose `column` is `value`.
    fn rows(&self, table: &str, column: &'a str, value: &'a str) -> impl Iterator<Item = &'a Row> {
        matching(&self.t[table], self.id, column, value)
    }

    /// The rows of `table` belonging to the document, sorted by `position`.
    fn ordered(&self, table: &str) -> Vec<&'a Row> {
        let mut rows: Vec<&Row> = self.rows(table, "document_id", self.id).collect();
        rows.sort_by_key(|r| number(cell(r, "position")));
        rows
    }

    fn text_of(&self, unit: &'a str) -> Value {
        localized(self.rows("text_units", "unit_id", unit), "text")
    }

    fn paragraphs(&self, section: &'a str) -> Vec<Value> {
        let mut units: Vec<&Row> = self
            .rows("units", "section_number", section)
            .filter(|u| cell(u, "kind") == "paragraph")
            .collect();
        units.sort_by_key(|u| number(cell(u, "position")));
        units
            .iter()
            .map(|u| json!({ "id": cell(u, "unit_id"), "text": self.text_of(cell(u, "unit_id")) }))
            .collect()
    }

    fn sections(&self) -> Vec<Value> {
        self.rows("sections", "document_id", self.id)
            .map(|s| {
                let number_text = cell(s, "number");
                let heading = self
                    .rows("units", "section_number", number_text)
                    .find(|u| cell(u, "kind") == "heading")
                    .map_or("", |u| cell(u, "unit_id"));
                json!({
                    "id": cell(s, "section_id"),
                    "number": number(number_text),
                    "heading": self.text_of(heading),
                    "paragraphs": self.paragraphs(number_text),
                })
            })
            .collect()
    }

    fn references(&self) -> Vec<Value> {
        self.ordered("references")
            .iter()
            .map(|r| {
                let rid = cell(r, "reference_id");
                json!({
                    "id": rid,
                    "kind": cell(r, "kind"),
                    "name": localized(self.rows("reference_names", "reference_id", rid), "name"),
                    "cited_by": self.rows("citations", "reference_id", rid)
                        .map(|c| cell(c, "unit_id"))
                        .collect::<Vec<_>>(),
                })
            })
            .collect()
    }

    fn related(&self) -> Vec<Value> {
        let mut related_ids: Vec<(u64, &str)> = self
            .rows("related", "document_id", self.id)
            .map(|r| (number(cell(r, "position")), cell(r, "related_id")))
            .collect();
        related_ids.dedup();
        related_ids
            .iter()
            .map(|(_, rid)| json!({ "id": rid, "title": localized(self.rows("related", "related_id", rid), "title") }))
            .collect()
    }

    fn notes(&self) -> Vec<Value> {
        self.ordered("editorial_notes")
            .iter()
            .map(|n| {
                json!({
                    "unit": cell(n, "unit_id"),
                    "language": cell(n, "language"),
                    "correction": cell(n, "correction"),
                    "captured": cell(n, "captured"),
                    "corrected": cell(n, "corrected"),
                })
            })
            .collect()
    }

    fn community_languages(&self) -> Vec<Value> {
        self.rows("community_languages", "document_id", self.id)
            .map(|c| {
                let language = cell(c, "language");
                json!({
                    "language": language,
                    "pivot": cell(c, "pivot"),
                    "status": cell(c, "status"),
                    "translators": self.rows("translators", "language", language)
                        .map(|p| {
                            let role = cell(p, "role");
                            if role.is_empty() {
                                json!({ "name": cell(p, "name") })
                            } else {
                                json!({ "name": cell(p, "name"), "role": role })
                            }
                        })
                        .collect::<Vec<_>>(),
                })
            })
            .collect()
    }
}

#[test]
fn the_csv_tables_rebuild_the_source_model() {
    let tables: BTreeMap<&str, Vec<Row>> = TABLES.iter().map(|n| (*n, table(n))).collect();
    let documents = &tables["documents"];
    assert_eq!(documents.len(), 1);
    let rebuilt = rebuild(&documents[0], &tables);
    let path = repo().join("data/hangzhou-initiative/document.json");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut source: Document = serde_json::from_str(&text).unwrap();
    source.schema = None;
    assert_eq!(rebuilt, source);
}

#[test]
fn text_units_mark_corrected_texts() {
    let units = table("text_units");
    let corrected: Vec<(&str, &str)> = units
        .iter()
        .filter(|r| cell(r, "status") == "corrected")
        .map(|r| (cell(r, "unit_id"), cell(r, "language")))
        .collect();
    assert_eq!(corrected, [("preamble__para_1", "en")]);
    assert_eq!(
        units
            .iter()
            .filter(|r| cell(r, "status") == "verbatim")
            .count(),
        units.len() - 1
    );
}
