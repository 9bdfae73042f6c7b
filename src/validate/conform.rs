//! Checks the schema's constraints that the model's types do not enforce
//! (patterns, formats, lengths, item counts, unique items, ranges) on a
//! document or translation the one-pass reader read.
//!
//! Reading into the model already enforces the rest of the schema: the
//! types, the required and the unknown members, the enums. What is left
//! is listed here, constraint by constraint, from the generated schema;
//! the patterns are the model's own constants, and the `date` and
//! `date-time` formats are decided by the same `jsonschema` code the full
//! validator runs. A `false` sends the file to the full validator, which
//! says what is wrong; `tests/one_pass.rs` proves the two agree.

use regex::Regex;
use serde_json::Value;

use super::Error;
use crate::model::{
    COUNTRY_PATTERN, CommunityLanguage, Document, LANGUAGE_PATTERN, Language, LocalizedText,
    SECTION_NUMBER_MAX, SLUG_MAX_LENGTH, SLUG_PATTERN, TEXT_UNIT_PATTERN, Translation, Translator,
    UNIT_ID_PATTERN,
};

/// The most items the schema allows in the preamble and in a section.
const PARAGRAPHS_MAX: usize = 999;

/// The most items the schema allows in a document's lists of references,
/// related items, editorial notes and citing units.
const LIST_MAX: usize = 10_000;

/// The compiled constraints, built once per validator.
pub(super) struct Conform {
    slug: Regex,
    unit_id: Regex,
    text_unit: Regex,
    language: Regex,
    country: Regex,
    date: jsonschema::Validator,
    date_time: jsonschema::Validator,
}

impl Conform {
    /// Compiles the patterns and the two date formats.
    pub(super) fn new() -> Result<Self, Error> {
        let regex = |pattern: &str| Regex::new(pattern).map_err(|e| Error::Schema(e.to_string()));
        let format = |name: &str| {
            jsonschema::options()
                .should_validate_formats(true)
                .build(&serde_json::json!({ "type": "string", "format": name }))
                .map_err(|e| Error::Schema(e.to_string()))
        };
        Ok(Self {
            slug: regex(SLUG_PATTERN)?,
            unit_id: regex(UNIT_ID_PATTERN)?,
            text_unit: regex(TEXT_UNIT_PATTERN)?,
            language: regex(LANGUAGE_PATTERN)?,
            country: regex(COUNTRY_PATTERN)?,
            date: format("date")?,
            date_time: format("date-time")?,
        })
    }

    /// Whether `document` meets every constraint of the document schema.
    pub(super) fn document(&self, document: &Document) -> bool {
        let mut tags = Tags::new(self);
        let d = document;
        self.slug_ok(d.id.as_str())
            && !d.languages.is_empty()
            && unique(d.languages.iter())
            && d.languages.iter().all(|l| tags.ok(l))
            && text_ok(&d.title, &mut tags)
            && self
                .date
                .is_valid(&Value::String(d.adopted.as_str().to_owned()))
            && text_ok(&d.place.name, &mut tags)
            && self.country.is_match(&d.place.country)
            && self.slug_ok(d.issuer.as_str())
            && self.date_time.is_valid(&Value::String(
                d.publication.published_at.as_str().to_owned(),
            ))
            && text_ok(&d.publication.channel, &mut tags)
            && text_ok(&d.publication.headline, &mut tags)
            && self.body_ok(d, &mut tags)
            && self.lists_ok(d, &mut tags)
    }

