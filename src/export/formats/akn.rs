//! The Akoma Ntoso export (OASIS `LegalDocML` 3.0):
//! `akn/<document-id>/<language>.xml`, one file per language version. In
//! AKN's model the document is one Work and each language version one
//! Expression.
//!
//! Ids follow the Akoma Ntoso Naming Convention (OASIS AKN-NC 1.0): an
//! `eId` is built from element-name abbreviations and the position of
//! the element, and every element that holds a unit of the model also
//! carries that unit's id in `wId`, the same in every language, so a
//! paragraph can be lined up across versions and with the other formats:
//!
//! | unit id | element | `eId` | `wId` |
//! |---|---|---|---|
//! | `preamble__para_n` | `preamble/p` | `preamble__p_n` | `preamble__para_n` |
//! | `sec_s` | `section` | `sec_s` | `sec_s` |
//! | `sec_s__para_n` | `section/paragraph` | `sec_s__para_n` | `sec_s__para_n` |
//!
//! `title` is the `docTitle` of the preface and `sec_s__heading` the
//! `heading` of `sec_s`; neither needs an id of its own. Sections are
//! named by their number, not by the language's label in `num` (`I.`,
//! `一、`), so the `eId`s too are the same in every language.
//!
//! The Work's `FRBRname` is given in every official language, each with
//! its `xml:lang`, so every file names the Work alike. The text has no
//! number: `FRBRnumber` is the disambiguating name that the Work IRI uses
//! in its place, the document's id.
//!
//! The issuer of the Hangzhou Initiative is a conference, an event, which
//! the text presents as the body that speaks ("the Conference proposes").
//! The event stays a `TLCEvent`; the author is the body convened as that
//! event, a `TLCOrganization` (`_issuer`) with the event's name, as AKN
//! wants an agent for `FRBRauthor`. An issuer that is an organization is
//! its own author.
//!
//! The document type is `statement` (AKN's type for official texts of a
//! body that are not necessarily normative), named after the document's
//! kind. Work IRIs follow the AKN naming convention:
//! `/akn/<country>/statement/<kind>/<adopted>/<id>`, and each Expression
//! adds `/<iso-639-3>@<adopted>`.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::xml::{XmlWriter, text_element};
use crate::export::{
    Context, DocumentFormat, Error, ExportPath, FileInfo, FileMeta, Output, OutputFile, Scope,
    file_stem,
};
use crate::model::{
    CommunityLanguage, Document, Language, LocalizedText, Reference, ReferenceKind, Section,
    section_label, section_separator,
};

/// The Akoma Ntoso 3.0 namespace.
const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The eId of the TLC entry for whoever publishes the exports. Reference
/// ids are slugs, which never start with `_`, so it cannot clash.
const PUBLISHER_EID: &str = "_publisher";

/// The eId of the TLC entry for the body convened as the issuing event.
const ISSUER_EID: &str = "_issuer";

/// Writes one Akoma Ntoso file per document per language.
pub(super) struct AkomaNtoso;

impl DocumentFormat for AkomaNtoso {
    fn name(&self) -> &'static str {
        "akn"
    }

    fn owns(&self) -> &'static [&'static str] {
        &["akn/"]
    }

    fn document(
        &self,
        context: &Context<'_>,
        document: &Document,
        _: &[FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let stem = file_stem(document.id.as_str())?;
        let mut files = Vec::new();
        for language in document.all_languages() {
            let code = language
                .iso639_3()
                .ok_or_else(|| Error::NoIso639(language.to_string()))?;
            let bytes = render(document, language, code, context).map_err(|source| Error::Xml {
                what: format!("{stem} ({language}) as Akoma Ntoso"),
                source,
            })?;
            let info = FileInfo::new(
                "akn",
                ("application/xml", "XML"),
                Scope::Document(document.id.to_string()),
                format!("The document's {language} language version in Akoma Ntoso 3.0."),
            )
            .conforming(&["http://docs.oasis-open.org/legaldocml/ns/akn/3.0"])
            .in_language(language.clone());
            let path = ExportPath::new("akn")?
                .join(stem)?
                .join(&format!("{language}.xml"))?;
            files.push(Output::File(OutputFile::new(path, bytes, info)));
        }
        Ok(files)
    }
}

/// The Work IRI of a document.
pub(super) fn work_iri(document: &Document) -> String {
    format!(
        "/akn/{}/statement/{}/{}/{}",
        document.place.country.to_ascii_lowercase(),
        document.kind.as_str(),
        document.adopted,
        document.id
    )
}

