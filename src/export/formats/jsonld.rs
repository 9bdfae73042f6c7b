//! The JSON-LD export: `jsonld/<document-id>.jsonld`, linked data in the
//! schema.org and ELI vocabularies. The `@context` is inline, so nothing is
//! fetched to read it; localized text uses language maps.
//!
//! When the catalog names a licence, the document's node gives it as
//! `schema:license`, a reference to the licence's IRI.
//!
//! IRIs: the document is `<base><id>`, each language version (an ELI
//! expression) `<base><id>/<language>`, the preamble `<base><id>#preamble`,
//! each section and paragraph `<base><id>#<unit-id>`, and each reference
//! `<base><id>#ref-<reference-id>` (unit ids never start with `ref-`).

use std::collections::HashMap;

use serde_json::{Value, json};

use super::{document_file, set, to_json_bytes};
use crate::export::{Context, DocumentFormat, Error, FileInfo, FileMeta, Output, Scope};
use crate::model::{
    Document, Language, LocalizedText, Paragraph, Reference, ReferenceKind, UnitId,
};
use crate::work::{self, Work};

/// The folder of the JSON-LD files, under the export folder.
pub(super) const JSONLD_DIR: &str = "jsonld";

/// Writes each document as JSON-LD.
pub(super) struct JsonLd;

impl DocumentFormat for JsonLd {
    fn name(&self) -> &'static str {
        "jsonld"
    }

    fn owns(&self) -> &'static [&'static str] {
        &["jsonld/"]
    }

    fn document(
        &self,
        context: &Context<'_>,
        document: &Document,
        _: &[FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let info = FileInfo::new(
            "jsonld",
            ("application/ld+json", "JSON_LD"),
            Scope::Document(document.id.to_string()),
            "The document as linked data (schema.org and ELI).",
        )
        .conforming(&["https://schema.org/", "http://data.europa.eu/eli/ontology#"]);
        document_file(document, JSONLD_DIR, "jsonld", info, |stem| {
            let iri = format!("{}{stem}", context.base_iri);
            to_json_bytes(&graph(document, &iri, context.license()), stem)
        })
    }
}

