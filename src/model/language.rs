//! Defines `Language`, a BCP 47 language tag as it appears in data.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// The subset of BCP 47 this project accepts: language, optional script,
/// optional region, optional variants (`zh-Hans`, `en`, `pt-BR`, `sr-Latn-RS`).
///
/// Extensions and private-use subtags are left out on purpose: no portal or
/// translation tool needs them for a document's language versions, and a
/// narrower pattern lets editors flag a typo as the translator types.
pub const LANGUAGE_PATTERN: &str =
    "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$";

/// The name under which the validator registers its BCP 47 registry check.
pub const LANGUAGE_FORMAT: &str = "bcp47";

/// A BCP 47 language tag in its canonical case (`zh-Hans`, `en`, `fr-CA`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Language(String);

impl Language {
    /// Wraps a tag without checking it; validation checks every tag in data.
    pub fn new(tag: impl Into<String>) -> Self {
        Self(tag.into())
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag (`zh` for `zh-Hans`).
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or_default()
    }

    /// The ISO 639-3 code of the primary language (`zho` for `zh-Hans`,
    /// `eng` for `en`), which Akoma Ntoso and the EU language authority
    /// table use. `None` for a subtag ISO 639-3 does not list (a language
    /// collection such as `sgn`).
    pub fn iso639_3(&self) -> Option<&'static str> {
        let primary = self.primary();
        match primary.len() {
            2 => isolang::Language::from_639_1(primary),
            3 => isolang::Language::from_639_3(primary),
            _ => None,
        }
        .map(|language| language.to_639_3())
    }

    /// Whether the tag is well-formed BCP 47 and every subtag is registered
    /// in the IANA Language Subtag Registry. Case is the pattern's business.
    pub fn is_registered(tag: &str) -> bool {
        language_tags::LanguageTag::parse(tag).is_ok_and(|parsed| parsed.is_valid())
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl JsonSchema for Language {
    fn schema_name() -> Cow<'static, str> {
        "Language".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": "Language tag",
            "description": "A BCP 47 language tag in canonical case, e.g. `zh-Hans` or `en`.",
            "type": "string",
            "pattern": LANGUAGE_PATTERN,
            "format": LANGUAGE_FORMAT,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_primary_subtags_to_iso_639_3() {
        let code = |tag: &str| Language::new(tag).iso639_3();
        assert_eq!(code("zh-Hans"), Some("zho"));
        assert_eq!(code("en"), Some("eng"));
        assert_eq!(code("fr-CA"), Some("fra"));
        assert_eq!(code("ar"), Some("ara"));
        assert_eq!(code("yue"), Some("yue"));
        assert_eq!(code("sgn"), None);
    }

    #[test]
    fn accepts_registered_tags() {
        for tag in ["zh-Hans", "en", "fr", "pt-BR", "es-419", "sr-Latn-RS", "ar"] {
            assert!(Language::is_registered(tag), "{tag}");
        }
    }

    #[test]
    fn rejects_malformed_or_unregistered_tags() {
        for tag in ["", "zh_Hans", "english", "xx-Zzzz-QQ", "en-", "xx"] {
            assert!(!Language::is_registered(tag), "{tag}");
        }
    }

    #[test]
    fn primary_subtag() {
        assert_eq!(Language::new("zh-Hans").primary(), "zh");
        assert_eq!(Language::new("en").primary(), "en");
    }
}
