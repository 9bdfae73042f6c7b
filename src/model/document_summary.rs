//! Defines `DocumentSummary`: what the formats that describe every document
//! (DCAT, the index page, the Data Package and CSVW titles) and the catalog
//! rules know of one, without its texts. A streamed run keeps only this of
//! each document, so memory stays flat however large the corpus.

use std::collections::BTreeMap;

use super::{
    CommunityLanguage, Date, DateTime, Document, DocumentId, DocumentKind, Language, LocalizedText,
};

/// A document without its texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentSummary {
    /// The document's id.
    pub id: DocumentId,
    /// What kind of text it is.
    pub kind: DocumentKind,
    /// Its official languages, in order.
    pub languages: Vec<Language>,
    /// Its title, in the official languages and any merged translation.
    pub title: LocalizedText,
    /// When it was adopted.
    pub adopted: Date,
    /// When it was published.
    pub published_at: DateTime,
    /// The translations merged into it.
    pub community_languages: Vec<CommunityLanguage>,
    /// The country it was adopted in, ISO 3166-1 alpha-2 (`CN`).
    pub country: String,
}

impl DocumentSummary {
    /// The official languages, then the community ones.
    pub fn all_languages(&self) -> impl Iterator<Item = &Language> {
        self.languages
            .iter()
            .chain(self.community_languages.iter().map(|c| &c.language))
    }
}

impl From<&Document> for DocumentSummary {
    fn from(document: &Document) -> Self {
        Self {
            id: document.id.clone(),
            kind: document.kind,
            languages: document.languages.clone(),
            title: document.title.clone(),
            adopted: document.adopted.clone(),
            published_at: document.publication.published_at.clone(),
            // Without the renderings of cited names: only the document's
            // own translation memory needs them, and a run keeps a summary
            // of every document.
            community_languages: document
                .community_languages
                .iter()
                .map(|c| CommunityLanguage {
                    names: BTreeMap::new(),
                    ..c.clone()
                })
                .collect(),
            country: document.place.country.clone(),
        }
    }
}
