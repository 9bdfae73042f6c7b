//! Rule `missing-unit`: a reviewed translation translates every unit; a
//! draft gets one warning saying how far it has got.

use super::translation_support::unit_pointer;
use super::{TranslationRule, TranslationSubject};
use crate::model::TranslationStatus;
use crate::source::Target;
use crate::validate::Finding;

/// Finds units with no translation yet.
pub(super) struct MissingUnit;

impl TranslationRule for MissingUnit {
    fn code(&self) -> &'static str {
        "missing-unit"
    }

    fn summary(&self) -> &'static str {
        "every unit is translated (an error once reviewed, a coverage warning in a draft)"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let translation = subject.translation;
        let pivots = &subject.pivots;
        let missing: Vec<&String> = pivots
            .keys()
            .filter(|id| {
                translation
                    .units
                    .get(*id)
                    .is_none_or(|u| u.translation.is_empty())
            })
            .collect();
        if missing.is_empty() {
            return;
        }
        let pointer = |id: &str| {
            if translation.units.contains_key(id) {
                (unit_pointer(id, "translation"), Target::Value)
            } else {
                ("/units".to_owned(), Target::Key)
            }
        };
        if translation.status == TranslationStatus::Reviewed {
            for id in missing {
                let (at, target) = pointer(id);
                out.push(
                    Finding::error(
                        self.code(),
                        at,
                        format!(
                            "unit `{id}` is not translated, but the translation is marked reviewed"
                        ),
                    )
                    .at(target)
                    .hint("translate it, or set \"status\": \"draft\" until every unit is done"),
                );
            }
            return;
        }
        let done = pivots.len() - missing.len();
        let percent = done * 100 / pivots.len().max(1);
        let first: Vec<&str> = missing.iter().take(3).map(|s| s.as_str()).collect();
        let more = if missing.len() > 3 { ", …" } else { "" };
        out.push(
            Finding::warning(
                self.code(),
                "/units",
                format!(
                    "{done} of {} units translated ({percent}%); not yet: {}{more}",
                    pivots.len(),
                    first.join(", ")
                ),
            )
            .at(Target::Key)
            .hint("fill in each empty \"translation\"; `initiative translation status` shows progress"),
        );
    }
}
