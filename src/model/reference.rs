//! Defines `Reference`, a document, body or event the text names.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{LocalizedText, ReferenceId, UnitId};

/// Something the text refers to, with the units that cite it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// The reference's stable id.
    pub id: ReferenceId,
    /// What the reference is.
    pub kind: ReferenceKind,
    /// The name as the text gives it, in the languages the text gives it.
    pub name: LocalizedText,
    /// The ids of the units that cite it, in reading order, each once.
    #[schemars(length(max = 10000), extend("uniqueItems" = true))]
    pub cited_by: Vec<UnitId>,
}

/// What a reference is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceKind {
    /// A document: an agreement, compact or framework.
    Document,
    /// An organization or alliance.
    Organization,
    /// A conference, summit or other event.
    Event,
    /// A goal or target, such as a Sustainable Development Goal.
    Goal,
}

impl ReferenceKind {
    /// The kind as written in data (`document`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Organization => "organization",
            Self::Event => "event",
            Self::Goal => "goal",
        }
    }
}
