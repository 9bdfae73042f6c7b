//! Defines the identifiers of documents, text units and references.
//!
//! Unit ids follow the Akoma Ntoso naming convention for `eId`s, so the same
//! key names a paragraph in CSV rows, XML, JSON-LD fragment IRIs, Akoma Ntoso
//! and translation files:
//!
//! | unit | id |
//! |---|---|
//! | the title | `title` |
//! | preamble paragraph *n* | `preamble__para_n` |
//! | section *s* | `sec_s` |
//! | heading of section *s* | `sec_s__heading` |
//! | paragraph *n* of section *s* | `sec_s__para_n` |

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// The pattern of a document id and of a reference id: a lowercase slug.
pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The pattern of a stored unit id.
pub const UNIT_ID_PATTERN: &str =
    "^(preamble__para_[1-9][0-9]*|sec_[1-9][0-9]*(__para_[1-9][0-9]*)?)$";

/// The longest slug accepted, so an id can always become a file name.
pub const SLUG_MAX_LENGTH: u64 = 64;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident, $title:literal, $description:literal, $pattern:expr, $max:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id without checking it; validation checks every id in data.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "title": $title,
                    "description": $description,
                    "type": "string",
                    "pattern": $pattern,
                    "maxLength": $max,
                })
            }
        }
    };
}

string_id!(
    /// The stable id of a document: a lowercase slug such as `hangzhou-initiative`.
    DocumentId,
    "Document id",
    "A stable lowercase slug (`hangzhou-initiative`); it names the data folder and every export file.",
    SLUG_PATTERN,
    SLUG_MAX_LENGTH
);

string_id!(
    /// The stable id of a referenced document, body or event.
    ReferenceId,
    "Reference id",
    "A stable lowercase slug naming a referenced document, body or event (`global-digital-compact`).",
    SLUG_PATTERN,
    SLUG_MAX_LENGTH
);

string_id!(
    /// The stable id of a text unit, after the Akoma Ntoso naming convention.
    UnitId,
    "Unit id",
    "The stable id of a paragraph or section, after the Akoma Ntoso naming convention (`preamble__para_1`, `sec_2`, `sec_2__para_1`).",
    UNIT_ID_PATTERN,
    SLUG_MAX_LENGTH
);

impl UnitId {
    /// The id of the document's title.
    pub fn title() -> Self {
        Self::new("title")
    }

    /// The id of preamble paragraph `n` (1-based).
    pub fn preamble_paragraph(n: usize) -> Self {
        Self(format!("preamble__para_{n}"))
    }

    /// The id of section `number`.
    pub fn section(number: u32) -> Self {
        Self(format!("sec_{number}"))
    }

    /// The id of the heading of section `number`.
    pub fn section_heading(number: u32) -> Self {
        Self(format!("sec_{number}__heading"))
    }

    /// The id of paragraph `n` (1-based) of section `number`.
    pub fn section_paragraph(number: u32, n: usize) -> Self {
        Self(format!("sec_{number}__para_{n}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_naming_convention() {
        assert_eq!(UnitId::preamble_paragraph(2).as_str(), "preamble__para_2");
        assert_eq!(UnitId::section(3).as_str(), "sec_3");
        assert_eq!(UnitId::section_heading(3).as_str(), "sec_3__heading");
        assert_eq!(UnitId::section_paragraph(3, 1).as_str(), "sec_3__para_1");
    }
}
