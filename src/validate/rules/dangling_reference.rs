//! Rule `dangling-reference`: every id that points somewhere points at
//! something that exists: the issuer at a reference, each `cited_by` at a
//! paragraph or section, each editorial note at a unit in an official
//! language.

use std::collections::HashSet;
use std::path::Path;

use super::DocumentRule;
use crate::model::Document;
use crate::validate::Finding;

/// Reports ids that name nothing in the document.
pub(super) struct DanglingReference;

const CODE: &str = "dangling-reference";

impl DocumentRule for DanglingReference {
    fn code(&self) -> &'static str {
        CODE
    }

    fn summary(&self) -> &'static str {
        "the issuer, every cited_by entry and every editorial note name something that exists"
    }

    fn check(&self, document: &Document, _: &Path, out: &mut Vec<Finding>) {
        check_issuer(document, out);
        check_citations(document, out);
        check_notes(document, out);
    }
}

/// The issuer is one of the references.
fn check_issuer(document: &Document, out: &mut Vec<Finding>) {
    if document.reference(&document.issuer).is_none() {
        out.push(
            Finding::error(
                CODE,
                "/issuer",
                format!("issuer `{}` is not in `references`", document.issuer),
            )
            .hint("add the issuing body to `references`, or use the id of the entry that names it"),
        );
    }
}

/// Every `cited_by` entry is a paragraph or section.
fn check_citations(document: &Document, out: &mut Vec<Finding>) {
    let citable: HashSet<&str> = document
        .paragraphs()
        .map(|p| p.id.as_str())
        .chain(document.sections.iter().map(|s| s.id.as_str()))
        .collect();
    for (i, reference) in document.references.iter().enumerate() {
        for (j, unit) in reference.cited_by.iter().enumerate() {
            if !citable.contains(unit.as_str()) {
                out.push(
                    Finding::error(
                        CODE,
                        format!("/references/{i}/cited_by/{j}"),
                        format!(
                            "`{}` is cited by `{unit}`, which is not a paragraph or section",
                            reference.id
                        ),
                    )
                    .hint("use the id of a paragraph or section of this document"),
                );
            }
        }
    }
}

/// Every editorial note is on a text unit, in an official language.
fn check_notes(document: &Document, out: &mut Vec<Finding>) {
    let units: HashSet<String> = document
        .text_units()
        .into_iter()
        .map(|(id, _)| id.as_str().to_owned())
        .collect();
    for (i, note) in document.editorial_notes.iter().enumerate() {
        if !units.contains(note.unit.as_str()) {
            out.push(
                Finding::error(
                    CODE,
                    format!("/editorial_notes/{i}/unit"),
                    format!("editorial note names unit `{}`, which does not exist", note.unit),
                )
                .hint("use the id of a text unit: title, preamble__para_n, sec_s__heading or sec_s__para_n"),
            );
        }
        if !document.languages.contains(&note.language) {
            out.push(
                Finding::error(
                    CODE,
                    format!("/editorial_notes/{i}/language"),
                    format!(
                        "editorial note is in `{}`, not an official language",
                        note.language
                    ),
                )
                .hint("use one of the document's `languages`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ReferenceId, UnitId};
    use crate::validate::rules::test_support::{document, run};

    #[test]
    fn accepts_resolving_ids() {
        assert!(run(&DanglingReference, &document()).is_empty());
    }

    #[test]
    fn reports_each_dangling_id() {
        let mut doc = document();
        doc.issuer = ReferenceId::new("nobody");
        doc.references[0]
            .cited_by
            .push(UnitId::new("sec_9__para_1"));
        doc.editorial_notes[0].unit = UnitId::new("sec_7");
        let pointers: Vec<String> = run(&DanglingReference, &doc)
            .into_iter()
            .map(|f| f.pointer)
            .collect();
        assert_eq!(
            pointers,
            [
                "/issuer",
                "/references/0/cited_by/1",
                "/editorial_notes/0/unit"
            ]
        );
    }
}
