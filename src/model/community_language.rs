//! Defines `CommunityLanguage`, a language a document's exports carry that
//! is not official: a contributed translation, with its status and credits.
//! It appears only in exports; data files keep translations apart, in
//! `translations/`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Language, TranslationStatus, Translator};

/// A community translation carried in an export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommunityLanguage {
    /// The language of the translation.
    pub language: Language,
    /// The official language it was translated from.
    pub pivot: Language,
    /// How far the translation had got when exported.
    pub status: TranslationStatus,
    /// Who translated and reviewed it.
    pub translators: Vec<Translator>,
}