/// The graph of `document` (whose IRI is `iri`, published under `license`)
/// as the export writes it, without the final newline, for pages that
/// embed it.
pub(super) fn graph_text(document: &Document, iri: &str, license: Option<&str>) -> String {
    let mut bytes = Vec::new();
    // Writing a `Value` into memory cannot fail: its keys are strings.
    let _ = serde_json::to_writer_pretty(&mut bytes, &graph(document, iri, license));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The inline context: every term the export uses, with its datatype or
/// container.
fn context() -> Value {
    json!({
        "schema": "https://schema.org/",
        "eli": "http://data.europa.eu/eli/ontology#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "Legislation": "schema:Legislation",
        "CreativeWork": "schema:CreativeWork",
        "Organization": "schema:Organization",
        "Event": "schema:Event",
        "Thing": "schema:Thing",
        "Place": "schema:Place",
        "PostalAddress": "schema:PostalAddress",
        "LegalResource": "eli:LegalResource",
        "LegalResourceSubdivision": "eli:LegalResourceSubdivision",
        "LegalExpression": "eli:LegalExpression",
        "identifier": "schema:identifier",
        "name": { "@id": "schema:name", "@container": "@language" },
        "text": { "@id": "schema:text", "@container": "@language" },
        "legislationType": "schema:legislationType",
        "legislationDate": { "@id": "schema:legislationDate", "@type": "xsd:date" },
        "datePublished": { "@id": "schema:datePublished", "@type": "xsd:dateTime" },
        "legislationPassedBy": { "@id": "schema:legislationPassedBy", "@type": "@id" },
        "inLanguage": "schema:inLanguage",
        "locationCreated": "schema:locationCreated",
        "address": "schema:address",
        "addressCountry": "schema:addressCountry",
        "hasPart": "schema:hasPart",
        "position": "schema:position",
        "mentions": { "@id": "schema:mentions", "@type": "@id" },
        "citation": { "@id": "schema:citation", "@type": "@id" },
        "title": { "@id": "eli:title", "@container": "@language" },
        "date_document": { "@id": "eli:date_document", "@type": "xsd:date" },
        "is_realized_by": "eli:is_realized_by",
        "has_part": { "@id": "eli:has_part", "@type": "@id" },
        "is_translation_of": { "@id": "eli:is_translation_of", "@type": "@id" },
        "translationOfWork": { "@id": "schema:translationOfWork", "@type": "@id" },
        "creativeWorkStatus": "schema:creativeWorkStatus",
        "translator": "schema:translator",
        "Person": "schema:Person",
    })
}

/// The references that cite each unit, in the order the document lists
/// them, each once: gathered in one pass, so listing a unit's citations
/// does not search every reference's list (with a hundred thousand
/// paragraphs and as many citations, that took minutes).
fn citing(document: &Document) -> HashMap<&str, Vec<&Reference>> {
    let mut by_unit: HashMap<&str, Vec<&Reference>> = HashMap::new();
    for reference in &document.references {
        work::add(Work::CitationProbes, reference.cited_by.len());
        for unit in &reference.cited_by {
            let references = by_unit.entry(unit.as_str()).or_default();
            if !references
                .last()
                .is_some_and(|r| std::ptr::eq(*r, reference))
            {
                references.push(reference);
            }
        }
    }
    by_unit
}

/// The node types of a part of the text.
const PART_TYPES: [&str; 2] = ["CreativeWork", "LegalResourceSubdivision"];

/// The document as one JSON-LD node with its parts nested; `license`, the
/// IRI of the licence the catalog names, is added with its term last, so a
/// graph without one is unchanged.
pub(super) fn graph(document: &Document, iri: &str, license: Option<&str>) -> Value {
    let mut graph = node(document, iri);
    if let Some(license) = license {
        let term = json!({ "@id": "schema:license", "@type": "@id" });
        if let Some(context) = graph.get_mut("@context") {
            set(context, "license", term);
        }
        set(&mut graph, "license", json!({ "@id": license }));
    }
    graph
}

/// The document's node, its parts nested, with the inline context.
fn node(document: &Document, iri: &str) -> Value {
    let g = Graph {
        document,
        iri,
        citing: citing(document),
    };
    json!({
        "@context": context(),
        "@id": iri,
        "@type": ["Legislation", "LegalResource"],
        "identifier": document.id.as_str(),
        "name": text_map(&document.title),
        "legislationType": document.kind.as_str(),
        "legislationDate": document.adopted.as_str(),
        "date_document": document.adopted.as_str(),
        "datePublished": document.publication.published_at.as_str(),
        "inLanguage": document.languages.iter().map(Language::as_str).collect::<Vec<_>>(),
        "locationCreated": {
            "@type": "Place",
            "name": text_map(&document.place.name),
            "address": { "@type": "PostalAddress", "addressCountry": document.place.country },
        },
        "legislationPassedBy": g.reference_iri(document.issuer.as_str()),
        "is_realized_by": document.all_languages().map(|l| g.expression(l)).collect::<Vec<_>>(),
        "hasPart": g.parts(),
        "has_part": g.part_ids(),
        "mentions": document.references.iter().map(|r| g.reference(r)).collect::<Vec<_>>(),
        "citation": g.citations(),
    })
}

/// The graph of one document under construction: its IRI, and which
/// references each unit cites.
struct Graph<'a> {
    document: &'a Document,
    iri: &'a str,
    citing: HashMap<&'a str, Vec<&'a Reference>>,
}

