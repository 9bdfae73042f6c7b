//! Turns texts a person holds into a document of the model: Markdown, one
//! file per language in the layout of the Markdown rendition
//! ([`markdown`]), or a web page saved as text ([`capture`]), whose lost
//! spaces are restored ([`joins`]).
//!
//! The input gives the texts, ids, numbering and date. What it cannot say
//! (kind, place, issuer, publication, references, related items, editorial
//! notes) comes from flags, from the existing document with the same id,
//! or, failing both, from a placeholder; [`Imported`] says which was used
//! for each, so the command can tell the editor.

pub mod capture;
pub mod joins;
pub mod markdown;

use crate::model::{
    DateTime, Document, DocumentId, DocumentKind, EditorialNote, Language, LocalizedText, Place,
    Publication, Reference, ReferenceId, RelatedItem,
};
use crate::scaffold;

pub use markdown::{Input, MARKDOWN_ALIGNMENT, Texts, texts};

/// What flags say that the input cannot.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// The kind of document.
    pub kind: Option<DocumentKind>,
    /// Where it was adopted.
    pub place: Option<Place>,
    /// The id of the body that issued it.
    pub issuer: Option<ReferenceId>,
    /// The publisher's UTC offset (`+08:00`), for a local publication time.
    pub utc_offset: Option<String>,
    /// The ids of the related items, in the order the input lists them.
    pub related_ids: Vec<ReferenceId>,
}

/// A document made from an input, and where its other fields came from.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The document.
    pub document: Document,
    /// The fields kept from the existing document.
    pub kept: Vec<&'static str>,
    /// The fields given a placeholder, for the editor to fill in.
    pub placeholders: Vec<&'static str>,
}

/// Where each field not in the input comes from.
struct Sources<'a> {
    existing: Option<&'a Document>,
    kept: Vec<&'static str>,
    placeholders: Vec<&'static str>,
}

impl Sources<'_> {
    /// The flag's value, else the existing document's, else a placeholder.
    fn pick<T>(
        &mut self,
        name: &'static str,
        flag: Option<T>,
        existing: impl FnOnce(&Document) -> T,
        placeholder: impl FnOnce() -> T,
    ) -> T {
        if let Some(value) = flag {
            return value;
        }
        if let Some(document) = self.existing {
            self.kept.push(name);
            return existing(document);
        }
        self.placeholders.push(name);
        placeholder()
    }
}

/// The document `id` with `texts`, the other fields from `facts`, then
/// from `existing`, then placeholders.
pub fn assemble(
    id: DocumentId,
    texts: Texts,
    facts: &Facts,
    existing: Option<&Document>,
) -> Imported {
    let languages = texts.languages.clone();
    let mut sources = Sources {
        existing,
        kept: Vec::new(),
        placeholders: Vec::new(),
    };
    let kind = sources.pick("kind", facts.kind, |d| d.kind, || DocumentKind::Initiative);
    let place = sources.pick(
        "place",
        facts.place.clone(),
        |d| d.place.clone(),
        || scaffold::placeholder_place(&languages),
    );
    let issuer = sources.pick(
        "issuer",
        facts.issuer.clone(),
        |d| d.issuer.clone(),
        || ReferenceId::new("issuer"),
    );
    let publication = sources.pick(
        "publication",
        None,
        |d| d.publication.clone(),
        || scaffold::placeholder_publication(&texts.adopted, &languages),
    );
    let (references, related, editorial_notes) = lists(&mut sources, &issuer, &languages);
    let document = Document {
        schema: Some(scaffold::DOCUMENT_SCHEMA_REF.to_owned()),
        id,
        kind,
        languages,
        title: texts.title,
        adopted: texts.adopted,
        place,
        issuer,
        publication,
        preamble: texts.preamble,
        sections: texts.sections,
        references,
        related,
        editorial_notes,
        community_languages: Vec::new(),
        withheld_translations: Vec::new(),
    };
    Imported {
        document,
        kept: sources.kept,
        placeholders: sources.placeholders,
    }
}

/// The references (with the issuer among them), related items and
/// editorial notes: the existing document's, or none.
fn lists(
    sources: &mut Sources<'_>,
    issuer: &ReferenceId,
    languages: &[Language],
) -> (Vec<Reference>, Vec<RelatedItem>, Vec<EditorialNote>) {
    let before = sources.placeholders.len();
    let mut references = sources.pick("references", None, |d| d.references.clone(), Vec::new);
    let related = sources.pick("related", None, |d| d.related.clone(), Vec::new);
    let notes = sources.pick(
        "editorial_notes",
        None,
        |d| d.editorial_notes.clone(),
        Vec::new,
    );
    // An empty list needs no editor; only a placeholder text does.
    sources.placeholders.truncate(before);
    if !references.iter().any(|r| &r.id == issuer) {
        references.push(scaffold::placeholder_issuer(issuer.clone(), languages));
        sources.placeholders.push("the issuer's name in references");
    }
    (references, related, notes)
}

