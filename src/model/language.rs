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
        self.0
            .split_once('-')
            .map_or(self.as_str(), |(primary, _)| primary)
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

    /// Whether `tag` matches [`LANGUAGE_PATTERN`], checked with the schema
    /// validator, so there is one regex engine and one pattern.
    pub fn matches_pattern(tag: &str) -> bool {
        jsonschema::is_valid(
            &serde_json::json!({ "type": "string", "pattern": LANGUAGE_PATTERN }),
            &serde_json::json!(tag),
        )
    }

    /// Whether `tag` names a language version the tool takes: it matches
    /// the schema's pattern and format (see [`Language::matches_pattern`]
    /// and [`Language::is_registered`]), and its language has the ISO
    /// 639-3 code the exports name it by (see [`Language::iso639_3`]).
    pub fn is_usable(tag: &str) -> bool {
        Self::matches_pattern(tag)
            && Self::is_registered(tag)
            && Self::new(tag).iso639_3().is_some()
    }

    /// The tag to offer instead of `tag`, which was refused: `tag` with `_`
    /// read as `-`, in the registry's canonical form and BCP 47's case, if
    /// that is a different tag the tool takes (see [`Language::is_usable`]).
    /// `None` rather than a suggestion the tool would refuse in turn.
    pub fn suggestion(tag: &str) -> Option<Self> {
        let candidate = tag.replace('_', "-");
        let canonical = language_tags::LanguageTag::parse(&candidate)
            .ok()
            .and_then(|parsed| parsed.canonicalize().ok())
            .map_or(candidate, |parsed| parsed.to_string());
        Some(conventional_case(&canonical))
            .filter(|s| s != tag && Self::is_usable(s))
            .map(Self)
    }
}

/// `tag` in BCP 47's conventional case (RFC 5646, section 2.1.1): the
/// language subtag lower case, a script title case (`Hans`), a region upper
/// case (`CN`), and everything else lower case, including every subtag
/// after a singleton: extensions (`-u-ca-chinese`) and private use
/// (`-x-k0`), where `ca` is a key, not a region.
pub fn conventional_case(tag: &str) -> String {
    let mut after_singleton = false;
    let mut out = Vec::new();
    for (i, part) in tag.split('-').enumerate() {
        after_singleton |= part.len() == 1;
        let alphabetic = part.chars().all(|c| c.is_ascii_alphabetic());
        let cased = match part.len() {
            _ if i == 0 || after_singleton || !alphabetic => part.to_ascii_lowercase(),
            2 => part.to_ascii_uppercase(),
            4 => {
                let mut title = part.to_ascii_lowercase();
                if let Some(first) = title.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                title
            }
            _ => part.to_ascii_lowercase(),
        };
        out.push(cased);
    }
    out.join("-")
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
    fn conventional_case_of_tags() {
        // See: #13
        for (tag, cased) in [
            ("zh-hans", "zh-Hans"),
            ("EN-gb", "en-GB"),
            ("es-419", "es-419"),
            ("SR-latn-rs", "sr-Latn-RS"),
            ("zh-Hans-CN-u-ca-chinese", "zh-Hans-CN-u-ca-chinese"),
            ("ZH-HANS-CN-U-CA-CHINESE", "zh-Hans-CN-u-ca-chinese"),
            ("x-k0", "x-k0"),
            ("X-K0", "x-k0"),
            ("en-X-Abcd-US", "en-x-abcd-us"),
            ("de-CH-1996", "de-CH-1996"),
        ] {
            assert_eq!(conventional_case(tag), cased, "{tag}");
        }
    }

    #[test]
    fn suggestions_are_tags_the_tool_takes() {
        // See: #13
        let suggest = |tag: &str| Language::suggestion(tag).map(|l| l.0);
        assert_eq!(suggest("zh-hans").as_deref(), Some("zh-Hans"));
        assert_eq!(suggest("pt_br").as_deref(), Some("pt-BR"));
        assert_eq!(suggest("EN").as_deref(), Some("en"));
        assert_eq!(suggest("zh-cmn-Hans").as_deref(), Some("cmn-Hans"));
        // Well-formed and registered, but not a tag the tool takes: no
        // suggestion rather than one it refuses in turn.
        for tag in [
            "zh-Hans-CN-u-ca-chinese",
            "zh-hans-cn-u-ca-chinese",
            "x-k0",
            "X-K0",
            "en-x-k0",
            "QAA",
            "sgn",
            "english",
            "zh-Hans",
        ] {
            assert_eq!(suggest(tag), None, "{tag}");
        }
    }

    #[test]
    fn usable_tags_match_the_pattern_the_registry_and_iso_639_3() {
        assert!(Language::is_usable("zh-Hans"));
        assert!(Language::is_usable("ase"));
        for tag in ["zh-hans", "en-x-k0", "qaa", "sgn", "xx"] {
            assert!(!Language::is_usable(tag), "{tag}");
        }
    }

    #[test]
    fn primary_subtag() {
        assert_eq!(Language::new("zh-Hans").primary(), "zh");
        assert_eq!(Language::new("en").primary(), "en");
    }
}
