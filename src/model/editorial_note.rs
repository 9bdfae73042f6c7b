//! Defines `EditorialNote`, the record of one correction to the captured text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Language, UnitId};

/// One correction made to the text as captured, so that anyone can undo it
/// and compare with the capture.
///
/// Replacing `corrected` with `captured` in the unit's text gives back the
/// captured text exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EditorialNote {
    /// The unit the correction applies to.
    pub unit: UnitId,
    /// The language version the correction applies to.
    pub language: Language,
    /// What kind of correction this is.
    pub correction: Correction,
    /// The passage as captured.
    #[schemars(length(min = 1))]
    pub captured: String,
    /// The passage as corrected; it occurs exactly once in the unit's text.
    #[schemars(length(min = 1))]
    pub corrected: String,
}

/// A kind of correction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Correction {
    /// Spaces the capture lost around text the original set in italics were
    /// restored.
    RestoredSpace,
}

impl Correction {
    /// The kind of correction as written in data (`restored-space`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RestoredSpace => "restored-space",
        }
    }
}
