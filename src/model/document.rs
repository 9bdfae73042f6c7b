//! Defines `Document`, the root of the model: one policy text with its
//! metadata, its parts and what it refers to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    CommunityLanguage, Date, DocumentId, EditorialNote, Language, LocalizedText, Paragraph, Place,
    Publication, Reference, ReferenceId, RelatedItem, SECTION_NUMBER_MAX, Section, UnitId,
    WithheldTranslation,
};

/// A policy text: an initiative, declaration or framework, in every official
/// language it was adopted in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The schema this file follows. Data files point at the committed schema
    /// (`../../schema/initiative.schema.json`) so editors validate as people
    /// type; exports point at the published one.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The stable id of the document; it must equal the name of its data folder.
    pub id: DocumentId,
    /// What kind of text this is.
    pub kind: DocumentKind,
    /// The official languages, in the order the publication gives them. Every
    /// text unit has a text in each of them.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub languages: Vec<Language>,
    /// The title, in every official language.
    pub title: LocalizedText,
    /// The date of adoption.
    pub adopted: Date,
    /// Where the document was adopted.
    pub place: Place,
    /// The body that issued the document: the id of an entry in `references`.
    pub issuer: ReferenceId,
    /// How and when the text was made public.
    pub publication: Publication,
    /// The paragraphs that come before the numbered sections, in order.
    #[schemars(length(max = 999))]
    pub preamble: Vec<Paragraph>,
    /// The numbered sections, in order.
    #[schemars(length(min = 1, max = SECTION_NUMBER_MAX))]
    pub sections: Vec<Section>,
    /// The documents, bodies and events the text names, with the units that
    /// cite each.
    #[schemars(length(max = 10000))]
    pub references: Vec<Reference>,
    /// Items the publication lists alongside the document.
    #[serde(default)]
    #[schemars(length(max = 10000))]
    pub related: Vec<RelatedItem>,
    /// Every correction made to the captured text, with the unit it applies to.
    #[serde(default)]
    #[schemars(length(max = 10000))]
    pub editorial_notes: Vec<EditorialNote>,
    /// Only in exports: the community translations whose texts the
    /// localized fields also carry, beside the official languages. Data
    /// files leave it out; translations live in `translations/`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub community_languages: Vec<CommunityLanguage>,
    /// Only in a run, never in a file: the community translations the run
    /// left out because their original changed since they were made.
    #[serde(skip)]
    #[schemars(skip)]
    pub withheld_translations: Vec<WithheldTranslation>,
}

/// What kind of policy text a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// A call on others to act, issued by a body or conference.
    Initiative,
    /// A formal statement of position or intent.
    Declaration,
    /// A structure of principles or guidance.
    Framework,
    /// A statement of principles adopted by a body.
    Statement,
    /// A plan of action.
    Plan,
}

impl DocumentKind {
    /// The kind as written in data (`initiative`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Initiative => "initiative",
            Self::Declaration => "declaration",
            Self::Framework => "framework",
            Self::Statement => "statement",
            Self::Plan => "plan",
        }
    }
}

impl Document {
    /// Every text unit in reading order: title, preamble paragraphs, then each
    /// section's heading and paragraphs. Headings and the title have derived
    /// ids (`title`, `sec_1__heading`), so they are returned owned.
    pub fn text_units(&self) -> Vec<(UnitId, &LocalizedText)> {
        let mut units = vec![(UnitId::title(), &self.title)];
        units.extend(self.preamble.iter().map(|p| (p.id.clone(), &p.text)));
        for section in &self.sections {
            units.push((UnitId::section_heading(section.number), &section.heading));
            units.extend(section.paragraphs.iter().map(|p| (p.id.clone(), &p.text)));
        }
        units
    }

    /// Every paragraph, preamble first, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.preamble
            .iter()
            .chain(self.sections.iter().flat_map(|s| s.paragraphs.iter()))
    }

    /// Every language the document's texts are in: the official ones in
    /// publication order, then the community translations.
    pub fn all_languages(&self) -> impl Iterator<Item = &Language> {
        self.languages
            .iter()
            .chain(self.community_languages.iter().map(|c| &c.language))
    }

    /// The community translation into `language`, if it is one.
    pub fn community(&self, language: &Language) -> Option<&CommunityLanguage> {
        self.community_languages
            .iter()
            .find(|c| &c.language == language)
    }

    /// The reference with this id.
    pub fn reference(&self, id: &ReferenceId) -> Option<&Reference> {
        self.references.iter().find(|r| &r.id == id)
    }
}
