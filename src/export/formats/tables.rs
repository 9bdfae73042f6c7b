//! The tidy tabular form of the model: which tables exist, their columns,
//! datatypes and keys, and the rows each document contributes. The CSV
//! files, their CSV on the Web metadata, the Data Package descriptor and
//! the `SQLite` database are all rendered from this one description, so
//! they cannot disagree.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::export::{Error, ExportPath};
use crate::model::{Document, Language, LocalizedText, TranslationStatus, UnitId};
use crate::work::{self, Work};

/// A column's datatype, named as both CSVW and Table Schema know it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Datatype {
    /// Any text.
    String,
    /// A whole number of 1 or more.
    PositiveInteger,
    /// An ISO 8601 calendar date.
    Date,
    /// An ISO 8601 date and time with offset.
    DateTime,
    /// Space-separated BCP 47 language tags.
    LanguageList,
}

impl Datatype {
    /// The datatype's name in CSV on the Web.
    pub(super) fn csvw_name(self) -> &'static str {
        match self {
            Self::String | Self::LanguageList => "string",
            Self::PositiveInteger => "positiveInteger",
            Self::Date => "date",
            Self::DateTime => "dateTime",
        }
    }

    /// The datatype's name in Table Schema. Neither the CSVW `string` with
    /// a `separator` nor the Table Schema v2 profile has a list type here,
    /// so a list is a space-separated string, as its column's description
    /// says.
    pub(super) fn table_schema_name(self) -> &'static str {
        match self {
            Self::String | Self::LanguageList => "string",
            Self::PositiveInteger => "integer",
            Self::Date => "date",
            Self::DateTime => "datetime",
        }
    }
}

/// How one metadata vocabulary (CSV on the Web, Table Schema) describes
/// the parts of a table; [`TableSchema::describe`] walks the table once
/// for either.
pub(super) trait TableVocabulary {
    /// The description of one column.
    fn column(&self, column: &Column) -> Value;
    /// The description of one foreign key.
    fn foreign_key(&self, key: &ForeignKey) -> Value;
}

/// A table's columns and foreign keys as one vocabulary describes them.
pub(super) struct Described {
    pub columns: Vec<Value>,
    pub foreign_keys: Vec<Value>,
}

/// One column of a table.
#[derive(Debug)]
pub(super) struct Column {
    pub name: &'static str,
    pub datatype: Datatype,
    pub required: bool,
    pub description: &'static str,
}

/// A foreign key: `columns` of this table name a row of `table` by its
/// `references` columns.
#[derive(Debug)]
pub(super) struct ForeignKey {
    pub columns: &'static [&'static str],
    pub table: &'static str,
    pub references: &'static [&'static str],
}

/// The folder the tables go to, under the export folder.
pub(super) const CSV_DIR: &str = "csv";

/// The file name of the table named `table`, `<table>.csv`.
pub(super) fn file_name(table: &str) -> String {
    format!("{table}.csv")
}

/// The fixed description of one table.
#[derive(Debug)]
pub(super) struct TableSchema {
    /// The resource name; the file is `<name>.csv`.
    pub name: &'static str,
    pub description: &'static str,
    pub columns: &'static [Column],
    pub primary_key: &'static [&'static str],
    pub foreign_keys: &'static [ForeignKey],
}

impl TableSchema {
    /// The table's file name, `<name>.csv`.
    pub(super) fn file_name(&self) -> String {
        file_name(self.name)
    }

    /// The table's path under the export folder.
    pub(super) fn path(&self) -> Result<ExportPath, Error> {
        ExportPath::new(CSV_DIR)?.join(&self.file_name())
    }

    /// The table's columns and foreign keys in `vocabulary`, in order.
    pub(super) fn describe(&self, vocabulary: &impl TableVocabulary) -> Described {
        Described {
            columns: self.columns.iter().map(|c| vocabulary.column(c)).collect(),
            foreign_keys: self
                .foreign_keys
                .iter()
                .map(|k| vocabulary.foreign_key(k))
                .collect(),
        }
    }
}

const fn column(name: &'static str, datatype: Datatype, description: &'static str) -> Column {
    Column {
        name,
        datatype,
        required: true,
        description,
    }
}

