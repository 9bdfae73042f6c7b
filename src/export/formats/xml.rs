//! The XML export: `xml/<document-id>.xml`, the canonical model in this
//! project's namespaced vocabulary, defined by `schema/initiative.xsd`.
//! Localized text is a run of sibling elements, one per language, each with
//! `xml:lang`. Text XML 1.0 cannot carry never gets here: validation
//! refuses it first (rule `xml-character`).

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::document_file;
use crate::export::{Context, DocumentFormat, Error, FileInfo, FileMeta, Output, Scope};
use crate::model::{
    CommunityLanguage, Document, EditorialNote, LocalizedText, Paragraph, Reference, RelatedItem,
    Section,
};
use crate::schema::{XML_NAMESPACE, XSD_FILE};

/// Writes each document as XML.
pub(super) struct Xml;

impl DocumentFormat for Xml {
    fn name(&self) -> &'static str {
        "xml"
    }

    fn owns(&self) -> &'static [&'static str] {
        &["xml/"]
    }

    fn document(
        &self,
        context: &Context<'_>,
        document: &Document,
        _: &[FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let info = FileInfo::new(
            "xml",
            ("application/xml", "XML"),
            Scope::Document(document.id.to_string()),
            "The document in the canonical model, as XML.",
        )
        .conforming(&[&format!("{}schema/{XSD_FILE}", context.base_iri)]);
        document_file(document, "xml", "xml", info, |stem| {
            render(document).map_err(|source| Error::Xml {
                what: stem.to_owned(),
                source,
            })
        })
    }
}

pub(super) type XmlWriter = Writer<Vec<u8>>;

/// One document as an indented XML file ending in a newline.
fn render(document: &Document) -> io::Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("document")
        .with_attributes([
            ("xmlns", XML_NAMESPACE),
            ("id", document.id.as_str()),
            ("kind", document.kind.as_str()),
        ])
        .write_inner_content(|w| body(w, document))?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// The children of `<document>`, in the order the XSD gives them.
fn body(w: &mut XmlWriter, document: &Document) -> io::Result<()> {
    front(w, document)?;
    list(w, "preamble", &document.preamble, paragraph)?;
    list(w, "sections", &document.sections, section)?;
    list(w, "references", &document.references, reference)?;
    list(w, "related", &document.related, related_item)?;
    list(w, "editorial-notes", &document.editorial_notes, note)?;
    if document.community_languages.is_empty() {
        return Ok(());
    }
    list(
        w,
        "community-languages",
        &document.community_languages,
        community_language,
    )
}

/// What the document is: languages, title, adoption, place, issuer and
/// publication.
fn front(w: &mut XmlWriter, document: &Document) -> io::Result<()> {
    w.create_element("languages").write_inner_content(|w| {
        for language in &document.languages {
            text_element(w, "language", language.as_str())?;
        }
        Ok(())
    })?;
    localized(w, "title", &document.title)?;
    text_element(w, "adopted", document.adopted.as_str())?;
    w.create_element("place")
        .with_attribute(("country", document.place.country.as_str()))
        .write_inner_content(|w| localized(w, "name", &document.place.name))?;
    text_element(w, "issuer", document.issuer.as_str())?;
    let publication = &document.publication;
    w.create_element("publication").write_inner_content(|w| {
        text_element(w, "published-at", publication.published_at.as_str())?;
        localized(w, "channel", &publication.channel)?;
        localized(w, "headline", &publication.headline)
    })?;
    Ok(())
}

fn section(w: &mut XmlWriter, section: &Section) -> io::Result<()> {
    w.create_element("section")
        .with_attributes([
            ("id", section.id.as_str()),
            ("number", &section.number.to_string()),
        ])
        .write_inner_content(|w| {
            localized(w, "heading", &section.heading)?;
            section.paragraphs.iter().try_for_each(|p| paragraph(w, p))
        })?;
    Ok(())
}

fn reference(w: &mut XmlWriter, reference: &Reference) -> io::Result<()> {
    w.create_element("reference")
        .with_attributes([
            ("id", reference.id.as_str()),
            ("kind", reference.kind.as_str()),
        ])
        .write_inner_content(|w| {
            localized(w, "name", &reference.name)?;
            for unit in &reference.cited_by {
                text_element(w, "cited-by", unit.as_str())?;
            }
            Ok(())
        })?;
    Ok(())
}

fn related_item(w: &mut XmlWriter, item: &RelatedItem) -> io::Result<()> {
    w.create_element("item")
        .with_attribute(("id", item.id.as_str()))
        .write_inner_content(|w| localized(w, "title", &item.title))?;
    Ok(())
}

fn note(w: &mut XmlWriter, note: &EditorialNote) -> io::Result<()> {
    w.create_element("note")
        .with_attributes([
            ("unit", note.unit.as_str()),
            ("language", note.language.as_str()),
            ("correction", note.correction.as_str()),
        ])
        .write_inner_content(|w| {
            text_element(w, "captured", &note.captured)?;
            text_element(w, "corrected", &note.corrected)
        })?;
    Ok(())
}

fn community_language(w: &mut XmlWriter, community: &CommunityLanguage) -> io::Result<()> {
    w.create_element("community-language")
        .with_attributes([
            ("language", community.language.as_str()),
            ("pivot", community.pivot.as_str()),
            ("status", community.status.as_str()),
        ])
        .write_inner_content(|w| {
            for translator in &community.translators {
                let mut element = w.create_element("translator");
                if let Some(role) = &translator.role {
                    element = element.with_attribute(("role", role.as_str()));
                }
                element.write_text_content(BytesText::new(&translator.name))?;
            }
            Ok(())
        })?;
    Ok(())
}

/// `<name>text</name>`.
pub(super) fn text_element(w: &mut XmlWriter, name: &str, text: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(text))?;
    Ok(())
}

/// One `<name xml:lang="…">` element per language.
fn localized(w: &mut XmlWriter, name: &str, text: &LocalizedText) -> io::Result<()> {
    for (language, value) in text.iter() {
        w.create_element(name)
            .with_attribute(("xml:lang", language.as_str()))
            .write_text_content(BytesText::new(value))?;
    }
    Ok(())
}

/// `<name>` holding one element per item; an empty list is an empty element.
fn list<T>(
    w: &mut XmlWriter,
    name: &str,
    items: &[T],
    item: impl Fn(&mut XmlWriter, &T) -> io::Result<()>,
) -> io::Result<()> {
    if items.is_empty() {
        w.create_element(name).write_empty()?;
    } else {
        w.create_element(name)
            .write_inner_content(|w| items.iter().try_for_each(|i| item(w, i)))?;
    }
    Ok(())
}

fn paragraph(w: &mut XmlWriter, paragraph: &Paragraph) -> io::Result<()> {
    w.create_element("paragraph")
        .with_attribute(("id", paragraph.id.as_str()))
        .write_inner_content(|w| localized(w, "text", &paragraph.text))?;
    Ok(())
}
