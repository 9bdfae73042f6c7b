//! Defines `Paragraph`, the smallest text unit that translations align on.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{LocalizedText, UnitId};

/// A paragraph: the unit the language versions align on (paragraph by
/// paragraph, not sentence by sentence).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// The paragraph's stable id: `preamble__para_n` or `sec_s__para_n`, from
    /// its position.
    pub id: UnitId,
    /// The paragraph's text in every official language.
    pub text: LocalizedText,
}