const fn optional(name: &'static str, datatype: Datatype, description: &'static str) -> Column {
    Column {
        name,
        datatype,
        required: false,
        description,
    }
}

const DOCUMENT_ID: Column = column(
    "document_id",
    Datatype::String,
    "The stable id of the document.",
);
const LANGUAGE: Column = column("language", Datatype::String, "A BCP 47 language tag.");
const UNIT_ID: Column = column("unit_id", Datatype::String, "The unit id.");
const SECTION_NUMBER: Column = optional(
    "section_number",
    Datatype::PositiveInteger,
    "The number of the section the unit belongs to; empty for the title and the preamble.",
);
const POSITION: Column = column(
    "position",
    Datatype::PositiveInteger,
    "The unit's place in reading order within the document.",
);
const TO_UNIT: ForeignKey = ForeignKey {
    columns: &["document_id", "unit_id"],
    table: "units",
    references: &["document_id", "unit_id"],
};
const TO_DOCUMENT: ForeignKey = ForeignKey {
    columns: &["document_id"],
    table: "documents",
    references: &["document_id"],
};
const TO_REFERENCE: ForeignKey = ForeignKey {
    columns: &["document_id", "reference_id"],
    table: "references",
    references: &["document_id", "reference_id"],
};

/// Every table, in the order they are published.
pub(super) const SCHEMAS: &[TableSchema] = &[
    TableSchema {
        name: "documents",
        description: "One row per document: its metadata that is not text.",
        columns: &[
            DOCUMENT_ID,
            column(
                "kind",
                Datatype::String,
                "initiative, declaration, framework, statement or plan.",
            ),
            column(
                "languages",
                Datatype::LanguageList,
                "The official languages, space-separated, in publication order.",
            ),
            column("adopted", Datatype::Date, "The date of adoption."),
            column(
                "place_country",
                Datatype::String,
                "ISO 3166-1 alpha-2 code of the country of adoption.",
            ),
            column(
                "issuer",
                Datatype::String,
                "The reference_id of the issuing body.",
            ),
            column(
                "published_at",
                Datatype::DateTime,
                "When the text was made public.",
            ),
        ],
        primary_key: &["document_id"],
        foreign_keys: &[ForeignKey {
            columns: &["document_id", "issuer"],
            table: "references",
            references: &["document_id", "reference_id"],
        }],
    },
    TableSchema {
        name: "document_texts",
        description: "The document's metadata that is text, one row per field per language.",
        columns: &[
            DOCUMENT_ID,
            column(
                "field",
                Datatype::String,
                "place_name, publication_channel or publication_headline.",
            ),
            LANGUAGE,
            column("text", Datatype::String, "The text."),
        ],
        primary_key: &["document_id", "field", "language"],
        foreign_keys: &[TO_DOCUMENT],
    },
    TableSchema {
        name: "sections",
        description: "One row per numbered section.",
        columns: &[
            DOCUMENT_ID,
            column("section_id", Datatype::String, "The section's unit id."),
            column(
                "number",
                Datatype::PositiveInteger,
                "The section number, which orders the sections.",
            ),
        ],
        primary_key: &["document_id", "number"],
        foreign_keys: &[TO_DOCUMENT],
    },
    TableSchema {
        name: "units",
        description: "One row per text unit in reading order: the title, preamble paragraphs, \
                      section headings and section paragraphs.",
        columns: &[
            DOCUMENT_ID,
            UNIT_ID,
            column("kind", Datatype::String, "title, heading or paragraph."),
            SECTION_NUMBER,
            POSITION,
        ],
        primary_key: &["document_id", "unit_id"],
        foreign_keys: &[TO_DOCUMENT],
    },
    TableSchema {
        name: "text_units",
        description: "One row per text unit per language.",
        columns: &[
            DOCUMENT_ID,
            UNIT_ID,
            SECTION_NUMBER,
            POSITION,
            LANGUAGE,
            column("text", Datatype::String, "The text."),
            column(
                "status",
                Datatype::String,
                "verbatim (as published), corrected (see editorial_notes), or community-reviewed / community-draft for a contributed translation (see community_languages).",
            ),
        ],
        primary_key: &["document_id", "unit_id", "language"],
        foreign_keys: &[TO_UNIT],
    },
    TableSchema {
        name: "references",
        description: "One row per document, body, event or goal the text names.",
        columns: &[
            DOCUMENT_ID,
            column("reference_id", Datatype::String, "The reference's id."),
            column(
                "position",
                Datatype::PositiveInteger,
                "The reference's place in the document's list.",
            ),
            column(
                "kind",
                Datatype::String,
                "document, organization, event or goal.",
            ),
        ],
        primary_key: &["document_id", "reference_id"],
        foreign_keys: &[TO_DOCUMENT],
    },
    TableSchema {
        name: "reference_names",
        description: "The name of each reference, one row per language.",
        columns: &[
            DOCUMENT_ID,
            column("reference_id", Datatype::String, "The reference's id."),
            LANGUAGE,
            column("name", Datatype::String, "The name."),
        ],
        primary_key: &["document_id", "reference_id", "language"],
        foreign_keys: &[TO_REFERENCE],
    },
    TableSchema {
        name: "citations",
        description: "Which text unit names which reference, in the order the reference lists them.",
        columns: &[
            DOCUMENT_ID,
            column("reference_id", Datatype::String, "The reference named."),
            column("unit_id", Datatype::String, "The unit that names it."),
        ],
        primary_key: &["document_id", "reference_id", "unit_id"],
        foreign_keys: &[TO_REFERENCE, TO_UNIT],
    },
    TableSchema {
        name: "related",
        description: "Items the publication lists alongside the document, one row per title language.",
        columns: &[
            DOCUMENT_ID,
            column("related_id", Datatype::String, "The item's id."),
            column(
                "position",
                Datatype::PositiveInteger,
                "The item's place in the publication's list.",
            ),
            LANGUAGE,
            column("title", Datatype::String, "The item's title."),
        ],
        primary_key: &["document_id", "related_id", "language"],
        foreign_keys: &[TO_DOCUMENT],
    },
    TableSchema {
        name: "editorial_notes",
        description: "Each correction made to the captured text.",
        columns: &[
            DOCUMENT_ID,
            column(
                "position",
                Datatype::PositiveInteger,
                "The note's place in the document's list.",
            ),
            column("unit_id", Datatype::String, "The corrected unit."),
            LANGUAGE,
            column(
                "correction",
                Datatype::String,
                "What kind of correction: restored-space.",
            ),
            column("captured", Datatype::String, "The text as captured."),
            column("corrected", Datatype::String, "The text as corrected."),
        ],
        primary_key: &["document_id", "position"],
        foreign_keys: &[TO_UNIT],
    },
    TableSchema {
        name: "community_languages",
        description: "Contributed translations the texts also carry, beside the official languages.",
        columns: &[
            DOCUMENT_ID,
            LANGUAGE,
            column(
                "pivot",
                Datatype::String,
                "The official language it was translated from.",
            ),
            column("status", Datatype::String, "reviewed or draft."),
        ],
        primary_key: &["document_id", "language"],
        foreign_keys: &[TO_DOCUMENT],
    },
    TableSchema {
        name: "translators",
        description: "Who is credited for each contributed translation.",
        columns: &[
            DOCUMENT_ID,
            LANGUAGE,
            column(
                "position",
                Datatype::PositiveInteger,
                "The person's place in the list of credits.",
            ),
            column("name", Datatype::String, "The name to credit."),
            optional("role", Datatype::String, "translation or review."),
        ],
        primary_key: &["document_id", "language", "position"],
        foreign_keys: &[ForeignKey {
            columns: &["document_id", "language"],
            table: "community_languages",
            references: &["document_id", "language"],
        }],
    },
];

