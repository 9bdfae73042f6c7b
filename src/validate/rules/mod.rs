//! Defines the rules a schema cannot express, one file per rule (the rules
//! that look for a set of characters share one table, `character_set`),
//! each with a stable code. Registering a rule is one line in
//! `DOCUMENT_RULES`, `TEXT_RULES`, `NUMBER_RULES`, `CATALOG_RULES` or
//! `TRANSLATION_RULES`.

pub mod across_translations;
mod catalog_dataset;
mod catalog_geometry;
mod catalog_iri;
mod catalog_licence;
mod catalog_placeholder;
mod catalog_recommended;
mod character_set;
mod cited_name;
mod dangling_reference;
mod document_location;
mod double_space;
mod duplicate_id;
mod editorial_note;
mod empty_translation;
mod end_punctuation;
mod id_position;
mod inconsistent_translation;
mod integer_form;
mod length_ratio;
mod marked;
mod missing_language;
mod missing_unit;
mod no_iso639_3;
mod not_nfc;
mod number_mismatch;
mod place;
mod reserved_name;
mod reused_translation;
mod script_mismatch;
mod section_number;
mod sentence_alignment;
mod sentence_count;
mod stale_source;
mod translation_language;
mod translation_location;
mod translation_support;
mod unchanged_translation;
mod unexpected_language;
mod unknown_unit;
mod untranslated_sentence;
mod whitespace;

use std::path::Path;

pub use document_location::DOCUMENT_FILE;
pub(crate) use integer_form::read_as_integers;
pub use no_iso639_3::{NO_ISO639_3_HINT, no_iso639_3_message};
pub use reserved_name::RESERVED_NAMES;
pub use translation_location::no_document;

use super::Finding;
use crate::model::{Catalog, Document, DocumentSummary, Translation};

/// A rule over a whole document that passed the schema.
pub trait DocumentRule: Sync {
    /// The stable code diagnostics carry.
    fn code(&self) -> &'static str;
    /// One line saying what the rule checks, for `initiative rules`.
    fn summary(&self) -> &'static str;
    /// Adds a finding for every violation in `document`, read from `path`.
    fn check(&self, document: &Document, path: &Path, out: &mut Vec<Finding>);
}

/// A rule over the catalog (`data/catalog.json`) that passed its schema,
/// seen with the documents it describes.
pub trait CatalogRule: Sync {
    /// The stable code diagnostics carry.
    fn code(&self) -> &'static str;
    /// One line saying what the rule checks, for `initiative rules`.
    fn summary(&self) -> &'static str;
    /// Adds a finding for every violation in `catalog`.
    fn check(&self, catalog: &Catalog, documents: &[DocumentSummary], out: &mut Vec<Finding>);
}

/// A rule over a translation file that passed its schema, seen with the
/// document it translates.
pub trait TranslationRule: Sync {
    /// The stable code diagnostics carry.
    fn code(&self) -> &'static str;
    /// One line saying what the rule checks, for `initiative rules`.
    fn summary(&self) -> &'static str;
    /// Adds a finding for every violation in the subject's translation.
    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>);
}

/// What every translation rule looks at, built once per translation: the
/// translation, its file, the document it translates, and the document's
/// current text of each unit in the translation's pivot language.
pub struct TranslationSubject<'a> {
    /// The translation.
    pub translation: &'a Translation,
    /// The document it translates.
    pub document: &'a Document,
    /// The translation file.
    pub path: &'a Path,
    /// The pivot-language text of every text unit, by unit id.
    pub pivots: std::collections::BTreeMap<String, &'a str>,
    /// The units the per-unit comparisons look at, in the file's order.
    compared: Vec<translation_support::Compared<'a>>,
    /// What the run is for: a rule may judge by it (see [`Purpose`]).
    pub purpose: Purpose,
}

/// What a validation run is for. A translation whose original has changed
/// blocks a translator's check, but never the publication of the official
/// text: the exports leave that translation out instead.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Purpose {
    /// `validate`, `build` and `export`: publishing the official texts.
    #[default]
    Publish,
    /// `translation check` and the other commands a translator runs.
    Translate,
}

impl<'a> TranslationSubject<'a> {
    /// The subject of `translation` of `document`, read from `path`.
    pub fn new(translation: &'a Translation, document: &'a Document, path: &'a Path) -> Self {
        let pivots = translation_support::pivot_texts(document, translation);
        Self {
            translation,
            document,
            path,
            compared: translation_support::compared(translation, &pivots),
            pivots,
            purpose: Purpose::Publish,
        }
    }

    /// Every translated unit whose id the document has, with its current
    /// pivot text: `(id, unit, pivot)`.
    pub(super) fn compared(
        &self,
    ) -> impl Iterator<Item = translation_support::Compared<'a>> + use<'_, 'a> {
        self.compared.iter().copied()
    }
}

