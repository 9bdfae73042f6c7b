//! Defines `Place`, where a document was adopted.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::LocalizedText;

/// The pattern of a country code: ISO 3166-1 alpha-2, upper case. The JSON
/// Schema and the XSD both state it.
pub const COUNTRY_PATTERN: &str = "^[A-Z]{2}$";

/// A place: a city or venue and the country it is in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The place's name, in the languages the publication gives it.
    pub name: LocalizedText,
    /// The country, as an ISO 3166-1 alpha-2 code (`CN`).
    #[schemars(regex(pattern = COUNTRY_PATTERN))]
    pub country: String,
}
