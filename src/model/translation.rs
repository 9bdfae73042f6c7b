//! Defines `Translation`, a contributed translation of one document into a
//! language that is not official for it (`data/<id>/translations/<lang>.json`).
//! Each unit keeps the pivot text it was translated from beside the
//! translation, so a translation that has gone stale after the source
//! changed can be detected (as gettext's fuzzy flag and XLIFF's
//! source/target do).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Document, DocumentId, Language, SLUG_PATTERN, UnitId};

/// The pattern of a translatable unit id: the title, preamble paragraphs,
/// section headings and section paragraphs.
pub const TEXT_UNIT_PATTERN: &str =
    "^(title|preamble__para_[1-9][0-9]*|sec_[1-9][0-9]*__(heading|para_[1-9][0-9]*))$";

/// A contributed translation of one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The schema this file follows (`../../../schema/translation.schema.json`),
    /// so editors validate as the translator types.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The id of the document translated.
    pub document: DocumentId,
    /// The language translated into (BCP 47, e.g. `fr`, `es-419`).
    pub language: Language,
    /// The official language the translation was made from.
    #[serde(default = "default_pivot")]
    pub pivot: Language,
    /// `draft` while work is going on; `reviewed` once a second person has
    /// checked every unit.
    pub status: TranslationStatus,
    /// Who translated and who reviewed, as they wish to be credited.
    #[schemars(length(min = 1))]
    pub translators: Vec<Translator>,
    /// How the translation was made, in words (tools used, sources).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<String>,
    /// One entry per text unit id: the pivot text and its translation.
    #[schemars(extend("propertyNames" = { "pattern": TEXT_UNIT_PATTERN }))]
    #[serde(deserialize_with = "super::unique_map::deserialize")]
    pub units: BTreeMap<String, TranslationUnit>,
    /// How the translation renders each name the document cites, keyed by
    /// reference id, in the same shape as a unit: the name in the pivot
    /// language and its rendering. The translation check looks for the
    /// rendering where a translated unit cites the reference; an empty
    /// rendering counts as an untranslated unit.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique_map::deserialize"
    )]
    #[schemars(extend("propertyNames" = { "pattern": SLUG_PATTERN }))]
    pub names: BTreeMap<String, TranslationUnit>,
}

fn default_pivot() -> Language {
    Language::new("en")
}

/// How far a translation has got.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum TranslationStatus {
    /// Work in progress; not published in the exports unless asked for.
    Draft,
    /// Complete and checked by a second person; published in the exports.
    Reviewed,
}

impl TranslationStatus {
    /// The status as written in data.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Reviewed => "reviewed",
        }
    }
}

/// A person credited for a translation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Translator {
    /// The name to credit.
    #[schemars(length(min = 1))]
    pub name: String,
    /// What they did: `translation` or `review`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// One unit of a translation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationUnit {
    /// The pivot-language text this translation was made from, copied
    /// when the work started.
    pub source: String,
    /// The translation; empty while not yet translated.
    pub translation: String,
}

impl Translation {
    /// The names a translation of `document` from `pivot` renders: every
    /// reference some unit cites, with its name in the pivot language, in
    /// the document's order.
    pub fn cited_names<'a>(
        document: &'a Document,
        pivot: &'a Language,
    ) -> impl Iterator<Item = (&'a str, &'a str)> {
        document
            .references
            .iter()
            .filter(|r| !r.cited_by.is_empty())
            .filter_map(|r| r.name.get(pivot).map(|name| (r.id.as_str(), name)))
    }

    /// The units that have a translation.
    pub fn translated(&self) -> impl Iterator<Item = (&String, &TranslationUnit)> {
        self.units.iter().filter(|(_, u)| !u.translation.is_empty())
    }

    /// The names the file renders that are references of `document`, in
    /// the document's order: each counts as a unit.
    pub fn rendered_names<'a>(
        &'a self,
        document: &'a Document,
    ) -> impl Iterator<Item = (&'a str, &'a TranslationUnit)> {
        document
            .references
            .iter()
            .filter_map(|r| self.names.get_key_value(r.id.as_str()))
            .map(|(id, name)| (id.as_str(), name))
    }

    /// The ids of the translated units whose `source` is no longer the
    /// document's current text in the pivot language, in document order:
    /// the official text was corrected after they were translated.
    pub fn stale_units(&self, document: &Document) -> Vec<UnitId> {
        document
            .text_units()
            .into_iter()
            .filter(|(id, text)| {
                let current = text.get(&self.pivot);
                self.units.get(id.as_str()).is_some_and(|unit| {
                    !unit.translation.trim().is_empty() && current.is_some_and(|c| c != unit.source)
                })
            })
            .map(|(id, _)| id)
            .collect()
    }
}
