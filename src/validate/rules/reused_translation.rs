//! Rule `reused-translation` (warning): one translation serves two units
//! whose originals differ. A paragraph's translation pasted into another
//! unit, or into the wrong one, shows this way.

use std::collections::BTreeMap;

use super::translation_support::unit_pointer;
use super::{TranslationRule, TranslationSubject};
use crate::validate::Finding;

/// Finds translations used for more than one original.
pub(super) struct ReusedTranslation;

impl TranslationRule for ReusedTranslation {
    fn code(&self) -> &'static str {
        "reused-translation"
    }

    fn summary(&self) -> &'static str {
        "warning: a translation is not used again for a unit whose original differs"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let mut first: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
        for (id, unit, pivot) in subject.compared() {
            let text = unit.translation.trim();
            match first.get(text) {
                Some((other, other_pivot)) if *other_pivot != pivot => {
                    let message = format!(
                        "the same translation as unit `{other}`, whose original is different"
                    );
                    out.push(
                        Finding::warning(self.code(), unit_pointer(id, "translation"), message)
                            .hint("give each unit the translation of its own original: was a translation pasted twice?"),
                    );
                }
                Some(_) => {}
                None => {
                    first.insert(text, (id, pivot));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::test_support::{document, run_translation};

    #[test]
    fn one_translation_for_two_originals_is_reported_at_the_second() {
        let doc = document();
        let found = run_translation(
            &ReusedTranslation,
            &doc,
            &[("sec_1__heading", "Un"), ("sec_2__heading", "Un")],
        );
        let pointers: Vec<&str> = found.iter().map(|f| f.pointer.as_str()).collect();
        assert_eq!(pointers, ["/units/sec_2__heading/translation"]);
        assert!(
            run_translation(
                &ReusedTranslation,
                &doc,
                &[("sec_1__heading", "Un"), ("sec_2__heading", "Deux")]
            )
            .is_empty()
        );
    }
}
