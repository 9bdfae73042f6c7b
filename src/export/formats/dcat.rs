//! The DCAT-AP 3 catalog record: `dcat/catalog.ttl` (Turtle, which CKAN's
//! harvester reads most reliably) and `dcat/catalog.jsonld` (the same graph
//! as JSON-LD with an inline context). One `dcat:Catalog`, one
//! `dcat:Dataset` per document, and one `dcat:Distribution` per exported
//! file, with byte sizes and SHA-256 checksums of the bytes written in the
//! same run. Publisher, contact, licence, availability, temporal coverage
//! and descriptions come from `data/catalog.json`; the geographic coverage
//! (`dct:spatial`) is the EU country authority's entry for the country
//! each document was adopted in, with the bounding box and centroid the
//! catalog gives for it (`dcat:bbox`, `dcat:centroid`, as GeoSPARQL WKT
//! literals), when it gives them.

use crate::export::iri::{self, AUTHORITY};
use crate::export::{
    Context, DocumentFormat, Error, ExportPath, FileInfo, FileMeta, Output, OutputFile, Role, Scope,
};
use crate::model::{
    Catalog, CatalogIris, Document, DocumentSummary, Language, LocalizedText, Temporal, UnitId,
    country_alpha3,
};
use crate::rdf::{
    InGraph, JSON_LD_END, Node, Object, Prefixes, json_ld_start, json_ld_subject, turtle_prefixes,
    turtle_subject,
};

