//! XLIFF 2.0 (OASIS) for translation tools such as `OmegaT`, Okapi and
//! Weblate: one `<file>` per translation, one `<unit id>` per text unit in
//! reading order, each with a `<segment>` holding the pivot `<source>` and,
//! once translated, the `<target>`. Import reads targets back by unit id.

use std::collections::BTreeMap;
use std::io;

use quick_xml::events::{BytesDecl, BytesText, Event};
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
    let mut targets = BTreeMap::new();
    let mut unit: Option<(String, usize)> = None;
    let mut in_target = false;
    let mut target = String::new();
    let mut seen_root = false;
    let line_of = |position: u64| {
        let position = usize::try_from(position)
            .unwrap_or(usize::MAX)
            .min(text.len());
        text.get(..position)
            .unwrap_or_default()
            .matches('\n')
            .count()
            + 1
    };
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|e| Error::Xml {
            line: line_of(reader.error_position()),
            message: e.to_string(),
        })?;
        let attribute = |start: &quick_xml::events::BytesStart<'_>, name: &str| {
            start
                .attributes()
                .flatten()
                .find(|a| a.key.as_ref() == name)
                .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
                .map(std::borrow::Cow::into_owned)
        };
        match event {
            Event::Start(start) | Event::Empty(start) => match start.local_name().as_ref() {
                "xliff" => {
                    seen_root = true;
                    if attribute(&start, "version").as_deref() != Some("2.0") {
                        return Err(Error::NotXliff("the root has no version=\"2.0\"".into()));
                    }
                    let language = attribute(&start, "trgLang").unwrap_or_default();
                    if language != translation.language.as_str() {
                        return Err(Error::Language {
                            expected: translation.language.to_string(),
                            found: language,
                        });
                    }
                }
                "unit" => {
                    let id = attribute(&start, "id").unwrap_or_default();
                    unit = Some((id, line_of(position)));
                }
                "target" => {
                    in_target = true;
                    target.clear();
                }
                _ => {}
            },
            Event::Text(text) if in_target => target.push_str(&text.xml10_content()),
            Event::GeneralRef(reference) if in_target => {
                let name = reference.into_inner();
                let resolved = quick_xml::escape::resolve_predefined_entity(&name)
                    .map(str::to_owned)
                    .or_else(|| {
                        let code = name.strip_prefix('#')?;
                        let value = match code.strip_prefix('x') {
                            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                            None => code.parse().ok()?,
                        };
                        char::from_u32(value).map(String::from)
                    })
                    .ok_or_else(|| {
                        Error::NotXliff(format!("unknown entity `&{name};` in a <target>"))
                    })?;
                target.push_str(&resolved);
            }
            Event::End(end) => match end.local_name().as_ref() {
                "target" => {
                    in_target = false;
                    if let Some((id, line)) = &unit {
                        targets.insert(id.clone(), (*line, std::mem::take(&mut target)));
                    }
                }
                "unit" => unit = None,
                _ => {}
            },
            Event::DocType(_) => {
                return Err(Error::NotXliff(
                    "a DOCTYPE is not allowed: XLIFF needs none, and its entities could expand without bound".into(),
                ));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(Error::NotXliff("there is no <xliff> element".into()));
    }
    Ok(targets)
}