/// The status of a unit's text in one language.
const VERBATIM: &str = "verbatim";
const CORRECTED: &str = "corrected";
const COMMUNITY_REVIEWED: &str = "community-reviewed";
const COMMUNITY_DRAFT: &str = "community-draft";

/// One document's rows for each table, in [`SCHEMAS`] order.
pub(super) fn document_rows(document: &Document) -> [Vec<Vec<String>>; 12] {
    let id = document.id.as_str();
    let row = |cells: &[&str]| -> Vec<String> {
        std::iter::once(id)
            .chain(cells.iter().copied())
            .map(str::to_owned)
            .collect()
    };
    let (units, texts_by_unit) = unit_rows(document, &row);
    let (references, names, citations) = reference_rows(document, &row);
    let (community, translators) = community_rows(document, &row);
    [
        vec![document_row(document, &row)],
        document_texts(document, &row),
        section_rows(document, &row),
        units,
        texts_by_unit,
        references,
        names,
        citations,
        related_rows(document, &row),
        note_rows(document, &row),
        community,
        translators,
    ]
}

/// A table's rows, each a list of cells.
type Rows = Vec<Vec<String>>;

/// The `documents` row.
fn document_row(document: &Document, row: &impl Fn(&[&str]) -> Vec<String>) -> Vec<String> {
    let languages: Vec<&str> = document.languages.iter().map(Language::as_str).collect();
    row(&[
        document.kind.as_str(),
        &languages.join(" "),
        document.adopted.as_str(),
        &document.place.country,
        document.issuer.as_str(),
        document.publication.published_at.as_str(),
    ])
}

