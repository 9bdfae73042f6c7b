//! Rule `duplicate-id`: no two units, and no two references or related
//! items, share an id.

use std::collections::HashMap;
use std::path::Path;

use super::DocumentRule;
use super::place::Place;
use crate::model::Document;
use crate::validate::Finding;

/// Reports every repeat of an id after its first use.
pub(super) struct DuplicateId;

impl DocumentRule for DuplicateId {
    fn code(&self) -> &'static str {
        "duplicate-id"
    }

    fn summary(&self) -> &'static str {
        "unit ids are unique, and reference and related-item ids are unique"
    }

    fn check(&self, document: &Document, _: &Path, out: &mut Vec<Finding>) {
        let mut units: Vec<(Place, &str)> = Vec::new();
        for (i, p) in document.preamble.iter().enumerate() {
            units.push((Place::Preamble(i, "id"), p.id.as_str()));
        }
        for (i, s) in document.sections.iter().enumerate() {
            units.push((Place::Section(i, "id"), s.id.as_str()));
            for (j, p) in s.paragraphs.iter().enumerate() {
                units.push((Place::Paragraph(i, j, "id"), p.id.as_str()));
            }
        }
        let mut items: Vec<(Place, &str)> = Vec::new();
        for (i, r) in document.references.iter().enumerate() {
            items.push((Place::Reference(i, "id"), r.id.as_str()));
        }
        for (i, r) in document.related.iter().enumerate() {
            items.push((Place::Related(i, "id"), r.id.as_str()));
        }
        for ids in [units, items] {
            let mut first: HashMap<&str, Place> = HashMap::new();
            for (pointer, id) in &ids {
                match first.get(id) {
                    Some(earlier) => out.push(
                        Finding::error(
                            self.code(),
                            pointer.to_string(),
                            format!("id `{id}` is used twice"),
                        )
                        .hint(format!(
                            "it is first used at {earlier}; give each an id of its own"
                        )),
                    ),
                    None => {
                        first.insert(id, *pointer);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ReferenceId;
    use crate::validate::rules::test_support::{document, run};

    #[test]
    fn accepts_unique_ids() {
        assert!(run(&DuplicateId, &document()).is_empty());
    }

    #[test]
    fn reports_the_second_use() {
        let mut doc = document();
        doc.sections[1].paragraphs[0].id = doc.sections[0].paragraphs[0].id.clone();
        let mut reference = doc.references[0].clone();
        reference.id = ReferenceId::new("conference");
        doc.references.push(reference);
        let pointers: Vec<String> = run(&DuplicateId, &doc)
            .into_iter()
            .map(|f| f.pointer)
            .collect();
        assert_eq!(
            pointers,
            ["/sections/1/paragraphs/0/id", "/references/1/id"]
        );
    }
}