/// A rule over every string in a file, whatever its place.
pub trait TextRule: Sync {
    /// The stable code diagnostics carry.
    fn code(&self) -> &'static str;
    /// One line saying what the rule checks, for `initiative rules`.
    fn summary(&self) -> &'static str;
    /// The first violation in `text`: its character index, message and hint.
    fn check(&self, text: &str) -> Option<TextViolation>;
    /// Whether the rule can fire on a text, given the one shared scan of
    /// it ([`TextScan`]); most rules are skipped on most texts.
    fn applies(&self, scan: &TextScan) -> bool {
        let _ = scan;
        true
    }
}

/// What one pass over a text tells every text rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextScan {
    /// The text holds a character some rule looks for: a control, an
    /// invisible format character (U+200B–U+206F, U+FEFF), a specials-block
    /// character (U+FFF0–U+FFFF, U+FFFD among them), or anything XML 1.0
    /// cannot carry.
    pub special: bool,
    /// Every character is one NFC leaves alone wherever it stands, so the
    /// text is NFC without a closer look.
    pub stable: bool,
}

impl TextScan {
    /// Scans `text` once: ASCII text in a vectorized pass; in other text
    /// an ASCII character costs one comparison, and any other character
    /// one bit looked up when nothing in it is to be looked for (a CJK
    /// ideograph, a Cyrillic or Arabic letter, an accented Latin one).
    pub fn of(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                special: text.bytes().any(|b| b < 0x20 || b == 0x7F),
                stable: true,
            };
        }
        let mut scan = Self {
            special: false,
            stable: true,
        };
        for c in text.chars() {
            if c.is_ascii() {
                scan.special |= c.is_ascii_control();
            } else if !quiet(c) {
                scan.special |= special(c);
                scan.stable &= not_nfc::stable_starter(c);
            }
        }
        scan
    }
}

/// One bit per code point of the Basic Multilingual Plane: whether it is
/// a stable starter and not special, so it tells the scan nothing.
static QUIET: [u64; 1024] = quiet_bits();

/// Builds [`QUIET`] from [`special`] and the stable starters.
// Evaluated when the crate is compiled: an index out of range or a
// truncated count would fail the build, never a run.
#[allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]
const fn quiet_bits() -> [u64; 1024] {
    let mut bits = [0u64; 1024];
    let mut code: u32 = 0;
    while code < 0x1_0000 {
        if let Some(c) = char::from_u32(code)
            && !special(c)
            && not_nfc::stable_starter(c)
        {
            bits[(code / 64) as usize] |= 1 << (code % 64);
        }
        code += 1;
    }
    bits
}

/// Whether `c` has its bit set in [`QUIET`].
fn quiet(c: char) -> bool {
    let code = u32::from(c);
    usize::try_from(code / 64)
        .ok()
        .and_then(|word| QUIET.get(word))
        .is_some_and(|word| word >> (code % 64) & 1 == 1)
}

/// A control (Unicode category Cc), an invisible format character
/// (U+200B–U+206F, U+FEFF) or a specials-block character.
const fn special(c: char) -> bool {
    matches!(
        c,
        '\0'..='\u{1F}'
            | '\u{7F}'..='\u{9F}'
            | '\u{200B}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF0}'..='\u{FFFF}'
    )
}

/// Where in a string a text rule found a problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextViolation {
    /// 0-based index of the offending character.
    pub index: usize,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub hint: String,
}

/// A rule over every number in a file, as the reader read it: whether it
/// was written as an integer is gone once the model has it.
pub trait NumberRule: Sync {
    /// The stable code diagnostics carry.
    fn code(&self) -> &'static str;
    /// One line saying what the rule checks, for `initiative rules`.
    fn summary(&self) -> &'static str;
    /// What is wrong with `number`, if anything.
    fn check(&self, number: &serde_json::Number) -> Option<NumberViolation>;
}

/// What a number rule found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberViolation {
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub hint: String,
}

/// Every document rule, in the order they run.
pub const DOCUMENT_RULES: &[&dyn DocumentRule] = &[
    &document_location::DocumentLocation,
    &reserved_name::ReservedName,
    &section_number::SectionNumber,
    &id_position::IdPosition,
    &duplicate_id::DuplicateId,
    &missing_language::MissingLanguage,
    &unexpected_language::UnexpectedLanguage,
    &no_iso639_3::NoIso639,
    &dangling_reference::DanglingReference,
    &editorial_note::EditorialNoteApplies,
];

/// Every catalog rule, in the order they run.
pub const CATALOG_RULES: &[&dyn CatalogRule] = &[
    &catalog_dataset::CatalogDataset,
    &catalog_iri::CatalogIri,
    &catalog_geometry::CatalogGeometry,
    &catalog_placeholder::CatalogPlaceholder,
    &catalog_licence::CatalogLicence,
    &catalog_recommended::CatalogRecommended,
];