/// One language version of a document as AKN sees it: the Expression of
/// the Work, with the IRIs and authors its metadata names.
struct Expression<'a> {
    document: &'a Document,
    language: &'a Language,
    context: &'a Context<'a>,
    /// The ISO 639-3 code of the language.
    code: &'a str,
    /// The community translation this Expression is, if it is one.
    community: Option<&'a CommunityLanguage>,
    work: String,
    iri: String,
    /// The href of the official Expression a community translation was
    /// made from, and that Expression's ISO 639-3 code.
    translation_of: Option<(String, &'static str)>,
    issuer: String,
    /// Who made the Expression: the issuer, or the community translator.
    author: String,
    /// Who made this file: whoever publishes the exports, or the issuer.
    publisher: String,
}

impl<'a> Expression<'a> {
    fn new(
        document: &'a Document,
        language: &'a Language,
        code: &'a str,
        context: &'a Context<'a>,
    ) -> Self {
        let work = work_iri(document);
        let iri = format!("{work}/{code}@{}", document.adopted);
        // A community translation is a non-authoritative Expression that
        // names the official one it was translated from.
        let community = document.community(language);
        let translation_of = community.and_then(|c| {
            c.pivot
                .iso639_3()
                .map(|from| (format!("{work}/{from}@{}", document.adopted), from))
        });
        let issuer = match document.reference(&document.issuer) {
            Some(r) if r.kind == ReferenceKind::Organization => format!("#{}", r.id),
            _ => format!("#{ISSUER_EID}"),
        };
        let author = match community {
            Some(_) => "#_translator_1".to_owned(),
            None => issuer.clone(),
        };
        let publisher = match context.catalog {
            Some(_) => format!("#{PUBLISHER_EID}"),
            None => issuer.clone(),
        };
        Self {
            document,
            language,
            context,
            code,
            community,
            work,
            iri,
            translation_of,
            issuer,
            author,
            publisher,
        }
    }

    /// A localized text in this Expression's language. Validation
    /// (missing-language) guarantees every text in each of the document's
    /// languages, the only ones this renders.
    fn text(&self, text: &LocalizedText) -> String {
        text.get(self.language).unwrap_or_default().to_owned()
    }

    /// The name of the issuer; dangling-reference guarantees the issuer is
    /// a reference.
    fn issuer_name(&self) -> String {
        self.document
            .reference(&self.document.issuer)
            .map(|r| self.text(&r.name))
            .unwrap_or_default()
    }
}

