//! What each CSV table's rows are as RDF, for the CSV on the Web metadata
//! (`aboutUrl`, `propertyUrl`, `valueUrl`): the row IRIs follow the
//! JSON-LD export's (see [`super::jsonld`]), relative to the base IRI, and
//! the properties are the schema.org and ELI terms the JSON-LD uses. Only
//! CSVW says this; the Data Package has no place for it.
//!
//! Row IRIs, after the base: a document `{document_id}`, a section or unit
//! `{document_id}#{unit_id}`, a reference `{document_id}#ref-{reference_id}`,
//! a language version (ELI expression) `{document_id}/{language}`. A row
//! that is one thing in one language has the thing's fragment under the
//! language version: `{document_id}/{language}#{unit_id}` for a unit's
//! text, `…#ref-{reference_id}` for a reference's name, `…#{field}` for a
//! metadata text, `…#related-{related_id}` for a related item's title.
//! Rows with no thing of their own take a fragment no unit id can have:
//! `{document_id}#note-{position}`,
//! `{document_id}/{language}#translator-{position}`.

/// The schema.org namespace, as the JSON-LD writes it.
const SCHEMA: &str = "https://schema.org/";
/// The ELI ontology's namespace.
const ELI: &str = "http://data.europa.eu/eli/ontology#";

/// The RDF terms of one column: its property (CSVW's default, the table
/// URL with `#<column>`, when `None`) and, for a link, the template of the
/// IRI it names, after the base IRI.
pub(super) struct ColumnTerms {
    pub name: &'static str,
    pub property: Option<&'static str>,
    pub value: Option<&'static str>,
}

/// A table's rows as RDF: the template of each row's IRI, after the base
/// IRI, and the columns that have terms.
pub(super) struct Table {
    pub name: &'static str,
    pub about: &'static str,
    pub columns: &'static [ColumnTerms],
}