/// Every translation rule, in the order they run.
pub const TRANSLATION_RULES: &[&dyn TranslationRule] = &[
    &translation_location::TranslationLocation,
    &translation_language::TranslationLanguage,
    &no_iso639_3::NoIso639,
    &unknown_unit::UnknownUnit,
    &missing_unit::MissingUnit,
    &empty_translation::EmptyTranslation,
    &stale_source::StaleSource,
    &unchanged_translation::UnchangedTranslation,
    &number_mismatch::NumberMismatch,
    &script_mismatch::ScriptMismatch,
    &length_ratio::LengthRatio,
    &end_punctuation::EndPunctuation,
    &sentence_count::SentenceCount,
    &cited_name::CitedName,
    &reused_translation::ReusedTranslation,
    &inconsistent_translation::InconsistentTranslation,
    &untranslated_sentence::UntranslatedSentence,
    &double_space::DoubleSpace,
];

/// Every text rule, in the order they run.
pub const TEXT_RULES: &[&dyn TextRule] = &[
    &character_set::CONTROL_CHARACTER,
    &character_set::XML_CHARACTER,
    &character_set::BIDI_CONTROL,
    &whitespace::Whitespace,
    &character_set::REPLACEMENT_CHARACTER,
    &character_set::ZERO_WIDTH,
    &not_nfc::NotNfc,
];

/// Every number rule, in the order they run.
pub const NUMBER_RULES: &[&dyn NumberRule] = &[&integer_form::IntegerForm];

/// `U+202E` for a character.
pub(crate) fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
pub(crate) mod test_support {
    //! A small valid document for rule tests.

    use crate::model::Document;

    /// A two-language document with one preamble paragraph and two sections.
    pub(crate) fn document() -> Document {
        let value = serde_json::json!({
            "id": "sample",
            "kind": "initiative",
            "languages": ["zh-Hans", "en"],
            "title": {"zh-Hans": "倡议", "en": "Initiative"},
            "adopted": "2026-05-12",
            "place": {"name": {"en": "Hangzhou"}, "country": "CN"},
            "issuer": "conference",
            "publication": {
                "published_at": "2026-05-12T22:39:00+08:00",
                "channel": {"zh-Hans": "微信"},
                "headline": {"zh-Hans": "标题"}
            },
            "preamble": [{"id": "preamble__para_1", "text": {"zh-Hans": "序言。", "en": "Preamble."}}],
            "sections": [
                {"id": "sec_1", "number": 1, "heading": {"zh-Hans": "一", "en": "One"},
                 "paragraphs": [{"id": "sec_1__para_1", "text": {"zh-Hans": "甲。", "en": "A."}}]},
                {"id": "sec_2", "number": 2, "heading": {"zh-Hans": "二", "en": "Two"},
                 "paragraphs": [{"id": "sec_2__para_1", "text": {"zh-Hans": "乙。", "en": "B the Compact."}}]}
            ],
            "references": [
                {"id": "conference", "kind": "event", "name": {"en": "Conference"}, "cited_by": ["preamble__para_1"]}
            ],
            "editorial_notes": [
                {"unit": "sec_2__para_1", "language": "en", "correction": "restored-space",
                 "captured": "theCompact", "corrected": "the Compact"}
            ]
        });
        serde_json::from_value(value).unwrap_or_else(|e| panic!("sample document: {e}"))
    }

    /// Runs a translation rule on a French translation of `document` whose
    /// units are translated as `units` says (`(unit id, translation)`).
    pub(crate) fn run_translation(
        rule: &dyn super::TranslationRule,
        document: &Document,
        units: &[(&str, &str)],
    ) -> Vec<super::Finding> {
        use crate::model::Language;
        let mut translation =
            crate::translation::template(document, &Language::new("fr"), &Language::new("en"));
        for (id, text) in units {
            if let Some(unit) = translation.units.get_mut(*id) {
                unit.translation = (*text).to_owned();
            }
        }
        let path = std::path::Path::new("sample/translations/fr.json");
        let subject = super::TranslationSubject::new(&translation, document, path);
        let mut out = Vec::new();
        rule.check(&subject, &mut out);
        out
    }

    /// Runs a document rule on `document`.
    pub(crate) fn run(rule: &dyn super::DocumentRule, document: &Document) -> Vec<super::Finding> {
        let mut out = Vec::new();
        rule.check(
            document,
            std::path::Path::new("sample/document.json"),
            &mut out,
        );
        out
    }
}

#[cfg(test)]
mod scan_tests {
    use super::*;

    #[test]
    fn special_is_a_control_a_format_character_or_a_special() {
        for c in '\0'..=char::MAX {
            let expected = c.is_control()
                || ('\u{200B}'..='\u{206F}').contains(&c)
                || c == '\u{FEFF}'
                || ('\u{FFF0}'..='\u{FFFF}').contains(&c);
            assert_eq!(special(c), expected, "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn the_scan_with_quiet_bits_equals_one_look_at_every_character() {
        let quiet: u32 = QUIET.iter().map(|w| w.count_ones()).sum();
        assert!(
            quiet > 20_000,
            "CJK, Cyrillic, Arabic and Latin letters are quiet"
        );
        for c in '\0'..=char::MAX {
            let text: String = ['é', c, 'x'].iter().collect();
            let expected = TextScan {
                special: special(c),
                stable: not_nfc::stable_starter(c),
            };
            assert_eq!(TextScan::of(&text), expected, "U+{:04X}", u32::from(c));
        }
    }
}