const PREFIXES: &Prefixes = &[
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dcatap", "http://data.europa.eu/r5r/"),
    ("dct", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("gsp", "http://www.opengis.net/ont/geosparql#"),
    ("vcard", "http://www.w3.org/2006/vcard/ns#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("spdx", "http://spdx.org/rdf/terms#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

const SHA256: &str = "http://spdx.org/rdf/terms#checksumAlgorithm_sha256";

/// Writes the catalog record in Turtle and JSON-LD.
pub(super) struct Dcat;

impl DocumentFormat for Dcat {
    fn name(&self) -> &'static str {
        "dcat"
    }

    fn role(&self) -> Role {
        Role::Record
    }

    fn owns(&self) -> &'static [&'static str] {
        &["dcat/"]
    }

    fn start(&self, _: &Context<'_>) -> Result<Vec<Output>, Error> {
        let open = |path: &str, media_type, file_type, text: String| {
            let info = FileInfo::new(
                "dcat",
                (media_type, file_type),
                Scope::Catalog,
                "The DCAT-AP 3 record of the catalog, its datasets and distributions.",
            )
            .conforming(&["https://semiceu.github.io/DCAT-AP/releases/3.0.0/"]);
            Ok(Output::Open(OutputFile::new(
                ExportPath::new(path)?,
                text.into_bytes(),
                info,
            )))
        };
        Ok(vec![
            open(
                TURTLE_FILE,
                "text/turtle",
                "RDF_TURTLE",
                turtle_prefixes(PREFIXES),
            )?,
            open(
                JSON_LD_FILE,
                "application/ld+json",
                "JSON_LD",
                json_ld_start(PREFIXES),
            )?,
        ])
    }

    fn document(
        &self,
        context: &Context<'_>,
        document: &Document,
        seen: &[FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let catalog = context.catalog.ok_or(Error::NoCatalog)?;
        subjects(
            &dataset(context, catalog, document, seen)?,
            Graph::Continues,
        )
    }

    fn finish(
        &self,
        context: &Context<'_>,
        documents: &[DocumentSummary],
        files: &[&FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let catalog = context.catalog.ok_or(Error::NoCatalog)?;
        let mut outputs = subjects(&record(context, catalog, documents, files)?, Graph::Ends)?;
        outputs.push(append(JSON_LD_FILE, JSON_LD_END.to_owned())?);
        Ok(outputs)
    }
}

/// The record in Turtle, written a subject at a time.
const TURTLE_FILE: &str = "dcat/catalog.ttl";
/// The record in JSON-LD, written a subject at a time.
const JSON_LD_FILE: &str = "dcat/catalog.jsonld";

/// `text` added at the end of the record at `path`.
fn append(path: &str, text: String) -> Result<Output, Error> {
    Ok(Output::Append {
        path: ExportPath::new(path)?,
        bytes: text.into_bytes(),
    })
}

/// Whether the JSON-LD graph ends with the subjects being added.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Graph {
    /// More subjects follow.
    Continues,
    /// The last subject added is the graph's last.
    Ends,
}

/// `nodes` added to both files; `graph` says whether the last is the last
/// of the JSON-LD graph.
fn subjects(nodes: &[Node], graph: Graph) -> Result<Vec<Output>, Error> {
    let mut turtle = String::new();
    let mut json = String::new();
    for (i, node) in nodes.iter().enumerate() {
        turtle.push_str(&turtle_subject(node));
        let place = if graph == Graph::Ends && i + 1 == nodes.len() {
            InGraph::Last
        } else {
            InGraph::Followed
        };
        json.push_str(&json_ld_subject(node, place));
    }
    Ok(vec![
        append(TURTLE_FILE, turtle)?,
        append(JSON_LD_FILE, json)?,
    ])
}

/// A note for translators and maintainers on each community translation
/// the run left out of the dataset, naming the units whose original
/// changed since they were translated.
fn withheld_notes(document: &Document) -> Vec<String> {
    document
        .withheld_translations
        .iter()
        .map(|w| {
            let units: Vec<&str> = w.stale_units.iter().map(UnitId::as_str).collect();
            format!(
                "The community translation into {} ({}) is withheld until it is updated: the original of {} changed since it was translated.",
                w.translation.language,
                w.translation.status.as_str(),
                units.join(", ")
            )
        })
        .collect()
}

/// Whether a file is some dataset's distribution: a document's own file,
/// or one holding every document. The index, the checksums and the record
/// itself are about the files, not data.
fn is_distribution(file: &FileMeta) -> bool {
    file.info.scope != Scope::Catalog
}

fn texts(node: &mut Node, predicate: &'static str, text: &LocalizedText) {
    for (language, value) in text.iter() {
        node.add(
            predicate,
            Object::Lang(value.to_owned(), language.as_str().to_owned()),
        );
    }
}

/// When the earliest and the latest documents were published, as written,
/// compared as instants; `None` when there are no documents.
fn publication_span(documents: &[DocumentSummary]) -> Result<Option<(&str, &str)>, Error> {
    let mut instants = Vec::with_capacity(documents.len());
    for document in documents {
        let written = &document.published_at;
        let instant = written
            .instant()
            .ok_or_else(|| Error::Timestamp(written.as_str().to_owned()))?;
        instants.push((instant, written.as_str()));
    }
    let first = instants.iter().min_by_key(|(instant, _)| *instant);
    let last = instants.iter().max_by_key(|(instant, _)| *instant);
    Ok(first
        .zip(last)
        .map(|((_, first), (_, last))| (*first, *last)))
}

/// `dct:issued` and `dct:modified`, as `xsd:dateTime`s.
fn dates(node: &mut Node, issued: &str, modified: &str) {
    node.add(
        "dct:issued",
        Object::Typed(issued.to_owned(), "xsd:dateTime"),
    );
    node.add(
        "dct:modified",
        Object::Typed(modified.to_owned(), "xsd:dateTime"),
    );
}

/// `dct:license`, when the catalog names the licence: the catalog, each
/// dataset and each distribution are published under it.
fn license(node: &mut Node, iris: &CatalogIris) {
    if let Some(license) = &iris.license {
        node.iri("dct:license", license.as_str());
    }
}

/// The EU country authority's IRI of the ISO 3166-1 alpha-2 code
/// `country`, or `None` for a code ISO 3166-1 does not assign.
fn country_iri(country: &str) -> Option<String> {
    country_alpha3(country).map(|code| format!("{AUTHORITY}/country/{code}"))
}

/// The `dct:Location` of each country the documents were adopted in, with
/// the bounding box and centroid the catalog gives for it, if any.
fn locations(catalog: &Catalog, documents: &[DocumentSummary]) -> Vec<Node> {
    let mut codes: Vec<&str> = documents.iter().map(|d| d.country.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    let mut nodes: Vec<Node> = codes
        .into_iter()
        .filter_map(|code| {
            let mut location = typed("dct:Location", country_iri(code)?);
            if let Some(geometry) = catalog.spatial.get(code) {
                let wkt = |text: &str| Object::Typed(text.trim().to_owned(), "gsp:wktLiteral");
                location.add("dcat:bbox", wkt(&geometry.bbox));
                location.add("dcat:centroid", wkt(&geometry.centroid));
            }
            Some(location)
        })
        .collect();
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    nodes
}

/// The countries the documents were adopted in, as EU authority IRIs,
/// sorted, once each.
fn countries(documents: &[DocumentSummary]) -> Vec<String> {
    let mut iris: Vec<String> = documents
        .iter()
        .filter_map(|d| country_iri(&d.country))
        .collect();
    iris.sort();
    iris.dedup();
    iris
}

/// `dct:temporal`: the period the catalog gives for the dataset.
fn temporal(node: &mut Node, period: &Temporal) {
    let mut time = Node::blank("dct:PeriodOfTime");
    if let Some(start) = &period.start {
        time.add(
            "dcat:startDate",
            Object::Typed(start.to_string(), "xsd:date"),
        );
    }
    if let Some(end) = &period.end {
        time.add("dcat:endDate", Object::Typed(end.to_string(), "xsd:date"));
    }
    node.add("dct:temporal", Object::Node(Box::new(time)));
}

/// A `skos:Concept` from a vocabulary, with its English label.
fn concept(iri: String, label: &str) -> Node {
    let mut concept = typed("skos:Concept", iri);
    concept.add("skos:prefLabel", Object::Lang(label.into(), "en".into()));
    concept
}

fn typed(class: &'static str, iri: String) -> Node {
    Node::new(iri, class)
}

fn language_iri(language: &Language) -> Result<String, Error> {
    iri::language(language)
}

/// The dataset's title, the catalog's description, keywords and period
/// of it, and the country it covers.
fn coverage(dataset: &mut Node, catalog: &Catalog, document: &Document) {
    texts(dataset, "dct:title", &document.title);
    if let Some(metadata) = catalog.dataset(&document.id) {
        texts(dataset, "dct:description", &metadata.description);
        for keyword in &metadata.keywords {
            texts(dataset, "dcat:keyword", keyword);
        }
        if let Some(period) = &metadata.temporal {
            temporal(dataset, period);
        }
    }
    if let Some(country) = country_iri(&document.place.country) {
        dataset.iri("dct:spatial", country);
    }
}

/// One document's subjects: its `dcat:Dataset`, a distribution for each
/// of its own files among `seen`, and its reading page. The dataset also
/// lists the files of every document, described once by [`record`].
fn dataset(
    context: &Context<'_>,
    catalog: &Catalog,
    document: &Document,
    seen: &[FileMeta],
) -> Result<Vec<Node>, Error> {
    let base = context.base_iri;
    let iris = catalog.iris().map_err(Error::Iri)?;
    let dataset_iri = iri::dataset(base, document.id.as_str());
    let mut dataset = Node::new(&dataset_iri, "dcat:Dataset");
    coverage(&mut dataset, catalog, document);
    dataset.add("dct:identifier", Object::Text(dataset_iri.clone()));
    dataset.iri("dct:publisher", iris.publisher.as_str());
    let mut contact = Node::blank("vcard:Kind");
    contact.types.push("vcard:Organization");
    texts(&mut contact, "vcard:fn", &catalog.contact_point.name);
    contact.iri("vcard:hasEmail", iris.contact.as_str());
    dataset.add("dcat:contactPoint", Object::Node(Box::new(contact)));
    for theme in &catalog.themes {
        dataset.iri(
            "dcat:theme",
            format!("{AUTHORITY}/data-theme/{}", theme.code()),
        );
    }
    for language in document.all_languages() {
        dataset.iri("dct:language", language_iri(language)?);
    }
    license(&mut dataset, &iris);
    for note in withheld_notes(document) {
        dataset.add("skos:editorialNote", Object::Lang(note, "en".into()));
    }
    let published = document.publication.published_at.as_str();
    dates(
        &mut dataset,
        published,
        context.created.as_deref().unwrap_or(published),
    );
    // The reading page is where people land; it is typed below.
    let page = iri::page(base, document.id.as_str());
    dataset.iri("dcat:landingPage", &page);
    // The dataset is the data of the document, which the JSON-LD describes
    // (and which names the dataset as its `schema:subjectOf`).
    dataset.iri(
        "foaf:primaryTopic",
        iri::document(base, document.id.as_str()),
    );
    let mut distributions = Vec::new();
    let own = Scope::Document(document.id.to_string());
    for file in iri::downloads(document, seen) {
        let distribution_iri = iri::distribution(base, file.path.as_str());
        dataset.iri("dcat:distribution", &distribution_iri);
        if file.info.scope == own {
            distributions.push(distribution(
                &distribution_iri,
                file,
                base,
                (catalog, &iris),
            )?);
        }
    }
    let mut nodes = vec![dataset];
    nodes.extend(distributions);
    nodes.push(typed("foaf:Document", page));
    Ok(nodes)
}

/// The subjects written after the last document: the `dcat:Catalog`, the
/// distributions of the files shared by every document, and the things the
/// record points at, each typed with the class the DCAT-AP shapes expect.
fn record(
    context: &Context<'_>,
    catalog: &Catalog,
    documents: &[DocumentSummary],
    files: &[&FileMeta],
) -> Result<Vec<Node>, Error> {
    let base = context.base_iri;
    let languages = catalog_languages(documents);
    let distributions: Vec<&FileMeta> = files
        .iter()
        .copied()
        .filter(|f| is_distribution(f))
        .collect();
    let iris = catalog.iris().map_err(Error::Iri)?;
    let mut all = vec![catalog_node(context, catalog, documents, &languages)?];
    for file in distributions
        .iter()
        .filter(|f| f.info.scope == Scope::Corpus)
    {
        let iri = iri::distribution(base, file.path.as_str());
        all.push(distribution(&iri, file, base, (catalog, &iris))?);
    }
    all.extend(described_things(catalog, &languages)?);
    all.extend(locations(catalog, documents));
    if !distributions.is_empty() {
        all.push(typed("spdx:ChecksumAlgorithm", SHA256.to_owned()));
    }
    all.extend(
        vocabulary(&distributions)
            .into_iter()
            .map(|(class, iri)| typed(class, iri)),
    );
    Ok(all)
}

/// Every language of every document, sorted, once each.
fn catalog_languages(documents: &[DocumentSummary]) -> Vec<&Language> {
    let mut languages: Vec<&Language> = documents
        .iter()
        .flat_map(DocumentSummary::all_languages)
        .collect();
    languages.sort();
    languages.dedup();
    languages
}

/// The `dcat:Catalog` node itself.
fn catalog_node(
    context: &Context<'_>,
    catalog: &Catalog,
    documents: &[DocumentSummary],
    languages: &[&Language],
) -> Result<Node, Error> {
    let base = context.base_iri;
    let mut record = Node::new(format!("{base}catalog"), "dcat:Catalog");
    texts(&mut record, "dct:title", &catalog.title);
    texts(&mut record, "dct:description", &catalog.description);
    let iris = catalog.iris().map_err(Error::Iri)?;
    record.iri("dct:publisher", iris.publisher.as_str());
    record.iri("foaf:homepage", iris.landing_page.as_str());
    record.iri("dcat:themeTaxonomy", format!("{AUTHORITY}/data-theme"));
    license(&mut record, &iris);
    // The catalog was first issued with its earliest document, and last
    // changed at `SOURCE_DATE_EPOCH` or, without it, with its latest.
    if let Some((first, last)) = publication_span(documents)? {
        let modified = context.created.as_deref().unwrap_or(last);
        dates(&mut record, first, modified);
    }
    for language in languages {
        record.iri("dct:language", language_iri(language)?);
    }
    for country in countries(documents) {
        record.iri("dct:spatial", country);
    }
    for document in documents {
        record.iri("dcat:dataset", iri::dataset(base, document.id.as_str()));
    }
    Ok(record)
}

/// The nodes that describe what the catalog names: the publisher, the
/// landing page, the theme scheme and its themes, the languages and the
/// licence.
fn described_things(catalog: &Catalog, languages: &[&Language]) -> Result<Vec<Node>, Error> {
    let iris = catalog.iris().map_err(Error::Iri)?;
    let mut agent = typed("foaf:Agent", iris.publisher.to_string());
    agent.types.push("foaf:Organization");
    texts(&mut agent, "foaf:name", &catalog.publisher.name);
    if let Some(kind) = catalog.publisher.kind {
        agent.iri("dct:type", kind.iri());
    }
    let mut things = vec![agent, typed("foaf:Document", iris.landing_page.to_string())];
    let mut scheme = typed("skos:ConceptScheme", format!("{AUTHORITY}/data-theme"));
    scheme.add("dct:title", Object::Lang("Data theme".into(), "en".into()));
    things.push(scheme);
    for theme in &catalog.themes {
        let iri = format!("{AUTHORITY}/data-theme/{}", theme.code());
        let mut concept = typed("skos:Concept", iri);
        let label = Object::Lang(theme.label().into(), "en".into());
        concept.add("skos:prefLabel", label);
        concept.iri("skos:inScheme", format!("{AUTHORITY}/data-theme"));
        things.push(concept);
    }
    for language in languages {
        things.push(typed("dct:LinguisticSystem", language_iri(language)?));
    }
    if let Some(kind) = catalog.publisher.kind {
        things.push(concept(kind.iri(), kind.label()));
    }
    if let Some(availability) = catalog.availability {
        things.push(concept(availability.iri().to_owned(), availability.label()));
    }
    if let Some(license) = &iris.license {
        let mut document = typed("dct:LicenseDocument", license.to_string());
        if let Some(kind) = catalog.license_type {
            document.iri("dct:type", kind.iri());
            things.push(document);
            things.push(concept(kind.iri(), kind.label()));
        } else {
            things.push(document);
        }
    }
    Ok(things)
}

/// The media types, file types and standards the distributions name, each
/// once, in the order first named, with the class each is typed as.
fn vocabulary(distributions: &[&FileMeta]) -> Vec<(&'static str, String)> {
    let mut classes: Vec<(&'static str, String)> = Vec::new();
    for file in distributions {
        let kind = &file.info;
        let named = [
            ("dct:MediaType", iri::media_type(kind.media_type)),
            (
                "dct:MediaTypeOrExtent",
                format!("{AUTHORITY}/file-type/{}", kind.file_type),
            ),
        ];
        let standards = kind.conforms_to.iter().map(|s| ("dct:Standard", s.clone()));
        for (class, iri) in named.into_iter().chain(standards) {
            if !classes.iter().any(|(_, seen)| *seen == iri) {
                classes.push((class, iri));
            }
        }
    }
    classes
}

/// The `dcat:Distribution` of one exported file.
fn distribution(
    iri: &str,
    file: &FileMeta,
    base: &str,
    (catalog, iris): (&Catalog, &CatalogIris),
) -> Result<Node, Error> {
    let kind = &file.info;
    let path = file.path.as_str();
    let mut distribution = Node::new(iri, "dcat:Distribution");
    distribution.add("dct:title", Object::Text(path.to_owned()));
    distribution.add(
        "dct:description",
        Object::Lang(kind.description.clone(), "en".to_owned()),
    );
    distribution.iri("dcat:accessURL", iri::download(base, path));
    distribution.iri("dcat:downloadURL", iri::download(base, path));
    distribution.iri("dcat:mediaType", iri::media_type(kind.media_type));
    distribution.iri(
        "dct:format",
        format!("{AUTHORITY}/file-type/{}", kind.file_type),
    );
    for standard in &kind.conforms_to {
        distribution.iri("dct:conformsTo", standard);
    }
    if let Some(language) = &kind.language {
        distribution.iri("dct:language", language_iri(language)?);
    }
    distribution.add(
        "dcat:byteSize",
        Object::Typed(file.size.to_string(), "xsd:nonNegativeInteger"),
    );
    let mut checksum = Node::blank("spdx:Checksum");
    checksum.iri(
        "spdx:algorithm",
        "http://spdx.org/rdf/terms#checksumAlgorithm_sha256",
    );
    checksum.add(
        "spdx:checksumValue",
        Object::Typed(file.sha256.clone(), "xsd:hexBinary"),
    );
    distribution.add("spdx:checksum", Object::Node(Box::new(checksum)));
    if let Some(availability) = catalog.availability {
        distribution.iri("dcatap:availability", availability.iri());
    }
    license(&mut distribution, iris);
    Ok(distribution)
}
