//! Rule `stale-source`: the `source` a unit was translated from is still
//! the document's current pivot text. When the original changes, the
//! translation must be revisited (gettext's "fuzzy"). An error once
//! reviewed, a warning in a draft.

use super::translation_support::{excerpt, unit_pointer};
use super::{TranslationRule, TranslationSubject};
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
        let pivots = &subject.pivots;
        for (id, unit) in &translation.units {
            let Some(current) = pivots.get(id) else {
                continue;
            };
            if unit.source == *current {
                continue;
            }
            let at = unit
                .source
                .chars()
                .zip(current.chars())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| unit.source.chars().count().min(current.chars().count()));
            // A reviewed translation is exported: its stale units are errors.
            let severity = if translation.status == TranslationStatus::Reviewed {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.push(Finding::new(
                severity,
                self.code(),
                unit_pointer(id, "source"),
                format!(
                    "the original has changed since this unit was translated: now «{}», was «{}»",
                    excerpt(current, at),
                    excerpt(&unit.source, at)
                ),
            )
            .at(crate::source::Target::Char(at))
            .hint("update the translation to the new original, then copy the new text into \"source\""));
        }
    }
}
