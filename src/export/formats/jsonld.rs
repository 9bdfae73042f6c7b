//! The JSON-LD export: `jsonld/<document-id>.jsonld`, linked data in the
//! schema.org and ELI vocabularies. The `@context` is inline, so nothing is
//! fetched to read it; localized text uses language maps.
//!
//! When the catalog names a licence, the document's node gives it as
//! `schema:license`, a reference to the licence's IRI.
//!
//! IRIs are those of [`crate::export::iri`]: the document, each language
//! version (an ELI expression), each unit and reference have the IRIs the
//! CSVW rows and the DCAT record give them.
//!
//! What links to what: the document names its reading page (`schema:url`,
//! `schema:mainEntityOfPage`), its DCAT dataset (`schema:subjectOf`, which
//! the dataset answers with `foaf:primaryTopic`) and every download the
//! DCAT record lists as a distribution of that dataset (`schema:encoding`,
//! a `schema:MediaObject` and `eli:Format` whose IRI is the download URL,
//! with `encodingFormat` and `contentUrl`); each expression names its own
//! downloads (`eli:is_embodied_by`: an Akoma Ntoso file per language) and
//! its language in the EU authority table (`eli:language`). The page that
//! published the text is `schema:subjectOf` too, with its headline, and
//! `schema:mentions` the items it lists beside the document.
//!
//! The issuer is a conference, which schema.org models as an `Event`,
//! while `schema:legislationPassedBy` takes an `Organization` or a `Person`.
//! The document is therefore `schema:recordedAt` the event (the reference
//! `#ref-<issuer>`, as the CSVW rows say), and `legislationPassedBy` (and
//! `eli:passed_by`) `#passed-by`: the conference as the body that adopted
//! the text, an `Organization` under the conference's names, linked to the
//! event by `schema:event`. It says nothing the text does not: the text is
//! adopted by the conference, and names no other body.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::{document_file, set, to_json_bytes};
use crate::export::{
    Context, DocumentFormat, Error, FileInfo, FileMeta, Output, Role, Scope, file_stem, iri,
};
use crate::model::{
    Document, Language, LocalizedText, Paragraph, Reference, ReferenceKind, UnitId,
};
use crate::work::{self, Work};

/// The folder of the JSON-LD files, under the export folder.
pub(super) const JSONLD_DIR: &str = "jsonld";

/// The JSON-LD's media type.
const MEDIA_TYPE: &str = "application/ld+json";

/// Writes each document as JSON-LD.
pub(super) struct JsonLd;

impl DocumentFormat for JsonLd {
    fn name(&self) -> &'static str {
        "jsonld"
    }

    /// The document's node lists the data files as its encodings.
    fn role(&self) -> Role {
        Role::Linked
    }

    fn owns(&self) -> &'static [&'static str] {
        &["jsonld/"]
    }

    fn document(
        &self,
        context: &Context<'_>,
        document: &Document,
        seen: &[FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let info = FileInfo::new(
            "jsonld",
            (MEDIA_TYPE, "JSON_LD"),
            Scope::Document(document.id.to_string()),
            "The document as linked data (schema.org and ELI).",
        )
        .conforming(&["https://schema.org/", "http://data.europa.eu/eli/ontology#"]);
        let links = Links::new(context, document, seen)?;
        document_file(document, JSONLD_DIR, "jsonld", info, |stem| {
            to_json_bytes(&graph(document, &links)?, stem)
        })
    }
}

/// What the document's node links to besides its own text: the base IRI,
/// the licence, whether there is a DCAT dataset, and the downloads.
pub(super) struct Links<'a> {
    base: &'a str,
    license: Option<&'a str>,
    dataset: bool,
    encodings: Vec<Encoding>,
}

/// One download of the document: the exported file at `path`.
struct Encoding {
    path: String,
    media_type: &'static str,
    language: Option<Language>,
}

