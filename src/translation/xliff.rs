//! XLIFF 2.0 (OASIS) for translation tools such as `OmegaT`, Okapi and
//! Weblate: one `<file>` per translation, one `<unit id>` per text unit in
//! reading order, each with a `<segment>` holding the pivot `<source>` and,
//! once translated, the `<target>`. Import reads targets back by unit id.

use std::collections::BTreeMap;
use std::io;

use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

use crate::model::{Document, Translation, TranslationStatus};

/// The XLIFF 2.0 core namespace.
pub const XLIFF_NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// What can go wrong reading an XLIFF file back.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file is not well-formed XML.
    #[error("line {line}: not well-formed XML: {message}")]
    Xml {
        /// 1-based line of the problem.
        line: usize,
        /// What the parser said.
        message: String,
    },
    /// The file is not XLIFF 2.0.
    #[error("not an XLIFF 2.0 file: {0}")]
    NotXliff(String),
    /// The file translates into another language than the translation.
    #[error("the XLIFF translates into `{found}`, but the translation file is `{expected}`")]
    Language {
        /// The translation file's language.
        expected: String,
        /// The XLIFF's `trgLang`.
        found: String,
    },
    /// A unit id the document does not have.
    #[error("line {line}: unit `{id}` does not exist in the document; nothing was imported")]
    UnknownUnit {
        /// The unit id.
        id: String,
        /// 1-based line of the `<unit>`.
        line: usize,
    },
}