/// The `document_texts` rows: the document's texts that are not units.
fn document_texts(document: &Document, row: &impl Fn(&[&str]) -> Vec<String>) -> Rows {
    let mut texts = Vec::new();
    for (field, text) in [
        ("place_name", &document.place.name),
        ("publication_channel", &document.publication.channel),
        ("publication_headline", &document.publication.headline),
    ] {
        texts.extend(localized_rows(row, field, text));
    }
    texts
}

/// The `sections` rows.
fn section_rows(document: &Document, row: &impl Fn(&[&str]) -> Vec<String>) -> Rows {
    document
        .sections
        .iter()
        .map(|s| row(&[s.id.as_str(), &s.number.to_string()]))
        .collect()
}

/// The `references`, `reference_names` and `citations` rows.
fn reference_rows(
    document: &Document,
    row: &impl Fn(&[&str]) -> Vec<String>,
) -> (Rows, Rows, Rows) {
    let mut references = Vec::new();
    let mut names = Vec::new();
    let mut citations = Vec::new();
    for (position, reference) in document.references.iter().enumerate() {
        let rid = reference.id.as_str();
        references.push(row(&[
            rid,
            &(position + 1).to_string(),
            reference.kind.as_str(),
        ]));
        names.extend(localized_rows(row, rid, &reference.name));
        citations.extend(reference.cited_by.iter().map(|u| row(&[rid, u.as_str()])));
    }
    (references, names, citations)
}

/// The `related_items` rows: one per item per language.
fn related_rows(document: &Document, row: &impl Fn(&[&str]) -> Vec<String>) -> Rows {
    let mut related = Vec::new();
    for (position, item) in document.related.iter().enumerate() {
        let position = (position + 1).to_string();
        related.extend(
            item.title
                .iter()
                .map(|(l, t)| row(&[item.id.as_str(), &position, l.as_str(), t])),
        );
    }
    related
}

/// The `editorial_notes` rows.
fn note_rows(document: &Document, row: &impl Fn(&[&str]) -> Vec<String>) -> Rows {
    document
        .editorial_notes
        .iter()
        .enumerate()
        .map(|(position, note)| {
            row(&[
                &(position + 1).to_string(),
                note.unit.as_str(),
                note.language.as_str(),
                note.correction.as_str(),
                &note.captured,
                &note.corrected,
            ])
        })
        .collect()
}

/// The `community_languages` and `translators` rows.
fn community_rows(document: &Document, row: &impl Fn(&[&str]) -> Vec<String>) -> (Rows, Rows) {
    let mut community = Vec::new();
    let mut translators = Vec::new();
    for language in &document.community_languages {
        let tag = language.language.as_str();
        community.push(row(&[
            tag,
            language.pivot.as_str(),
            language.status.as_str(),
        ]));
        for (position, translator) in language.translators.iter().enumerate() {
            translators.push(row(&[
                tag,
                &(position + 1).to_string(),
                &translator.name,
                // An empty cell: the role is optional.
                translator.role.as_deref().unwrap_or_default(),
            ]));
        }
    }
    (community, translators)
}

