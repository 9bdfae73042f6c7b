//! Rule `section-number`: sections are numbered 1, 2, 3 … in order, without
//! gaps or repeats.

use std::path::Path;

use super::DocumentRule;
use crate::model::Document;
use crate::validate::Finding;

/// Checks that section `i` (0-based) has number `i + 1`.
pub(super) struct SectionNumber;

impl DocumentRule for SectionNumber {
    fn code(&self) -> &'static str {
        "section-number"
    }

    fn summary(&self) -> &'static str {
        "sections are numbered 1..n in order, without gaps"
    }

    fn check(&self, document: &Document, _: &Path, out: &mut Vec<Finding>) {
        for (i, section) in document.sections.iter().enumerate() {
            let expected = i + 1;
            if section.number as usize != expected {
                out.push(
                    Finding::error(
                        self.code(),
                        format!("/sections/{i}/number"),
                        format!(
                            "section {} is number {expected} in order but is numbered {}",
                            section.id, section.number
                        ),
                    )
                    .hint(format!(
                        "number sections 1, 2, 3 … in order: set \"number\": {expected} (and renumber its ids)"
                    )),
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
    fn accepts_consecutive_numbers() {
        assert!(run(&SectionNumber, &document()).is_empty());
    }

    #[test]
    fn reports_a_gap() {
        let mut doc = document();
        doc.sections[1].number = 3;
        let found = run(&SectionNumber, &doc);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/sections/1/number");
    }
}
