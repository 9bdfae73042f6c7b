//! Contributed translations beyond the model's validation: the template a
//! translator fills in, the canonical form a translation file is written
//! in, progress figures for `translation status`, XLIFF 2.0 for CAT
//! tools, and merging reviewed translations into documents for export.

pub mod exchange;
pub mod po;
pub mod xliff;

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value, json};

use crate::model::{
    CommunityLanguage, Document, Language, LocalizedText, Translation, TranslationStatus,
    TranslationUnit, UnitId,
};
use crate::schema::TRANSLATION_SCHEMA_FILE;

/// The `$schema` a translation file under `data/<id>/translations/` uses.
pub fn schema_reference() -> String {
    format!("../../../schema/{TRANSLATION_SCHEMA_FILE}")
}

/// The official language a translation of `document` starts from unless
/// told otherwise: English when it is official, else the first official
/// language.
pub fn default_pivot(document: &Document) -> Option<Language> {
    document
        .languages
        .iter()
        .find(|l| l.as_str() == "en")
        .or_else(|| document.languages.first())
        .cloned()
}

/// A ready-to-fill translation of `document` into `language` from
/// `pivot`: every unit in reading order with its source filled in and an
/// empty translation.
pub fn template(document: &Document, language: &Language, pivot: &Language) -> Translation {
    Translation {
        schema: Some(schema_reference()),
        document: document.id.clone(),
        language: language.clone(),
        pivot: pivot.clone(),
        status: TranslationStatus::Draft,
        translators: vec![crate::model::Translator {
            name: String::new(),
            role: Some("translation".into()),
        }],
        provenance: None,
        units: document
            .text_units()
            .into_iter()
            .filter_map(|(id, text)| {
                text.get(pivot).map(|source| {
                    (
                        id.as_str().to_owned(),
                        TranslationUnit {
                            source: source.to_owned(),
                            translation: String::new(),
                        },
                    )
                })
            })
            .collect(),
        names: Translation::cited_names(document, pivot)
            .map(|(id, name)| {
                let unit = TranslationUnit {
                    source: name.to_owned(),
                    translation: String::new(),
                };
                (id.to_owned(), unit)
            })
            .collect(),
    }
}

/// A translation file's canonical text: fields in a fixed order, units in
/// the document's reading order (ids the document lacks last), pretty
/// JSON with a final newline.
pub fn to_json(translation: &Translation, document: &Document) -> Vec<u8> {
    let mut map = Map::new();
    if let Some(schema) = &translation.schema {
        map.insert("$schema".into(), json!(schema));
    }
    map.insert("document".into(), json!(translation.document));
    map.insert("language".into(), json!(translation.language));
    map.insert("pivot".into(), json!(translation.pivot));
    map.insert("status".into(), json!(translation.status));
    map.insert("translators".into(), json!(translation.translators));
    if let Some(provenance) = &translation.provenance {
        map.insert("provenance".into(), json!(provenance));
    }
    // Each unit's place in reading order, looked up once per unit: a
    // search of the list per comparison made a 10⁵-unit file quadratic.
    let units = document.text_units();
    let order = units.iter().map(|(id, _)| id.as_str()).enumerate();
    map.insert("units".into(), in_order(&translation.units, order));
    if !translation.names.is_empty() {
        let order = document
            .references
            .iter()
            .map(|r| r.id.as_str())
            .enumerate();
        map.insert("names".into(), in_order(&translation.names, order));
    }
    // `Value`'s `Display` cannot fail: a `Value` holds nothing JSON cannot
    // write.
    format!("{:#}\n", Value::Object(map)).into_bytes()
}

/// `entries` (units or names) in the order `order` gives their ids, ids
/// it lacks last.
fn in_order<'a>(
    entries: &BTreeMap<String, TranslationUnit>,
    order: impl Iterator<Item = (usize, &'a str)>,
) -> Value {
    let order: HashMap<&str, usize> = order.map(|(place, id)| (id, place)).collect();
    let mut ids: Vec<&String> = entries.keys().collect();
    ids.sort_by_key(|id| (order.get(id.as_str()).copied().unwrap_or(usize::MAX), *id));
    let sorted: Map<String, Value> = ids
        .into_iter()
        .map(|id| (id.clone(), json!(entries.get(id))))
        .collect();
    Value::Object(sorted)
}

/// How far one translation has got.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    /// Units with a translation, names rendered among them.
    pub translated: usize,
    /// Units in the document (in the pivot language), and the names the
    /// file renders.
    pub total: usize,
    /// Translated units whose source is no longer the original.
    pub stale: usize,
}

/// The progress of `translation` against `document`.
pub fn progress(translation: &Translation, document: &Document) -> Progress {
    let pivots: Vec<(UnitId, &LocalizedText)> = document
        .text_units()
        .into_iter()
        .filter(|(_, text)| text.get(&translation.pivot).is_some())
        .collect();
    let translated = pivots
        .iter()
        .filter(|(id, _)| {
            translation
                .units
                .get(id.as_str())
                .is_some_and(|unit| !unit.translation.trim().is_empty())
        })
        .count();
    // A name the file renders counts as a unit.
    let names: Vec<&TranslationUnit> = translation
        .rendered_names(document)
        .map(|(_, n)| n)
        .collect();
    let rendered = names.iter().filter(|n| !n.translation.trim().is_empty());
    Progress {
        translated: translated + rendered.count(),
        total: pivots.len() + names.len(),
        stale: translation.stale_units(document).len(),
    }
}

/// How the exports credit `translation`: its language, pivot, status and
/// translators.
pub fn credit(translation: &Translation) -> CommunityLanguage {
    CommunityLanguage {
        language: translation.language.clone(),
        pivot: translation.pivot.clone(),
        status: translation.status,
        translators: translation.translators.clone(),
        names: std::collections::BTreeMap::new(),
    }
}

/// The renderings of `translation` for the names of `document`'s
/// references, by reference id: those whose source is still the
/// reference's name in the pivot language (a stale one would pair a new
/// name with the rendering of an old one).
fn rendered_names(
    translation: &Translation,
    document: &Document,
) -> std::collections::BTreeMap<String, String> {
    document
        .references
        .iter()
        .filter_map(|r| {
            let own = translation.names.get(r.id.as_str())?;
            let current = r.name.get(&translation.pivot)?;
            let fresh = !own.translation.is_empty() && own.source == current;
            fresh.then(|| (r.id.as_str().to_owned(), own.translation.clone()))
        })
        .collect()
}

/// `document` with the texts of `translations` (each for this document)
/// added as further languages, and each listed as a community language
/// with its renderings of the names (which only the translation memory
/// carries).
pub fn merge(document: Document, translations: &[&Translation]) -> Document {
    let mut merged = document;
    for translation in translations {
        let add = |id: &str, text: &mut LocalizedText| {
            if let Some(unit) = translation.units.get(id)
                && !unit.translation.is_empty()
            {
                text.insert(translation.language.clone(), unit.translation.clone());
            }
        };
        add("title", &mut merged.title);
        for paragraph in &mut merged.preamble {
            add(paragraph.id.as_str(), &mut paragraph.text);
        }
        for section in &mut merged.sections {
            add(
                crate::model::UnitId::section_heading(section.number).as_str(),
                &mut section.heading,
            );
            for paragraph in &mut section.paragraphs {
                add(paragraph.id.as_str(), &mut paragraph.text);
            }
        }
        let mut credited = credit(translation);
        credited.names = rendered_names(translation, &merged);
        merged.community_languages.push(credited);
    }
    merged
}