    /// The preamble and the sections.
    fn body_ok(&self, d: &Document, tags: &mut Tags<'_>) -> bool {
        let paragraphs_ok = |paragraphs: &[crate::model::Paragraph], tags: &mut Tags<'_>| {
            paragraphs.len() <= PARAGRAPHS_MAX
                && paragraphs
                    .iter()
                    .all(|p| self.unit_ok(p.id.as_str()) && text_ok(&p.text, tags))
        };
        paragraphs_ok(&d.preamble, tags)
            && (1..=PARAGRAPHS_MAX).contains(&d.sections.len())
            && d.sections.iter().all(|s| {
                self.unit_ok(s.id.as_str())
                    && (1..=SECTION_NUMBER_MAX).contains(&s.number)
                    && text_ok(&s.heading, tags)
                    && !s.paragraphs.is_empty()
                    && paragraphs_ok(&s.paragraphs, tags)
            })
    }

    /// References, related items, editorial notes and community languages.
    fn lists_ok(&self, d: &Document, tags: &mut Tags<'_>) -> bool {
        d.references.len() <= LIST_MAX
            && d.references.iter().all(|r| {
                self.slug_ok(r.id.as_str())
                    && text_ok(&r.name, tags)
                    && r.cited_by.len() <= LIST_MAX
                    && unique(r.cited_by.iter())
                    && r.cited_by.iter().all(|u| self.unit_ok(u.as_str()))
            })
            && d.related.len() <= LIST_MAX
            && d.related
                .iter()
                .all(|r| self.slug_ok(r.id.as_str()) && text_ok(&r.title, tags))
            && d.editorial_notes.len() <= LIST_MAX
            && d.editorial_notes.iter().all(|n| {
                self.unit_ok(n.unit.as_str())
                    && tags.ok(&n.language)
                    && !n.captured.is_empty()
                    && !n.corrected.is_empty()
            })
            && d.community_languages.iter().all(|c| community_ok(c, tags))
    }

    /// Whether `translation` meets every constraint of the translation
    /// schema.
    pub(super) fn translation(&self, translation: &Translation) -> bool {
        let mut tags = Tags::new(self);
        let t = translation;
        self.slug_ok(t.document.as_str())
            && tags.ok(&t.language)
            && tags.ok(&t.pivot)
            && !t.translators.is_empty()
            && t.translators.iter().all(translator_ok)
            && t.units.keys().all(|k| self.text_unit.is_match(k))
            && t.names.keys().all(|k| self.slug.is_match(k))
    }

    /// A document or reference id: a slug of at most 64 characters.
    fn slug_ok(&self, id: &str) -> bool {
        within_id_length(id) && self.slug.is_match(id)
    }

    /// A unit id: the naming convention's pattern, at most 64 characters.
    fn unit_ok(&self, id: &str) -> bool {
        within_id_length(id) && self.unit_id.is_match(id)
    }
}

/// A localized text: at least one language, each a registered tag, and no
/// empty text.
fn text_ok(text: &LocalizedText, tags: &mut Tags<'_>) -> bool {
    !text.is_empty() && text.iter().all(|(l, t)| !t.is_empty() && tags.ok(l))
}

/// A community language: its two tags registered, each translator named.
fn community_ok(c: &CommunityLanguage, tags: &mut Tags<'_>) -> bool {
    tags.ok(&c.language) && tags.ok(&c.pivot) && c.translators.iter().all(translator_ok)
}

/// A translator has a name.
fn translator_ok(t: &Translator) -> bool {
    !t.name.is_empty()
}

/// Whether an id is within the schema's `maxLength`, in characters.
fn within_id_length(id: &str) -> bool {
    id.chars().count() as u64 <= SLUG_MAX_LENGTH
}

/// Whether no two items are equal (`uniqueItems`).
fn unique<'a, T: Ord + 'a>(items: impl Iterator<Item = &'a T>) -> bool {
    let mut seen: Vec<&T> = items.collect();
    let count = seen.len();
    seen.sort_unstable();
    seen.dedup();
    seen.len() == count
}

/// The language tags one file uses, each checked once: a document names
/// its two or three languages thousands of times.
struct Tags<'a> {
    conform: &'a Conform,
    accepted: Vec<String>,
}

impl<'a> Tags<'a> {
    fn new(conform: &'a Conform) -> Self {
        Self {
            conform,
            accepted: Vec::new(),
        }
    }

    /// Whether `tag` matches the schema's pattern and its `bcp47` format.
    fn ok(&mut self, tag: &Language) -> bool {
        let tag = tag.as_str();
        if self.accepted.iter().any(|a| a == tag) {
            return true;
        }
        let ok = self.conform.language.is_match(tag) && Language::is_registered(tag);
        if ok {
            self.accepted.push(tag.to_owned());
        }
        ok
    }
}