/// The `units` and `text_units` rows: one per text unit in reading order,
/// and one per unit per language.
fn unit_rows(
    document: &Document,
    row: &impl Fn(&[&str]) -> Vec<String>,
) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let lookups = UnitLookups::of(document);
    let mut units = Vec::new();
    let mut texts = Vec::new();
    for (position, (unit, text)) in document.text_units().into_iter().enumerate() {
        let kind = if unit == UnitId::title() {
            "title"
        } else if unit.as_str().ends_with("__heading") {
            "heading"
        } else {
            "paragraph"
        };
        let section = lookups
            .section(&unit)
            .map(|n| n.to_string())
            // An empty cell: the title and the preamble are in no section.
            .unwrap_or_default();
        let position = (position + 1).to_string();
        units.push(row(&[unit.as_str(), kind, &section, &position]));
        for (language, value) in text.iter() {
            let status = lookups.status(&unit, language);
            texts.push(row(&[
                unit.as_str(),
                &section,
                &position,
                language.as_str(),
                value,
                status,
            ]));
        }
    }
    (units, texts)
}

/// What a unit's rows need from the rest of the document, gathered in one
/// pass so each unit costs the same however long the document is (looking
/// each up by scanning made a document of 100 000 paragraphs take minutes).
struct UnitLookups<'d> {
    /// The number of the first section whose heading or a paragraph has
    /// the id.
    sections: HashMap<Cow<'d, str>, u32>,
    /// The (unit, language) pairs an editorial note corrects.
    corrected: HashSet<(&'d str, &'d str)>,
    /// The status of the first community translation into each language.
    community: HashMap<&'d str, &'static str>,
}

impl<'d> UnitLookups<'d> {
    fn of(document: &'d Document) -> Self {
        let mut sections = HashMap::new();
        for s in &document.sections {
            let heading = UnitId::section_heading(s.number).to_string();
            sections.entry(Cow::Owned(heading)).or_insert(s.number);
            for p in &s.paragraphs {
                sections
                    .entry(Cow::Borrowed(p.id.as_str()))
                    .or_insert(s.number);
            }
        }
        let corrected = document
            .editorial_notes
            .iter()
            .map(|n| (n.unit.as_str(), n.language.as_str()))
            .collect();
        let mut community = HashMap::new();
        for c in &document.community_languages {
            let status = if c.status == TranslationStatus::Reviewed {
                COMMUNITY_REVIEWED
            } else {
                COMMUNITY_DRAFT
            };
            community.entry(c.language.as_str()).or_insert(status);
        }
        work::add(
            Work::RowProbes,
            sections.len() + document.editorial_notes.len() + document.community_languages.len(),
        );
        Self {
            sections,
            corrected,
            community,
        }
    }

    /// The number of the section `unit` belongs to, if any.
    fn section(&self, unit: &UnitId) -> Option<u32> {
        work::add(Work::RowProbes, 1);
        self.sections.get(unit.as_str()).copied()
    }

    /// The status of `unit`'s text in `language`.
    fn status(&self, unit: &UnitId, language: &Language) -> &'static str {
        work::add(Work::RowProbes, 1);
        match self.community.get(language.as_str()) {
            Some(status) => status,
            None if self.corrected.contains(&(unit.as_str(), language.as_str())) => CORRECTED,
            None => VERBATIM,
        }
    }
}

/// One row per language of `text`, keyed by `key`.
fn localized_rows<'a>(
    row: &'a impl Fn(&[&str]) -> Vec<String>,
    key: &'a str,
    text: &'a LocalizedText,
) -> impl Iterator<Item = Vec<String>> + 'a {
    text.iter().map(move |(l, t)| row(&[key, l.as_str(), t]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_names_columns_of_its_tables() {
        let find = |name: &str| SCHEMAS.iter().find(|s| s.name == name);
        for schema in SCHEMAS {
            let has = |s: &TableSchema, c: &str| s.columns.iter().any(|col| col.name == c);
            for key in schema.primary_key {
                assert!(has(schema, key), "{}.{key}", schema.name);
            }
            for fk in schema.foreign_keys {
                let Some(target) = find(fk.table) else {
                    panic!("{} refers to unknown table {}", schema.name, fk.table)
                };
                assert_eq!(fk.columns.len(), fk.references.len());
                assert!(fk.columns.iter().all(|c| has(schema, c)), "{}", schema.name);
                assert!(fk.references.iter().all(|c| has(target, c)), "{}", fk.table);
            }
        }
    }
}