impl<'a> Links<'a> {
    /// The links of `document` in `context`, its downloads from `files`
    /// (the data files the run made, and perhaps this format's own): the
    /// JSON-LD file first, then the others as the DCAT record lists them.
    pub(super) fn new(
        context: &Context<'a>,
        document: &Document,
        files: &[FileMeta],
    ) -> Result<Self, Error> {
        let stem = file_stem(document.id.as_str())?;
        let own = Encoding {
            path: format!("{JSONLD_DIR}/{stem}.jsonld"),
            media_type: MEDIA_TYPE,
            language: None,
        };
        let others = iri::downloads(document, files)
            .filter(|f| f.info.format != "jsonld")
            .map(|f| Encoding {
                path: f.path.as_str().to_owned(),
                media_type: f.info.media_type,
                language: f.info.language.clone(),
            });
        Ok(Self {
            base: context.base_iri,
            license: context.license(),
            dataset: context.catalog.is_some(),
            encodings: std::iter::once(own).chain(others).collect(),
        })
    }
}

/// The graph of `document` as the export writes it, without the final
/// newline, for pages that embed it.
pub(super) fn graph_text(document: &Document, links: &Links<'_>) -> Result<String, Error> {
    let mut bytes = Vec::new();
    // Writing a `Value` into memory cannot fail: its keys are strings.
    let _ = serde_json::to_writer_pretty(&mut bytes, &graph(document, links)?);
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The inline context: every term the export uses, with its datatype or
/// container.
fn context() -> Value {
    let mut context = json!({
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
    });
    if let (Some(terms), Value::Object(links)) = (context.as_object_mut(), link_terms()) {
        terms.extend(links);
    }
    context
}

/// The terms of the links to the issuer, the pages, the dataset and the
/// downloads.
fn link_terms() -> Value {
    json!({
        "MediaObject": "schema:MediaObject",
        "Format": "eli:Format",
        "recordedAt": { "@id": "schema:recordedAt", "@type": "@id" },
        "passed_by": { "@id": "eli:passed_by", "@type": "@id" },
        "event": { "@id": "schema:event", "@type": "@id" },
        "url": { "@id": "schema:url", "@type": "@id" },
        "mainEntityOfPage": { "@id": "schema:mainEntityOfPage", "@type": "@id" },
        "subjectOf": { "@id": "schema:subjectOf", "@type": "@id" },
        "headline": { "@id": "schema:headline", "@container": "@language" },
        "encoding": { "@id": "schema:encoding", "@type": "@id" },
        "encodingFormat": "schema:encodingFormat",
        "contentUrl": { "@id": "schema:contentUrl", "@type": "@id" },
        "format": { "@id": "eli:format", "@type": "@id" },
        "is_embodied_by": { "@id": "eli:is_embodied_by", "@type": "@id" },
        "language": { "@id": "eli:language", "@type": "@id" },
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

/// The document as one JSON-LD node with its parts nested; the licence,
/// when `links` has one, is added with its term last, so a graph without
/// one is unchanged.
pub(super) fn graph(document: &Document, links: &Links<'_>) -> Result<Value, Error> {
    let iri = iri::document(links.base, document.id.as_str());
    let g = Graph {
        document,
        iri: &iri,
        links,
        citing: citing(document),
    };
    let mut graph = g.node()?;
    if let Some(license) = links.license {
        let term = json!({ "@id": "schema:license", "@type": "@id" });
        if let Some(context) = graph.get_mut("@context") {
            set(context, "license", term);
        }
        set(&mut graph, "license", json!({ "@id": license }));
    }
    Ok(graph)
}

/// The graph of one document under construction: its IRI, what it links
/// to, and which references each unit cites.
struct Graph<'a> {
    document: &'a Document,
    iri: &'a str,
    links: &'a Links<'a>,
    citing: HashMap<&'a str, Vec<&'a Reference>>,
}

impl Graph<'_> {
    /// The document's node, its parts nested, with the inline context.
    fn node(&self) -> Result<Value, Error> {
        let document = self.document;
        let expressions = document
            .all_languages()
            .map(|l| self.expression(l))
            .collect::<Result<Vec<_>, _>>()?;
        let event = self.reference_iri(document.issuer.as_str());
        let mut node = json!({
            "@context": context(),
            "@id": self.iri,
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
            "recordedAt": event,
            "legislationPassedBy": self.passed_by(&event),
            "passed_by": iri::passed_by(self.iri),
            "is_realized_by": expressions,
            "hasPart": self.parts(),
            "has_part": self.part_ids(),
            "mentions": document.references.iter().map(|r| self.reference(r)).collect::<Vec<_>>(),
            "citation": self.citations(),
        });
        self.link(&mut node);
        Ok(node)
    }

    /// The body that adopted the document: the conference that is the
    /// event `event`, as an organization (see the module's documentation).
    fn passed_by(&self, event: &str) -> Value {
        let name = self
            .document
            .reference(&self.document.issuer)
            .map_or(Value::Null, |r| text_map(&r.name));
        json!({
            "@id": iri::passed_by(self.iri),
            "@type": "Organization",
            "name": name,
            "event": event,
        })
    }

    /// The links to the reading page, the dataset, the publication and the
    /// downloads.
    fn link(&self, node: &mut Value) {
        let (base, id) = (self.links.base, self.document.id.as_str());
        let page = iri::page(base, id);
        set(node, "url", json!(page));
        set(node, "mainEntityOfPage", json!(page));
        let mut subject_of = Vec::new();
        if self.links.dataset {
            subject_of.push(json!(iri::dataset(base, id)));
        }
        subject_of.push(self.publication());
        set(node, "subjectOf", json!(subject_of));
        let encodings: Vec<Value> = self
            .links
            .encodings
            .iter()
            .map(|e| self.encoding(e))
            .collect();
        set(node, "encoding", json!(encodings));
    }

    /// The page that published the text, with its headline and the items
    /// it lists beside the document.
    fn publication(&self) -> Value {
        let publication = &self.document.publication;
        let related: Vec<Value> = self
            .document
            .related
            .iter()
            .enumerate()
            .map(|(i, item)| {
                json!({
                    "@id": iri::related(self.iri, item.id.as_str()),
                    "@type": "CreativeWork",
                    "identifier": item.id.as_str(),
                    "position": i + 1,
                    "name": text_map(&item.title),
                })
            })
            .collect();
        let mut node = json!({
            "@id": iri::publication(self.iri),
            "@type": "CreativeWork",
            "headline": text_map(&publication.headline),
            "datePublished": publication.published_at.as_str(),
        });
        if !related.is_empty() {
            set(&mut node, "mentions", json!(related));
        }
        node
    }

    /// One download, named by its URL.
    fn encoding(&self, encoding: &Encoding) -> Value {
        let url = iri::download(self.links.base, &encoding.path);
        let mut node = json!({
            "@id": url,
            "@type": ["MediaObject", "Format"],
            "encodingFormat": encoding.media_type,
            "format": iri::media_type(encoding.media_type),
            "contentUrl": url,
        });
        if let Some(language) = &encoding.language {
            set(&mut node, "inLanguage", json!(language.as_str()));
        }
        node
    }

    fn unit_iri(&self, unit: &str) -> String {
        iri::unit(self.iri, unit)
    }

    fn reference_iri(&self, id: &str) -> String {
        iri::reference(self.iri, id)
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
    fn expression(&self, language: &Language) -> Result<Value, Error> {
        let mut expression = json!({
            "@id": iri::expression(self.iri, language),
            "@type": "LegalExpression",
            "inLanguage": language.as_str(),
            "language": iri::language(language)?,
        });
        let embodied: Vec<String> = self
            .links
            .encodings
            .iter()
            .filter(|e| e.language.as_ref() == Some(language))
            .map(|e| iri::download(self.links.base, &e.path))
            .collect();
        if !embodied.is_empty() {
            set(&mut expression, "is_embodied_by", json!(embodied));
        }
        if let Some(title) = self.document.title.get(language) {
            set(
                &mut expression,
                "title",
                json!({ language.as_str(): title }),
            );
        }
        if let Some(community) = self.document.community(language) {
            let original = iri::expression(self.iri, &community.pivot);
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
        Ok(expression)
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
