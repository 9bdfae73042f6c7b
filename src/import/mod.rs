//! Turns texts a person holds into a document of the model. Today the
//! source is Markdown, one file per language in the layout of the Markdown
//! rendition ([`markdown`]); a web capture is to come beside it.
//!
//! The input gives the texts, ids, numbering and date. What it cannot say
//! (kind, place, issuer, publication, references, related items, editorial
//! notes) comes from flags, from the existing document with the same id,
//! or, failing both, from a placeholder; [`Imported`] says which was used
//! for each, so the command can tell the editor.

pub mod markdown;

use crate::model::{
    Document, DocumentId, DocumentKind, EditorialNote, Language, LocalizedText, Place, Reference,
    ReferenceId, RelatedItem,
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
    fn reads_a_place() {
        let place = parse_place("杭州@zh-Hans,Hangzhou@en,CN").unwrap();
        assert_eq!(place.country, "CN");
        assert_eq!(place.name.get(&Language::new("en")), Some("Hangzhou"));
        assert!(parse_place("Hangzhou,cn").is_err());
        assert!(parse_place("Hangzhou@en").is_err());
    }
}
