//! Defines `Publication`, the record of how the text was made public.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{DateTime, LocalizedText};

/// How and when the text was published, as the publication page states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// When the page was published, with the publisher's UTC offset.
    pub published_at: DateTime,
    /// The channel the page names as its source, in the languages it gives.
    pub channel: LocalizedText,
    /// The news headline the text was published under.
    pub headline: LocalizedText,
}
