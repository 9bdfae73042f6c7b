//! Rule `id-position`: every stored unit id is the one its position gives
//! (`preamble__para_2`, `sec_3`, `sec_3__para_1`), so ids stay stable and
//! predictable for every export and translation file.

use std::path::Path;

use super::DocumentRule;
use super::place::Place;
use crate::model::{Document, UnitId};
use crate::validate::Finding;

/// Checks each id against the one derived from its position.
pub(super) struct IdPosition;

impl IdPosition {
    fn compare(&self, actual: &UnitId, expected: &UnitId, pointer: Place, out: &mut Vec<Finding>) {
        if actual != expected {
            out.push(
                Finding::error(
                    self.code(),
                    pointer.to_string(),
                    format!("id `{actual}` does not match its position, which gives `{expected}`"),
                )
                .hint(format!(
                    "set the id to \"{expected}\": ids follow position (see README, \"Identifiers\")"
                )),
            );
        }
    }
}

impl DocumentRule for IdPosition {
    fn code(&self) -> &'static str {
        "id-position"
    }

    fn summary(&self) -> &'static str {
        "each unit id is the one its position gives (preamble__para_n, sec_s, sec_s__para_n)"
    }

    fn check(&self, document: &Document, _: &Path, out: &mut Vec<Finding>) {
        for (i, p) in document.preamble.iter().enumerate() {
            self.compare(
                &p.id,
                &UnitId::preamble_paragraph(i + 1),
                Place::Preamble(i, "id"),
                out,
            );
        }
        for (i, section) in document.sections.iter().enumerate() {
            self.compare(
                &section.id,
                &UnitId::section(section.number),
                Place::Section(i, "id"),
                out,
            );
            for (j, p) in section.paragraphs.iter().enumerate() {
                self.compare(
                    &p.id,
                    &UnitId::section_paragraph(section.number, j + 1),
                    Place::Paragraph(i, j, "id"),
                    out,
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
    fn accepts_positional_ids() {
        assert!(run(&IdPosition, &document()).is_empty());
    }

    #[test]
    fn reports_each_misplaced_id() {
        let mut doc = document();
        doc.sections[1].paragraphs[0].id = UnitId::new("sec_1__para_1");
        doc.preamble[0].id = UnitId::new("preamble__para_2");
        let pointers: Vec<String> = run(&IdPosition, &doc)
            .into_iter()
            .map(|f| f.pointer)
            .collect();
        assert_eq!(pointers, ["/preamble/0/id", "/sections/1/paragraphs/0/id"]);
    }
}
