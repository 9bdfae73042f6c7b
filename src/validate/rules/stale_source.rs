//! Rule `stale-source`: the `source` a unit was translated from is still
//! the document's current pivot text, and the `source` of each name the
//! reference's current name. When the original changes, the
//! translation must be revisited (gettext's "fuzzy").
//!
//! The rule judges by the run's purpose. For a translator
//! (`translation check`) a stale unit of a reviewed translation is an
//! error, of a draft a warning. For publishing (`validate`, `build`,
//! `export`) it is always a warning: a corrected official text is never
//! held back by its translations, and the exports leave a translation with
//! stale units out until it is updated.

use super::translation_support::{excerpt, unit_pointer};
use super::{Purpose, TranslationRule, TranslationSubject};
use crate::diagnostic::Severity;
use crate::model::TranslationStatus;
use crate::validate::Finding;

/// Compares each unit's `source` with the current pivot text.
pub(super) struct StaleSource;

impl TranslationRule for StaleSource {
    fn code(&self) -> &'static str {
        "stale-source"
    }

    fn summary(&self) -> &'static str {
        "each unit's `source` is still the current original text"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let translation = subject.translation;
        for (id, unit) in &translation.units {
            // The pointer is written only for a unit that has changed.
            if let Some(current) = subject.pivots.get(id).filter(|c| **c != unit.source) {
                let at = unit_pointer(id, "source");
                self.compare(subject, (at, Stale::Unit), current, &unit.source, out);
            }
        }
        let pivot = &translation.pivot;
        for reference in &subject.document.references {
            if let (Some(name), Some(current)) = (
                translation.names.get(reference.id.as_str()),
                reference.name.get(pivot),
            ) {
                let at = format!("/names/{}/source", reference.id.as_str());
                self.compare(subject, (at, Stale::Name), current, &name.source, out);
            }
        }
    }
}

impl StaleSource {
    /// Reports `was`, at `pointer` (of a unit or a name, as `what` says),
    /// when it is no longer `current`.
    fn compare(
        &self,
        subject: &TranslationSubject<'_>,
        (pointer, what): (String, Stale),
        current: &str,
        was: &str,
        out: &mut Vec<Finding>,
    ) {
        if was == current {
            return;
        }
        let at = was
            .chars()
            .zip(current.chars())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| was.chars().count().min(current.chars().count()));
        out.push(
            Finding::new(
                severity(subject),
                self.code(),
                pointer,
                format!(
                    "the original has changed since this {what} was translated: now «{}», was «{}»",
                    excerpt(current, at),
                    excerpt(was, at)
                ),
            )
            .at(crate::source::Target::Char(at))
            .hint(hint(subject.purpose, what)),
        );
    }
}

/// An error only where a translator fixes it: a reviewed translation,
/// checked with `translation check`.
fn severity(subject: &TranslationSubject<'_>) -> Severity {
    let reviewed = subject.translation.status == TranslationStatus::Reviewed;
    if reviewed && subject.purpose == Purpose::Translate {
        Severity::Error
    } else {
        Severity::Warning
    }
}

/// What has gone stale: a unit's original or a cited name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stale {
    Unit,
    Name,
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Unit => "unit",
            Self::Name => "name",
        })
    }
}

fn hint(purpose: Purpose, what: Stale) -> &'static str {
    match (purpose, what) {
        (Purpose::Translate, Stale::Name) => {
            "update the rendering to the new name, then copy the new name into \"source\""
        }
        (Purpose::Translate, _) => {
            "update the translation to the new original, then copy the new text into \"source\""
        }
        (Purpose::Publish, Stale::Name) => {
            "the translation memory leaves this rendering out until it is updated: update the rendering to the new name and copy the new name into \"source\""
        }
        (Purpose::Publish, _) => {
            "the exports leave this translation out until it is updated: update the translation to the new original and copy the new text into \"source\" (`initiative translation check` lists every stale unit)"
        }
    }
}