/// The document `id` from a web capture: [`assemble`], with the
/// publication, related items and editorial notes the page gives. The UTC
/// offset and the related items' ids come from `facts`, then from
/// `existing`, then a placeholder. The existing notes are kept when they
/// record the same joins.
pub fn assemble_capture(
    id: DocumentId,
    capture: capture::Capture,
    facts: &Facts,
    existing: Option<&Document>,
) -> Imported {
    let capture::Capture {
        texts,
        chrome,
        notes,
        ..
    } = capture;
    let mut imported = assemble(id, texts, facts, existing);
    imported
        .kept
        .retain(|k| !matches!(*k, "publication" | "related" | "editorial_notes"));
    imported.placeholders.retain(|k| *k != "publication");
    let mut sources = Sources {
        existing,
        kept: std::mem::take(&mut imported.kept),
        placeholders: std::mem::take(&mut imported.placeholders),
    };
    let offset = sources.pick(
        "the UTC offset",
        facts.utc_offset.clone(),
        |d| utc_offset(d.publication.published_at.as_str()).to_owned(),
        || "Z".to_owned(),
    );
    let document = &mut imported.document;
    document.publication = Publication {
        published_at: DateTime::new(format!("{}{offset}", chrome.published)),
        channel: chrome.channel,
        headline: chrome.headline,
    };
    document.related = related(&mut sources, chrome.related, &facts.related_ids);
    document.editorial_notes = match existing {
        Some(d) if same_joins(&d.editorial_notes, &notes) => {
            sources.kept.push("editorial_notes (the same corrections)");
            d.editorial_notes.clone()
        }
        _ => notes,
    };
    imported.kept = sources.kept;
    imported.placeholders = sources.placeholders;
    imported
}

/// The offset at the end of an RFC 3339 time (`+08:00`, `Z`).
fn utc_offset(time: &str) -> &str {
    let at = time
        .rfind(['+', '-', 'Z'])
        .filter(|&i| i > 10)
        .unwrap_or(time.len());
    // `at` is a character's position found by `rfind`, or the end.
    time.get(at..).unwrap_or_default()
}

/// The related items with `titles`: each id from `ids`, else from the
/// existing item with that title, else a placeholder.
fn related(
    sources: &mut Sources<'_>,
    titles: Vec<LocalizedText>,
    ids: &[ReferenceId],
) -> Vec<RelatedItem> {
    let mut kept = false;
    let mut placeholder = false;
    let items = titles
        .into_iter()
        .enumerate()
        .map(|(i, title)| {
            let existing = sources
                .existing
                .and_then(|d| d.related.iter().find(|r| r.title == title));
            let id = match (ids.get(i), existing) {
                (Some(id), _) => id.clone(),
                (None, Some(item)) => {
                    kept = true;
                    item.id.clone()
                }
                (None, None) => {
                    placeholder = true;
                    ReferenceId::new(format!("todo-related-{}", i + 1))
                }
            };
            RelatedItem { id, title }
        })
        .collect();
    if kept {
        sources.kept.push("the related items' ids");
    }
    if placeholder {
        sources
            .placeholders
            .push("the related items' ids (`todo-related-N`)");
    }
    items
}

/// Whether two lists of notes record the same joins, by the words joined.
fn same_joins(a: &[EditorialNote], b: &[EditorialNote]) -> bool {
    let words = |notes: &[EditorialNote]| {
        let mut all: Vec<_> = notes
            .iter()
            .flat_map(|n| {
                joins::joined_words(&n.captured, &n.corrected)
                    .into_iter()
                    .map(|w| (n.unit.clone(), n.language.clone(), w))
            })
            .collect();
        all.sort();
        all
    };
    !a.is_empty() && words(a) == words(b)
}

/// Reads `--place`: `NAME@LANG,…,COUNTRY` (`杭州@zh-Hans,Hangzhou@en,CN`).
pub fn parse_place(text: &str) -> Result<Place, String> {
    let (names, country) = text.rsplit_once(',').ok_or_else(|| {
        format!("`{text}` is not NAME@LANG,…,COUNTRY (`杭州@zh-Hans,Hangzhou@en,CN`)")
    })?;
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!(
            "`{country}` is not an ISO 3166-1 alpha-2 country code in upper case (`CN`)"
        ));
    }
    let mut name = LocalizedText::default();
    for part in names.split(',') {
        let (value, language) = part
            .rsplit_once('@')
            .filter(|(value, language)| !value.trim().is_empty() && !language.is_empty())
            .ok_or_else(|| format!("`{part}` is not NAME@LANG (`Hangzhou@en`)"))?;
        name.insert(Language::new(language), value.trim().to_owned());
    }
    Ok(Place {
        name,
        country: country.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_offset() {
        assert_eq!(utc_offset("2026-05-12T22:39:00+08:00"), "+08:00");
        assert_eq!(utc_offset("2026-05-12T22:39:00Z"), "Z");
        assert_eq!(utc_offset("2026-05-12T22:39:00-05:00"), "-05:00");
    }

    #[test]
    fn reads_a_place() {
        let place = parse_place("杭州@zh-Hans,Hangzhou@en,CN").unwrap();
        assert_eq!(place.country, "CN");
        assert_eq!(place.name.get(&Language::new("en")), Some("Hangzhou"));
        assert!(parse_place("Hangzhou,cn").is_err());
        assert!(parse_place("Hangzhou@en").is_err());
    }
}
