//! Defines `RelatedItem`, an item the publication lists beside the document.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{LocalizedText, ReferenceId};

/// An item the publication page links to beside the document: known by its
/// title only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelatedItem {
    /// The item's stable id.
    pub id: ReferenceId,
    /// The item's title, in the languages the page gives it.
    pub title: LocalizedText,
}
