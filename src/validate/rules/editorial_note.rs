//! Rule `editorial-note`: each recorded correction is really in the text,
//! so undoing it gives back the captured text.

use std::path::Path;

use super::DocumentRule;
use crate::model::Document;
use crate::validate::Finding;

/// Checks that the corrected passage occurs exactly once in its unit.
pub(super) struct EditorialNoteApplies;

impl DocumentRule for EditorialNoteApplies {
    fn code(&self) -> &'static str {
        "editorial-note"
    }

    fn summary(&self) -> &'static str {
        "each correction's `corrected` passage occurs exactly once in its unit, and differs from `captured`"
    }

    fn check(&self, document: &Document, _: &Path, out: &mut Vec<Finding>) {
        let units = document.text_units();
        for (i, note) in document.editorial_notes.iter().enumerate() {
            if note.captured == note.corrected {
                out.push(
                    Finding::error(self.code(), format!("/editorial_notes/{i}/corrected"), "the correction changes nothing")
                        .hint("`corrected` must differ from `captured`; remove the note if there is nothing to correct"),
                );
                continue;
            }
            let text = units
                .iter()
                .find(|(id, _)| *id == note.unit)
                .and_then(|(_, text)| text.get(&note.language));
            let Some(text) = text else {
                continue; // `dangling-reference` reports it.
            };
            let count = text.matches(note.corrected.as_str()).count();
            if count != 1 {
                out.push(
                    Finding::error(
                        self.code(),
                        format!("/editorial_notes/{i}/corrected"),
                        format!(
                            "`{}` occurs {count} times in {} ({}), not once",
                            note.corrected, note.unit, note.language
                        ),
                    )
                    .hint("quote enough of the corrected passage to find it exactly once in the unit's text"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::test_support::{document, run};

    #[test]
    fn accepts_an_applied_correction() {
        assert!(run(&EditorialNoteApplies, &document()).is_empty());
    }

    #[test]
    fn reports_a_correction_not_in_the_text() {
        let mut doc = document();
        doc.editorial_notes[0].corrected = "the Pact".into();
        let found = run(&EditorialNoteApplies, &doc);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "`the Pact` occurs 0 times in sec_2__para_1 (en), not once"
        );
    }
}
