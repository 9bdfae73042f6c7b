//! Rule `no-iso639-3`: every language version, official or translated, is
//! in a language with an ISO 639-3 code, which the Akoma Ntoso and DCAT-AP
//! exports name it by.
//!
//! The IANA registry, and so the schema, takes tags ISO 639-3 has no code
//! for: collections such as `sgn` (sign languages) or `sla` (Slavic
//! languages), the private-use range `qaa`–`qtz`, and a few deprecated
//! subtags (`iw`, `in`). Such a language passed `validate`, then stopped
//! `build` with no location; it is refused here instead, at its tag.

use std::path::Path;

use super::{DocumentRule, TranslationRule, TranslationSubject};
use crate::model::{Document, Language};
use crate::validate::Finding;

/// Finds languages without an ISO 639-3 code.
pub(super) struct NoIso639;

/// What is wrong with `language`, as the rule and `translation template`
/// say it.
pub fn no_iso639_3_message(language: &str) -> String {
    format!(
        "`{language}` has no ISO 639-3 code, which the Akoma Ntoso and DCAT-AP exports name each language version by"
    )
}

/// What to do about it.
pub const NO_ISO639_3_HINT: &str = "use the tag of one language, e.g. `ase` (American Sign Language) rather than the collection `sgn`; a private-use tag (`qaa`–`qtz`) cannot be published";

/// Whether `language` is a tag the schema takes but the exports cannot
/// name. A tag the schema refuses (`sw_KE`) has its own diagnostic there.
fn lacks_code(language: &Language) -> bool {
    language.iso639_3().is_none()
        && Language::is_registered(language.as_str())
        && Language::matches_pattern(language.as_str())
}

/// The finding for `language`, the value at `pointer`.
fn finding(language: &Language, pointer: String) -> Finding {
    Finding::error(
        "no-iso639-3",
        pointer,
        no_iso639_3_message(language.as_str()),
    )
    .hint(NO_ISO639_3_HINT)
}

impl DocumentRule for NoIso639 {
    fn code(&self) -> &'static str {
        "no-iso639-3"
    }

    fn summary(&self) -> &'static str {
        "every language, official or translated, has the ISO 639-3 code the exports name it by"
    }

    fn check(&self, document: &Document, _: &Path, out: &mut Vec<Finding>) {
        for (i, language) in document.languages.iter().enumerate() {
            if lacks_code(language) {
                out.push(finding(language, format!("/languages/{i}")));
            }
        }
    }
}

impl TranslationRule for NoIso639 {
    fn code(&self) -> &'static str {
        DocumentRule::code(self)
    }

    fn summary(&self) -> &'static str {
        DocumentRule::summary(self)
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let language = &subject.translation.language;
        if lacks_code(language) {
            out.push(finding(language, "/language".into()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::test_support::{document, run};

    #[test]
    fn finds_official_languages_without_a_code() {
        // See: #13
        let mut doc = document();
        assert!(run(&NoIso639, &doc).is_empty());
        doc.languages.push(Language::new("sgn"));
        let found: Vec<String> = run(&NoIso639, &doc)
            .into_iter()
            .map(|f| f.pointer)
            .collect();
        assert_eq!(found, ["/languages/2"]);
    }

    #[test]
    fn finds_a_translation_without_a_code() {
        // See: #13
        let doc = document();
        let check = |tag: &str| {
            let translation =
                crate::translation::template(&doc, &Language::new(tag), &Language::new("en"));
            let path = Path::new("sample/translations/x.json");
            let subject = TranslationSubject::new(&translation, &doc, path);
            let mut out = Vec::new();
            TranslationRule::check(&NoIso639, &subject, &mut out);
            out.into_iter().map(|f| f.pointer).collect::<Vec<_>>()
        };
        for tag in ["qaa", "qtz", "sgn", "iw"] {
            assert_eq!(check(tag), ["/language"], "{tag}");
        }
        for tag in ["fr", "ase", "yue", "es-419", "sw_KE", "QAA"] {
            assert!(check(tag).is_empty(), "{tag}");
        }
    }
}