impl Table {
    /// The terms of the column named `name`, if it has any.
    pub(super) fn column(&self, name: &str) -> Option<&ColumnTerms> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// A column with a property and a literal value.
const fn literal(name: &'static str, property: &'static str) -> ColumnTerms {
    ColumnTerms {
        name,
        property: Some(property),
        value: None,
    }
}

/// A column that links to `value` through `property` (CSVW's default
/// property when `None`).
const fn link(
    name: &'static str,
    property: Option<&'static str>,
    value: &'static str,
) -> ColumnTerms {
    ColumnTerms {
        name,
        property,
        value: Some(value),
    }
}

const DOCUMENT: &str = "{document_id}";
const EXPRESSION: &str = "{document_id}/{language}";
const UNIT: &str = "{document_id}#{unit_id}";
const REFERENCE: &str = "{document_id}#ref-{reference_id}";

/// `document_id` where the document has no fitting inverse term: a link
/// on CSVW's default property.
const IN_DOCUMENT: ColumnTerms = link("document_id", None, DOCUMENT);
const LANGUAGE: ColumnTerms = literal("language", "schema:inLanguage");

/// Every table's terms, by table name.
const TABLES: &[Table] = &[
    Table {
        name: "documents",
        about: DOCUMENT,
        columns: &[
            literal("document_id", "schema:identifier"),
            literal("kind", "schema:legislationType"),
            literal("languages", "schema:inLanguage"),
            literal("adopted", "schema:legislationDate"),
            link(
                "issuer",
                Some("schema:recordedAt"),
                "{document_id}#ref-{issuer}",
            ),
            literal("published_at", "schema:datePublished"),
        ],
    },
    Table {
        name: "document_texts",
        about: "{document_id}/{language}#{field}",
        columns: &[
            link("document_id", Some("schema:isPartOf"), EXPRESSION),
            LANGUAGE,
            literal("text", "schema:text"),
        ],
    },
    Table {
        name: "sections",
        about: "{document_id}#{section_id}",
        columns: &[
            link("document_id", Some("schema:isPartOf"), DOCUMENT),
            literal("section_id", "schema:identifier"),
            literal("number", "schema:position"),
        ],
    },
    Table {
        name: "units",
        about: UNIT,
        columns: &[
            link("document_id", Some("schema:isPartOf"), DOCUMENT),
            literal("unit_id", "schema:identifier"),
        ],
    },
    Table {
        name: "text_units",
        about: "{document_id}/{language}#{unit_id}",
        columns: &[
            link("document_id", Some("schema:isPartOf"), EXPRESSION),
            link("unit_id", Some("eli:realizes"), UNIT),
            LANGUAGE,
            literal("text", "schema:text"),
        ],
    },
    Table {
        name: "references",
        about: REFERENCE,
        columns: &[
            IN_DOCUMENT,
            literal("reference_id", "schema:identifier"),
            literal("position", "schema:position"),
        ],
    },
    Table {
        name: "reference_names",
        about: "{document_id}/{language}#ref-{reference_id}",
        columns: &[
            IN_DOCUMENT,
            link("reference_id", None, REFERENCE),
            LANGUAGE,
            literal("name", "schema:name"),
        ],
    },
    Table {
        name: "citations",
        about: UNIT,
        columns: &[
            link("document_id", Some("schema:isPartOf"), DOCUMENT),
            link("reference_id", Some("schema:mentions"), REFERENCE),
            literal("unit_id", "schema:identifier"),
        ],
    },
    Table {
        name: "related",
        about: "{document_id}/{language}#related-{related_id}",
        columns: &[
            IN_DOCUMENT,
            literal("related_id", "schema:identifier"),
            literal("position", "schema:position"),
            LANGUAGE,
            literal("title", "schema:name"),
        ],
    },
    Table {
        name: "editorial_notes",
        about: "{document_id}#note-{position}",
        columns: &[
            IN_DOCUMENT,
            literal("position", "schema:position"),
            link("unit_id", None, UNIT),
            LANGUAGE,
        ],
    },
    Table {
        name: "community_languages",
        about: EXPRESSION,
        columns: &[
            link("document_id", Some("eli:realizes"), DOCUMENT),
            LANGUAGE,
            link(
                "pivot",
                Some("eli:is_translation_of"),
                "{document_id}/{pivot}",
            ),
        ],
    },
    Table {
        name: "translators",
        about: "{document_id}/{language}#translator-{position}",
        columns: &[
            IN_DOCUMENT,
            link("language", None, EXPRESSION),
            literal("position", "schema:position"),
            literal("name", "schema:name"),
        ],
    },
];

/// The terms of the table named `table`.
pub(super) fn of(table: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == table)
}

/// A `schema:` or `eli:` term as a full IRI (CSVW metadata cannot declare
/// prefixes); any other text unchanged.
pub(super) fn expand(term: &str) -> String {
    if let Some(local) = term.strip_prefix("schema:") {
        format!("{SCHEMA}{local}")
    } else if let Some(local) = term.strip_prefix("eli:") {
        format!("{ELI}{local}")
    } else {
        term.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tables::SCHEMAS;
    use super::*;

    #[test]
    fn every_table_has_terms_for_columns_it_has() {
        for schema in SCHEMAS {
            let Some(table) = of(schema.name) else {
                panic!("no RDF terms for {}", schema.name)
            };
            let has = |c: &str| schema.columns.iter().any(|col| col.name == c);
            for column in table.columns {
                assert!(has(column.name), "{}.{}", schema.name, column.name);
            }
            for template in
                std::iter::once(table.about).chain(table.columns.iter().filter_map(|c| c.value))
            {
                for variable in template.split('{').skip(1) {
                    let name = variable.split('}').next().unwrap_or_default();
                    assert!(has(name), "{}: {template}", schema.name);
                }
            }
        }
        assert_eq!(TABLES.len(), SCHEMAS.len());
    }

    #[test]
    fn terms_expand_to_the_json_ld_namespaces() {
        assert_eq!(expand("schema:name"), "https://schema.org/name");
        assert_eq!(
            expand("eli:realizes"),
            "http://data.europa.eu/eli/ontology#realizes"
        );
    }
}
