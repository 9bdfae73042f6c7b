//! The translation memory: `tmx/<document-id>.tmx`, TMX 1.4b, for the
//! CAT tools translators use (`OmegaT`, Trados, `memoQ`, Weblate, Crowdin). One
//! translation unit per text unit, its `tuid` the unit id, holding the text
//! in every official language and in each reviewed community translation,
//! so a tool can take any of them as source; then one per reference the
//! text cites, its `tuid` `name.<reference-id>` as in XLIFF and PO, holding
//! the reference's name as the text gives it and as each reviewed
//! translation renders it. The header's `srclang` is
//! `*all*`: the official languages are equally authentic. A community
//! translation's variant says, in a `prop`, which language it was made
//! from. Drafts never reach a translation memory, even with
//! `--include-drafts`: a memory is reused without review.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::document_file;
use super::xml::XmlWriter;
use crate::export::{Context, DocumentFormat, Error, FileInfo, FileMeta, Output, Scope};
use crate::model::{Document, Language, LocalizedText, Reference, TranslationStatus};
use crate::translation::exchange;

/// The standard the file follows.
const TMX_STANDARD: &str = "https://www.gala-global.org/tmx-14b";

/// Writes each document's translation memory.
pub(super) struct Tmx;

impl DocumentFormat for Tmx {
    fn name(&self) -> &'static str {
        "tmx"
    }

    fn owns(&self) -> &'static [&'static str] {
        &["tmx/"]
    }

    fn document(
        &self,
        _: &Context<'_>,
        document: &Document,
        _: &[FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let info = FileInfo::new(
            "tmx",
            ("application/xml", "TMX"),
            Scope::Document(document.id.to_string()),
            "The document as a translation memory (TMX 1.4b): every text unit, and the name of every reference cited, in each official language and each reviewed community translation.",
        )
        .conforming(&[TMX_STANDARD]);
        document_file(document, "tmx", "tmx", info, |stem| {
            render(document).map_err(|source| Error::Xml {
                what: format!("{stem} as TMX"),
                source,
            })
        })
    }
}

/// The languages of the memory: the official ones in publication order,
/// then each reviewed community translation with the note its variants
/// carry.
fn languages(document: &Document) -> Vec<(&Language, Option<String>)> {
    let official = document.languages.iter().map(|l| (l, None));
    let community = document
        .community_languages
        .iter()
        .filter(|c| c.status == TranslationStatus::Reviewed)
        .map(|c| {
            let note = format!("community translation from {}, reviewed", c.pivot);
            (&c.language, Some(note))
        });
    official.chain(community).collect()
}

/// One document as an indented TMX file ending in a newline.
fn render(document: &Document) -> io::Result<Vec<u8>> {
    let languages = languages(document);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("tmx")
        .with_attribute(("version", "1.4"))
        .write_inner_content(|w| {
            header(w)?;
            w.create_element("body").write_inner_content(|w| {
                for (id, text) in document.text_units() {
                    unit(w, id.as_str(), text, &languages)?;
                }
                for reference in document
                    .references
                    .iter()
                    .filter(|r| !r.cited_by.is_empty())
                {
                    let id = exchange::name_id(reference.id.as_str());
                    unit(w, &id, &name(document, reference), &languages)?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// The name of `reference` in each language that gives it: the official
/// ones, and each community translation that renders it.
fn name(document: &Document, reference: &Reference) -> LocalizedText {
    let mut text = reference.name.clone();
    for community in &document.community_languages {
        if let Some(rendering) = community.names.get(reference.id.as_str()) {
            text.insert(community.language.clone(), rendering.clone());
        }
    }
    text
}

/// The `<header>`: what made the file, and how its segments are cut.
fn header(w: &mut XmlWriter) -> io::Result<()> {
    w.create_element("header")
        .with_attributes([
            ("creationtool", "initiative"),
            ("creationtoolversion", env!("CARGO_PKG_VERSION")),
            ("segtype", "paragraph"),
            ("o-tmf", "initiative"),
            ("adminlang", "en"),
            ("srclang", "*all*"),
            ("datatype", "plaintext"),
        ])
        .write_empty()?;
    Ok(())
}

/// One `<tu>`: the unit's text in each language that has it.
fn unit(
    w: &mut XmlWriter,
    id: &str,
    text: &LocalizedText,
    languages: &[(&Language, Option<String>)],
) -> io::Result<()> {
    w.create_element("tu")
        .with_attribute(("tuid", id))
        .write_inner_content(|w| {
            for (language, note) in languages {
                let Some(value) = text.get(language) else {
                    continue;
                };
                w.create_element("tuv")
                    .with_attribute(("xml:lang", language.as_str()))
                    .write_inner_content(|w| {
                        if let Some(note) = note {
                            w.create_element("prop")
                                .with_attribute(("type", "x-origin"))
                                .write_text_content(BytesText::new(note))?;
                        }
                        w.create_element("seg")
                            .write_text_content(BytesText::new(value))?;
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
    Ok(())
}