impl Graph<'_> {
    fn unit_iri(&self, unit: &str) -> String {
        format!("{}#{unit}", self.iri)
    }

    fn reference_iri(&self, id: &str) -> String {
        format!("{}#ref-{id}", self.iri)
    }

    /// The IRIs of the references a unit cites, of the given kinds (any
    /// kind when `kinds` is empty).
    fn cited(&self, unit: &UnitId, kinds: &[ReferenceKind]) -> Vec<String> {
        let references = self
            .citing
            .get(unit.as_str())
            .map_or(&[][..], Vec::as_slice);
        work::add(Work::CitationProbes, references.len() + 1);
        references
            .iter()
            .filter(|r| kinds.is_empty() || kinds.contains(&r.kind))
            .map(|r| self.reference_iri(r.id.as_str()))
            .collect()
    }

    fn paragraph(&self, position: usize, paragraph: &Paragraph) -> Value {
        let mut node = json!({
            "@id": self.unit_iri(paragraph.id.as_str()),
            "@type": PART_TYPES,
            "identifier": paragraph.id.as_str(),
            "position": position + 1,
            "text": text_map(&paragraph.text),
        });
        let mentions = self.cited(&paragraph.id, &[]);
        if !mentions.is_empty() {
            set(&mut node, "mentions", json!(mentions));
        }
        let citations = self.cited(&paragraph.id, &[ReferenceKind::Document]);
        if !citations.is_empty() {
            set(&mut node, "citation", json!(citations));
        }
        node
    }

    fn paragraphs(&self, list: &[Paragraph]) -> Vec<Value> {
        list.iter()
            .enumerate()
            .map(|(i, p)| self.paragraph(i, p))
            .collect()
    }

    fn ids(&self, list: &[Paragraph]) -> Vec<String> {
        list.iter().map(|p| self.unit_iri(p.id.as_str())).collect()
    }

    /// The preamble, if any, and the sections, each with its paragraphs.
    fn parts(&self) -> Vec<Value> {
        let document = self.document;
        let mut parts = Vec::new();
        if !document.preamble.is_empty() {
            parts.push(json!({
                "@id": self.unit_iri("preamble"),
                "@type": PART_TYPES,
                "identifier": "preamble",
                "hasPart": self.paragraphs(&document.preamble),
                "has_part": self.ids(&document.preamble),
            }));
        }
        for section in &document.sections {
            parts.push(json!({
                "@id": self.unit_iri(section.id.as_str()),
                "@type": PART_TYPES,
                "identifier": section.id.as_str(),
                "position": section.number,
                "name": text_map(&section.heading),
                "hasPart": self.paragraphs(&section.paragraphs),
                "has_part": self.ids(&section.paragraphs),
            }));
        }
        parts
    }

    /// The IRIs of the parts, in the order of [`Graph::parts`].
    fn part_ids(&self) -> Vec<String> {
        let document = self.document;
        let preamble = (!document.preamble.is_empty()).then(|| self.unit_iri("preamble"));
        preamble
            .into_iter()
            .chain(
                document
                    .sections
                    .iter()
                    .map(|s| self.unit_iri(s.id.as_str())),
            )
            .collect()
    }

    /// One language version as an ELI `LegalExpression`; a community
    /// translation names the official version it was made from.
    fn expression(&self, language: &Language) -> Value {
        let mut expression = json!({
            "@id": format!("{}/{language}", self.iri),
            "@type": "LegalExpression",
            "inLanguage": language.as_str(),
        });
        if let Some(title) = self.document.title.get(language) {
            set(
                &mut expression,
                "title",
                json!({ language.as_str(): title }),
            );
        }
        if let Some(community) = self.document.community(language) {
            let original = format!("{}/{}", self.iri, community.pivot);
            let status = format!("community translation, {}", community.status.as_str());
            let translators: Vec<Value> = community
                .translators
                .iter()
                .map(|t| json!({ "@type": "Person", "schema:name": t.name }))
                .collect();
            set(&mut expression, "is_translation_of", json!(original));
            set(&mut expression, "translationOfWork", json!(original));
            set(&mut expression, "creativeWorkStatus", json!(status));
            set(&mut expression, "translator", json!(translators));
        }
        expression
    }

    fn reference(&self, reference: &Reference) -> Value {
        json!({
            "@id": self.reference_iri(reference.id.as_str()),
            "@type": reference_type(reference.kind),
            "identifier": reference.id.as_str(),
            "name": text_map(&reference.name),
        })
    }

    /// The IRIs of the documents the document cites.
    fn citations(&self) -> Vec<String> {
        self.document
            .references
            .iter()
            .filter(|r| r.kind == ReferenceKind::Document)
            .map(|r| self.reference_iri(r.id.as_str()))
            .collect()
    }
}

/// A language map.
fn text_map(text: &LocalizedText) -> Value {
    Value::Object(
        text.iter()
            .map(|(language, value)| (language.as_str().to_owned(), json!(value)))
            .collect(),
    )
}

/// The schema.org type of a reference.
fn reference_type(kind: ReferenceKind) -> &'static str {
    match kind {
        ReferenceKind::Organization => "Organization",
        ReferenceKind::Event => "Event",
        ReferenceKind::Document => "CreativeWork",
        ReferenceKind::Goal => "Thing",
    }
}
