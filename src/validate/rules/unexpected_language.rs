//! Rule `unexpected-language`: a document file holds only its official
//! languages; contributed translations live in translation files.

use std::path::Path;

use super::DocumentRule;
use super::place::Place;
use crate::model::{Document, Language, LocalizedText};
use crate::validate::Finding;

/// Reports every text in a language the document does not list.
pub(super) struct UnexpectedLanguage;

impl DocumentRule for UnexpectedLanguage {
    fn code(&self) -> &'static str {
        "unexpected-language"
    }

    fn summary(&self) -> &'static str {
        "texts are only in the document's official languages"
    }

    fn check(&self, document: &Document, _: &Path, out: &mut Vec<Finding>) {
        let mut texts: Vec<(Place, &LocalizedText)> = vec![
            (Place::Fixed("/title"), &document.title),
            (Place::Fixed("/place/name"), &document.place.name),
            (
                Place::Fixed("/publication/channel"),
                &document.publication.channel,
            ),
            (
                Place::Fixed("/publication/headline"),
                &document.publication.headline,
            ),
        ];
        for (i, p) in document.preamble.iter().enumerate() {
            texts.push((Place::Preamble(i, "text"), &p.text));
        }
        for (i, s) in document.sections.iter().enumerate() {
            texts.push((Place::Section(i, "heading"), &s.heading));
            for (j, p) in s.paragraphs.iter().enumerate() {
                texts.push((Place::Paragraph(i, j, "text"), &p.text));
            }
        }
        for (i, r) in document.references.iter().enumerate() {
            texts.push((Place::Reference(i, "name"), &r.name));
        }
        for (i, r) in document.related.iter().enumerate() {
            texts.push((Place::Related(i, "title"), &r.title));
        }
        let official: Vec<&str> = document.languages.iter().map(Language::as_str).collect();
        for (pointer, text) in texts {
            for language in text.languages() {
                if !document.languages.contains(language) {
                    out.push(
                        Finding::error(
                            self.code(),
                            format!("{pointer}/{language}"),
                            format!("`{language}` is not an official language of this document"),
                        )
                        .at(crate::source::Target::Key)
                        .hint(format!(
                            "official languages are {}; a translation belongs in translations/{language}.json",
                            official.join(", ")
                        )),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;
    use crate::validate::rules::test_support::{document, run};

    #[test]
    fn accepts_official_languages() {
        assert!(run(&UnexpectedLanguage, &document()).is_empty());
    }

    #[test]
    fn reports_other_languages() {
        let mut doc = document();
        doc.sections[0].paragraphs[0]
            .text
            .insert(Language::new("fr"), "A.".into());
        let found = run(&UnexpectedLanguage, &doc);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/sections/0/paragraphs/0/text/fr");
    }
}
