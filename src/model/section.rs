//! Defines `Section`, one numbered part of a document.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{LocalizedText, Paragraph, UnitId};

/// The highest section number, and so the most sections a document has:
/// numbers run from 1 without gaps. The JSON Schema and the XSD both state it.
pub const SECTION_NUMBER_MAX: u32 = 999;

/// A numbered section with its heading and paragraphs.
///
/// The number is an integer; each language's label (一, 二 in Chinese; I, II
/// in English) is derived from it, never typed by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's stable id, `sec_n`, from its number.
    pub id: UnitId,
    /// The section's number: 1 for the first, without gaps.
    #[schemars(range(min = 1, max = SECTION_NUMBER_MAX))]
    pub number: u32,
    /// The heading, in every official language, without its number label.
    pub heading: LocalizedText,
    /// The section's paragraphs, in order.
    #[schemars(length(min = 1, max = 999))]
    pub paragraphs: Vec<Paragraph>,
}
