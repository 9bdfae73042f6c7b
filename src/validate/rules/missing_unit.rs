//! Rule `missing-unit`: a reviewed translation translates every unit; a
//! draft gets one warning saying how far it has got. A name the file
//! renders (`names`) counts as a unit.

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
        let missing = missing(subject);
        if missing.is_empty() {
            return;
        }
        if translation.status == TranslationStatus::Reviewed {
            for place in missing {
                out.push(
                    Finding::error(
                        self.code(),
                        place.pointer(),
                        format!(
                            "{place} is not translated, but the translation is marked reviewed"
                        ),
                    )
                    .at(place.target())
                    .hint("translate it, or set \"status\": \"draft\" until every unit is done"),
                );
            }
            return;
        }
        let total = subject.pivots.len() + named(subject).count();
        let done = total - missing.len();
        let percent = done * 100 / total.max(1);
        let first: Vec<String> = missing.iter().take(3).map(Place::id).collect();
        let more = if missing.len() > 3 { ", …" } else { "" };
        out.push(
            Finding::warning(
                self.code(),
                "/units",
                format!(
                    "{done} of {total} units translated ({percent}%); not yet: {}{more}",
                    first.join(", ")
                ),
            )
            .at(Target::Key)
            .hint("fill in each empty \"translation\"; `initiative translation status` shows progress"),
        );
    }
}

/// Something left to translate: a unit, absent or empty, or a name whose
/// rendering is empty.
enum Place<'a> {
    Unit { id: &'a str, present: bool },
    Name(&'a str),
}

impl Place<'_> {
    fn pointer(&self) -> String {
        match self {
            Self::Unit { id, present: true } => unit_pointer(id, "translation"),
            Self::Unit { present: false, .. } => "/units".to_owned(),
            Self::Name(id) => format!("/names/{id}/translation"),
        }
    }

    fn target(&self) -> Target {
        match self {
            Self::Unit { present: false, .. } => Target::Key,
            _ => Target::Value,
        }
    }

    fn id(&self) -> String {
        match self {
            Self::Unit { id, .. } => (*id).to_owned(),
            Self::Name(id) => format!("names/{id}"),
        }
    }
}

impl std::fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unit { id, .. } => write!(f, "unit `{id}`"),
            Self::Name(id) => write!(f, "the name of `{id}`"),
        }
    }
}

/// The names of the document's references the file renders (an absent
/// name is `cited-name`'s to judge, by the text).
fn named<'a>(subject: &'a TranslationSubject<'a>) -> impl Iterator<Item = (&'a str, &'a str)> {
    subject
        .translation
        .rendered_names(subject.document)
        .map(|(id, name)| (id, name.translation.as_str()))
}

/// The units and names not yet translated, units first, in reading order.
fn missing<'a>(subject: &'a TranslationSubject<'a>) -> Vec<Place<'a>> {
    let units = &subject.translation.units;
    let mut places: Vec<Place<'a>> = subject
        .pivots
        .keys()
        .filter(|id| units.get(*id).is_none_or(|u| u.translation.is_empty()))
        .map(|id| Place::Unit {
            id,
            present: units.contains_key(id),
        })
        .collect();
    places.extend(
        named(subject)
            .filter(|(_, rendering)| rendering.is_empty())
            .map(|(id, _)| Place::Name(id)),
    );
    places
}
