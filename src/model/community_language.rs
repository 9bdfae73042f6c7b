//! Defines `CommunityLanguage`, a language a document's exports carry that
//! is not official: a contributed translation, with its status and credits.
//! It appears only in exports; data files keep translations apart, in
//! `translations/`.

use std::collections::BTreeMap;

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
    /// Only in a run, never in a file: how the translation renders the
    /// name of each reference (by reference id), for the translation
    /// memory. Renderings of a name since changed are left out.
    #[serde(skip)]
    #[schemars(skip)]
    pub names: BTreeMap<String, String>,
}

/// A community translation a run left out of the exports: the original of
/// some of its units changed since they were translated. Never read from
/// or written to a data file; the reading page names the stale units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WithheldTranslation {
    /// The translation as the exports would have credited it.
    pub translation: CommunityLanguage,
    /// The units whose original changed, in document order.
    pub stale_units: Vec<super::UnitId>,
}