/// The XLIFF 2.0 file for `translation`: every unit of `document` in
/// reading order, with the translation as `<target>` where there is one.
pub fn export(translation: &Translation, document: &Document) -> io::Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("xliff")
        .with_attributes([
            ("xmlns", XLIFF_NAMESPACE),
            ("version", "2.0"),
            ("srcLang", translation.pivot.as_str()),
            ("trgLang", translation.language.as_str()),
        ])
        .write_inner_content(|w| {
            w.create_element("file")
                .with_attribute(("id", document.id.as_str()))
                .write_inner_content(|w| {
                    for (id, text) in document.text_units() {
                        let Some(source) = text.get(&translation.pivot) else {
                            continue;
                        };
                        let target = translation
                            .units
                            .get(id.as_str())
                            .map(|u| u.translation.as_str())
                            .filter(|t| !t.is_empty());
                        let state = match (target, translation.status) {
                            (None, _) => "initial",
                            (Some(_), TranslationStatus::Draft) => "translated",
                            (Some(_), TranslationStatus::Reviewed) => "reviewed",
                        };
                        w.create_element("unit")
                            .with_attribute(("id", id.as_str()))
                            .write_inner_content(|w| {
                                w.create_element("segment")
                                    .with_attribute(("state", state))
                                    .write_inner_content(|w| {
                                        w.create_element("source")
                                            .write_text_content(BytesText::new(source))?;
                                        if let Some(target) = target {
                                            w.create_element("target")
                                                .write_text_content(BytesText::new(target))?;
                                        }
                                        Ok(())
                                    })?;
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// `translation` with the targets of the XLIFF file `text` imported: each
/// unit's translation becomes its `<target>` (a unit with no target keeps
/// an empty translation), and nothing else changes. Refuses the whole file
/// if it names a unit the document does not have.
pub fn import(
    text: &str,
    translation: &Translation,
    document: &Document,
) -> Result<Translation, Error> {
    let targets = read_targets(text, translation)?;
    let known: Vec<String> = document
        .text_units()
        .into_iter()
        .map(|(id, _)| id.as_str().to_owned())
        .collect();
    if let Some((id, (line, _))) = targets.iter().find(|(id, _)| !known.contains(id)) {
        return Err(Error::UnknownUnit {
            id: id.clone(),
            line: *line,
        });
    }
    let mut imported = translation.clone();
    for (id, (_, target)) in targets {
        if let Some(unit) = imported.units.get_mut(&id) {
            unit.translation = target;
        } else if let Some((_, text)) = document
            .text_units()
            .into_iter()
            .find(|(u, _)| u.as_str() == id)
        {
            imported.units.insert(
                id,
                crate::model::TranslationUnit {
                    // A unit the pivot lacks (`missing-language` reports
                    // it) has no source to copy.
                    source: text.get(&translation.pivot).unwrap_or_default().to_owned(),
                    translation: target,
                },
            );
        }
    }
    Ok(imported)
}

/// Each unit id with the line of its `<unit>` and its target text.
fn read_targets(
    text: &str,
    translation: &Translation,
) -> Result<BTreeMap<String, (usize, String)>, Error> {
    let mut reader = Reader::from_str(text);
    let mut targets = Targets::default();
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|e| Error::Xml {
            line: line_of(text, reader.error_position()),
            message: e.to_string(),
        })?;
        match event {
            Event::Start(start) | Event::Empty(start) => {
                targets.start(&start, translation, || line_of(text, position))?;
            }
            Event::Text(content) if targets.in_target => {
                targets.target.push_str(&content.xml10_content());
            }
            Event::GeneralRef(reference) if targets.in_target => {
                targets
                    .target
                    .push_str(&resolve_entity(&reference.into_inner())?);
            }
            Event::End(end) => targets.end(end.local_name().as_ref()),
            Event::DocType(_) => {
                return Err(Error::NotXliff(
                    "a DOCTYPE is not allowed: XLIFF needs none, and its entities could expand without bound".into(),
                ));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !targets.seen_root {
        return Err(Error::NotXliff("there is no <xliff> element".into()));
    }
    Ok(targets.found)
}

/// What [`read_targets`] has read so far.
#[derive(Default)]
struct Targets {
    /// Each unit id with the line of its `<unit>` and its target text.
    found: BTreeMap<String, (usize, String)>,
    /// The `<unit>` being read: its id and line.
    unit: Option<(String, usize)>,
    /// Whether the reader is inside a `<target>`.
    in_target: bool,
    /// The text of that `<target>` so far.
    target: String,
    /// Whether the `<xliff>` root has been read.
    seen_root: bool,
}

impl Targets {
    /// Reads the start of an element: the root is checked against
    /// `translation`, a unit (whose 1-based line `line` finds, counted
    /// only for units) or target is entered.
    fn start(
        &mut self,
        start: &BytesStart<'_>,
        translation: &Translation,
        line: impl FnOnce() -> usize,
    ) -> Result<(), Error> {
        match start.local_name().as_ref() {
            "xliff" => {
                self.seen_root = true;
                if attribute(start, "version").as_deref() != Some("2.0") {
                    return Err(Error::NotXliff("the root has no version=\"2.0\"".into()));
                }
                // No `trgLang` is a language of its own, ``, reported as
                // the wrong one.
                let language = attribute(start, "trgLang").unwrap_or_default();
                if language != translation.language.as_str() {
                    return Err(Error::Language {
                        expected: translation.language.to_string(),
                        found: language,
                    });
                }
            }
            "unit" => {
                // A unit with no `id` is unit ``, which no document has:
                // the import refuses it as unknown.
                let id = attribute(start, "id").unwrap_or_default();
                self.unit = Some((id, line()));
            }
            "target" => {
                self.in_target = true;
                self.target.clear();
            }
            _ => {}
        }
        Ok(())
    }

    /// Reads the end of the element named `name`: a target is kept for its
    /// unit.
    fn end(&mut self, name: &str) {
        match name {
            "target" => {
                self.in_target = false;
                if let Some((id, line)) = &self.unit {
                    self.found
                        .insert(id.clone(), (*line, std::mem::take(&mut self.target)));
                }
            }
            "unit" => self.unit = None,
            _ => {}
        }
    }
}

/// The 1-based line of byte `position` of `text`.
fn line_of(text: &str, position: u64) -> usize {
    let position = usize::try_from(position).unwrap_or(usize::MAX);
    let newlines = text.bytes().take(position).filter(|&b| b == b'\n').count();
    newlines + 1
}

/// The value of attribute `name` of `start`, if it has one.
fn attribute(start: &BytesStart<'_>, name: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(std::borrow::Cow::into_owned)
}

/// The text of the entity reference `&name;` in a target: one of XML's
/// predefined entities or a character reference.
fn resolve_entity(name: &str) -> Result<String, Error> {
    quick_xml::escape::resolve_predefined_entity(name)
        .map(str::to_owned)
        .or_else(|| {
            let code = name.strip_prefix('#')?;
            let value = match code.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(value).map(String::from)
        })
        .ok_or_else(|| Error::NotXliff(format!("unknown entity `&{name};` in a <target>")))
}
