//! Defines `LocalizedText`, a text given in one or more languages.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use super::Language;

/// A text in one or more languages, keyed by BCP 47 tag.
///
/// Backed by a `BTreeMap` so that every serialization lists the languages in
/// the same (byte-wise) order, whatever order the data file used.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(
    #[serde(deserialize_with = "super::unique_map::deserialize")] BTreeMap<Language, String>,
);

impl LocalizedText {
    /// Builds a text from `(language, text)` pairs.
    pub fn from_pairs<L: Into<String>, T: Into<String>>(
        pairs: impl IntoIterator<Item = (L, T)>,
    ) -> Self {
        Self(
            pairs
                .into_iter()
                .map(|(l, t)| (Language::new(l), t.into()))
                .collect(),
        )
    }

    /// The text in `language`, if given.
    pub fn get(&self, language: &Language) -> Option<&str> {
        self.0.get(language).map(String::as_str)
    }

    /// Every `(language, text)` pair, in language-tag order.
    pub fn iter(&self) -> impl Iterator<Item = (&Language, &str)> {
        self.0.iter().map(|(l, t)| (l, t.as_str()))
    }

    /// The languages this text is given in.
    pub fn languages(&self) -> impl Iterator<Item = &Language> {
        self.0.keys()
    }

    /// Adds or replaces the text in `language`.
    pub fn insert(&mut self, language: Language, text: String) {
        self.0.insert(language, text);
    }

    /// Whether no language is given.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl JsonSchema for LocalizedText {
    fn schema_name() -> Cow<'static, str> {
        "LocalizedText".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let language = generator.subschema_for::<Language>();
        json_schema!({
            "title": "Localized text",
            "description": "A text keyed by BCP 47 language tag: `{\"zh-Hans\": \"…\", \"en\": \"…\"}`.",
            "type": "object",
            "minProperties": 1,
            "propertyNames": language,
            "additionalProperties": { "type": "string", "minLength": 1 },
        })
    }
}