fn render(
    document: &Document,
    language: &Language,
    code: &str,
    context: &Context<'_>,
) -> io::Result<Vec<u8>> {
    let x = Expression::new(document, language, code, context);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("akomaNtoso")
        .with_attribute(("xmlns", AKN_NAMESPACE))
        .write_inner_content(|w| {
            w.create_element("statement")
                .with_attribute(("name", document.kind.as_str()))
                .write_inner_content(|w| statement(w, &x))?;
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// The content of `<statement>`: metadata, preface, preamble and body.
fn statement(w: &mut XmlWriter, x: &Expression<'_>) -> io::Result<()> {
    w.create_element("meta").write_inner_content(|w| {
        w.create_element("identification")
            .with_attribute(("source", x.publisher.as_str()))
            .write_inner_content(|w| identification(w, x))?;
        w.create_element("references")
            .with_attribute(("source", x.publisher.as_str()))
            .write_inner_content(|w| references(w, x))?;
        Ok(())
    })?;
    w.create_element("preface")
        .write_inner_content(|w| preface(w, x))?;
    if !x.document.preamble.is_empty() {
        w.create_element("preamble").write_inner_content(|w| {
            for (i, paragraph) in x.document.preamble.iter().enumerate() {
                let eid = format!("preamble__p_{}", i + 1);
                w.create_element("p")
                    .with_attributes([("eId", eid.as_str()), ("wId", paragraph.id.as_str())])
                    .write_text_content(BytesText::new(&x.text(&paragraph.text)))?;
            }
            Ok(())
        })?;
    }
    w.create_element("mainBody").write_inner_content(|w| {
        for section in &x.document.sections {
            main_section(w, x, section)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The FRBR Work, Expression and Manifestation of one language version.
fn identification(w: &mut XmlWriter, x: &Expression<'_>) -> io::Result<()> {
    let document = x.document;
    let adopted = document.adopted.as_str();
    let country = document.place.country.to_ascii_lowercase();
    w.create_element("FRBRWork").write_inner_content(|w| {
        value(w, "FRBRthis", &format!("{}/!main", x.work))?;
        value(w, "FRBRuri", &x.work)?;
        date(w, adopted, "adoption")?;
        author(w, &x.issuer)?;
        value(w, "FRBRcountry", &country)?;
        value(w, "FRBRsubtype", document.kind.as_str())?;
        value(w, "FRBRnumber", document.id.as_str())?;
        work_names(w, document)?;
        value(w, "FRBRprescriptive", "false")
    })?;
    w.create_element("FRBRExpression")
        .write_inner_content(|w| expression(w, x))?;
    let published = document.publication.published_at.as_str();
    let published = published.get(..10).unwrap_or(published);
    w.create_element("FRBRManifestation")
        .write_inner_content(|w| {
            value(w, "FRBRthis", &format!("{}/!main.xml", x.iri))?;
            value(w, "FRBRuri", &format!("{}.akn", x.iri))?;
            date(w, published, "publication")?;
            author(w, &x.publisher)?;
            value(w, "FRBRformat", "application/akn+xml")
        })?;
    Ok(())
}

/// The Work's `FRBRname` in every official language, the same in every
/// file: `<FRBRname value="…" xml:lang="…"/>`.
fn work_names(w: &mut XmlWriter, document: &Document) -> io::Result<()> {
    for language in &document.languages {
        if let Some(name) = document.title.get(language) {
            let tag = language.to_string();
            w.create_element("FRBRname")
                .with_attributes([("value", name), ("xml:lang", tag.as_str())])
                .write_empty()?;
        }
    }
    Ok(())
}

/// The `FRBRExpression`: the language version, and for a community
/// translation the official version it was made from.
fn expression(w: &mut XmlWriter, x: &Expression<'_>) -> io::Result<()> {
    value(w, "FRBRthis", &format!("{}/!main", x.iri))?;
    value(w, "FRBRuri", &x.iri)?;
    date(w, x.document.adopted.as_str(), "adoption")?;
    author(w, &x.author)?;
    let authoritative = if x.community.is_some() {
        "false"
    } else {
        "true"
    };
    value(w, "FRBRauthoritative", authoritative)?;
    w.create_element("FRBRlanguage")
        .with_attribute(("language", x.code))
        .write_empty()?;
    if let Some((original, from)) = &x.translation_of {
        w.create_element("FRBRtranslation")
            .with_attributes([
                ("href", original.as_str()),
                ("fromLanguage", *from),
                ("by", "#_translator_1"),
                ("authoritative", "false"),
            ])
            .write_empty()?;
    }
    Ok(())
}

/// The TLC entries: community translators, the publisher of the exports,
/// and the document's references.
fn references(w: &mut XmlWriter, x: &Expression<'_>) -> io::Result<()> {
    for (i, translator) in x
        .community
        .iter()
        .flat_map(|c| c.translators.iter())
        .enumerate()
    {
        let eid = format!("_translator_{}", i + 1);
        let href = format!("/akn/ontology/person/{}", eid.trim_start_matches('_'));
        w.create_element("TLCPerson")
            .with_attributes([
                ("eId", eid.as_str()),
                ("href", href.as_str()),
                ("showAs", translator.name.as_str()),
            ])
            .write_empty()?;
    }
    if let Some(catalog) = x.context.catalog {
        let publisher = catalog.iris().map_err(io::Error::other)?.publisher;
        let name = catalog
            .publisher
            .name
            .get(x.language)
            .or_else(|| catalog.publisher.name.iter().next().map(|(_, n)| n))
            // The catalog schema requires a name.
            .unwrap_or_default();
        w.create_element("TLCOrganization")
            .with_attributes([
                ("eId", PUBLISHER_EID),
                ("href", publisher.as_str()),
                ("showAs", name),
            ])
            .write_empty()?;
    }
    issuer_body(w, x)?;
    for reference in &x.document.references {
        tlc_reference(w, x.language, reference)?;
    }
    Ok(())
}

/// The author of an issuer that is not an organization: the body convened
/// as the issuing event, an organization with the event's name (see the
/// module comment). Its href is the organization with the event's slug.
fn issuer_body(w: &mut XmlWriter, x: &Expression<'_>) -> io::Result<()> {
    if x.issuer != format!("#{ISSUER_EID}") {
        return Ok(());
    }
    let href = format!("/akn/ontology/organization/{}", x.document.issuer);
    let name = x
        .document
        .reference(&x.document.issuer)
        .map(|r| shown_name(x.language, r))
        // `dangling-reference` makes the issuer one of the references.
        .unwrap_or_default();
    w.create_element("TLCOrganization")
        .with_attributes([
            ("eId", ISSUER_EID),
            ("href", href.as_str()),
            ("showAs", name),
        ])
        .write_empty()?;
    Ok(())
}

/// The TLC entry of one of the document's references.
fn tlc_reference(w: &mut XmlWriter, language: &Language, reference: &Reference) -> io::Result<()> {
    let (element, class) = match reference.kind {
        ReferenceKind::Organization => ("TLCOrganization", "organization"),
        ReferenceKind::Event => ("TLCEvent", "event"),
        ReferenceKind::Document => ("TLCReference", "reference"),
        ReferenceKind::Goal => ("TLCConcept", "concept"),
    };
    let href = format!("/akn/ontology/{class}/{}", reference.id);
    let name = shown_name(language, reference);
    let mut element = w.create_element(element).with_attributes([
        ("eId", reference.id.as_str()),
        ("href", href.as_str()),
        ("showAs", name),
    ]);
    if reference.kind == ReferenceKind::Document {
        element = element.with_attribute(("name", "document"));
    }
    element.write_empty()?;
    Ok(())
}

/// The name a TLC entry shows: the reference's name in the language, else
/// its first name.
fn shown_name<'r>(language: &Language, reference: &'r Reference) -> &'r str {
    reference
        .name
        .get(language)
        .or_else(|| reference.name.iter().next().map(|(_, n)| n))
        // The schema requires a name.
        .unwrap_or_default()
}

/// The preface: title, proponent and date. Its inline elements are written
/// on one line each: whitespace inside a `p` would be part of its text.
fn preface(w: &mut XmlWriter, x: &Expression<'_>) -> io::Result<()> {
    use quick_xml::escape::escape;
    let adopted = x.document.adopted.as_str();
    let title = x.text(&x.document.title);
    let lines = [
        (
            Some("title"),
            format!("<docTitle>{}</docTitle>", escape(&title)),
        ),
        (
            None,
            format!(
                "<docProponent refersTo=\"{}\">{}</docProponent>",
                escape(&x.issuer),
                escape(x.issuer_name())
            ),
        ),
        (
            None,
            format!("<docDate date=\"{adopted}\">{adopted}</docDate>"),
        ),
    ];
    for (class, inline) in lines {
        let mut p = w.create_element("p");
        if let Some(class) = class {
            p = p.with_attribute(("class", class));
        }
        p.write_text_content(BytesText::from_escaped(inline))?;
    }
    Ok(())
}

/// One numbered section of the main body, with its paragraphs.
fn main_section(w: &mut XmlWriter, x: &Expression<'_>, section: &Section) -> io::Result<()> {
    let num = format!(
        "{}{}",
        section_label(x.language, section.number),
        section_separator(x.language).trim_end()
    );
    let eid = format!("sec_{}", section.number);
    w.create_element("section")
        .with_attributes([("eId", eid.as_str()), ("wId", section.id.as_str())])
        .write_inner_content(|w| {
            text_element(w, "num", &num)?;
            text_element(w, "heading", &x.text(&section.heading))?;
            for (i, paragraph) in section.paragraphs.iter().enumerate() {
                let paragraph_eid = format!("{eid}__para_{}", i + 1);
                w.create_element("paragraph")
                    .with_attributes([
                        ("eId", paragraph_eid.as_str()),
                        ("wId", paragraph.id.as_str()),
                    ])
                    .write_inner_content(|w| {
                        w.create_element("content").write_inner_content(|w| {
                            text_element(w, "p", &x.text(&paragraph.text))
                        })?;
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
    Ok(())
}

/// `<name value="…"/>`.
fn value(w: &mut XmlWriter, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name)
        .with_attribute(("value", value))
        .write_empty()?;
    Ok(())
}

/// `<FRBRdate date="…" name="…"/>`.
fn date(w: &mut XmlWriter, date: &str, name: &str) -> io::Result<()> {
    w.create_element("FRBRdate")
        .with_attributes([("date", date), ("name", name)])
        .write_empty()?;
    Ok(())
}

/// `<FRBRauthor href="…"/>`.
fn author(w: &mut XmlWriter, href: &str) -> io::Result<()> {
    w.create_element("FRBRauthor")
        .with_attribute(("href", href))
        .write_empty()?;
    Ok(())
}
