//! Defines the canonical model of a policy initiative: the single source of
//! truth from which the JSON Schema and every export are derived.
//!
//! One file per entity. Every type and field carries a doc comment because
//! schemars turns them into the schema's titles and descriptions, which is
//! what translators see when their editor validates a data file.

mod catalog;
mod community_language;
mod date;
mod document;
mod document_summary;
mod editorial_note;
mod ids;
pub(crate) mod iri;
mod language;
mod localized_text;
mod numbering;
mod paragraph;
mod place;
mod publication;
mod reference;
mod related;
mod section;
mod translation;
pub(crate) mod unique_map;
mod wkt;

pub use catalog::{
    Agent, Availability, Catalog, CatalogIris, ContactPoint, DatasetMetadata, Geometry, IriField,
    LicenceType, PublisherType, Temporal, Theme,
};
pub use community_language::{CommunityLanguage, WithheldTranslation};
pub use date::{Date, DateTime};
pub use document::{Document, DocumentKind};
pub use document_summary::DocumentSummary;
pub use editorial_note::{Correction, EditorialNote};
pub use ids::{DocumentId, ReferenceId, SLUG_MAX_LENGTH, SLUG_PATTERN, UNIT_ID_PATTERN, UnitId};
pub use iri::{Iri, IriError, Problem as IriProblem, Schemes};
pub use language::{LANGUAGE_FORMAT, LANGUAGE_PATTERN, Language, conventional_case};
pub use localized_text::LocalizedText;
pub use numbering::{section_label, section_separator};
pub use paragraph::Paragraph;
pub use place::{COUNTRY_PATTERN, Place, country_alpha3};
pub use publication::Publication;
pub use reference::{Reference, ReferenceKind};
pub use related::RelatedItem;
pub use section::{SECTION_NUMBER_MAX, Section};
pub use translation::{
    TEXT_UNIT_PATTERN, Translation, TranslationStatus, TranslationUnit, Translator,
};
pub use wkt::{WktError, check_point, check_polygon};
