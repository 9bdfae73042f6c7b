//! Rule `inconsistent-translation` (warning): units whose originals are
//! the same text have the same translation, as Weblate's consistency check
//! asks. A heading repeated in the original reads the same in every place.

use std::collections::BTreeMap;

use super::translation_support::unit_pointer;
use super::{TranslationRule, TranslationSubject};
use crate::validate::Finding;

/// Finds one original translated in two ways.
pub(super) struct InconsistentTranslation;

impl TranslationRule for InconsistentTranslation {
    fn code(&self) -> &'static str {
        "inconsistent-translation"
    }

    fn summary(&self) -> &'static str {
        "warning: the same original has the same translation in every unit"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let mut first: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
        for (id, unit, pivot) in subject.compared() {
            let text = unit.translation.trim();
            match first.get(pivot) {
                Some((other, other_text)) if *other_text != text => {
                    let message =
                        format!("unit `{other}` has the same original but another translation");
                    out.push(
                        Finding::warning(self.code(), unit_pointer(id, "translation"), message)
                            .hint(format!("translate the same original the same way, or say why not in the translation of `{other}`")),
                    );
                }
                Some(_) => {}
                None => {
                    first.insert(pivot, (id, text));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LocalizedText;
    use crate::validate::rules::test_support::{document, run_translation};

    #[test]
    fn one_original_translated_two_ways_is_reported_at_the_second() {
        let mut doc = document();
        // Both headings read "One" in the original.
        let mut heading = LocalizedText::default();
        heading.insert(crate::model::Language::new("en"), "One".to_owned());
        if let Some(section) = doc.sections.get_mut(1) {
            section.heading = heading;
        }
        let found = run_translation(
            &InconsistentTranslation,
            &doc,
            &[("sec_1__heading", "Un"), ("sec_2__heading", "Premier")],
        );
        let pointers: Vec<&str> = found.iter().map(|f| f.pointer.as_str()).collect();
        assert_eq!(pointers, ["/units/sec_2__heading/translation"]);
        assert!(
            run_translation(
                &InconsistentTranslation,
                &doc,
                &[("sec_1__heading", "Un"), ("sec_2__heading", "Un")]
            )
            .is_empty()
        );
    }
}
