//! Rule `missing-language`: every text unit (title, preamble paragraphs,
//! headings, paragraphs) has a text in every official language.

use std::path::Path;

use super::DocumentRule;
use super::place::Place;
use crate::model::{Document, Language, LocalizedText};
use crate::validate::Finding;

/// Reports each official language a text unit lacks.
pub(super) struct MissingLanguage;

impl DocumentRule for MissingLanguage {
    fn code(&self) -> &'static str {
        "missing-language"
    }

    fn summary(&self) -> &'static str {
        "every text unit has a text in every official language"
    }

    fn check(&self, document: &Document, _: &Path, out: &mut Vec<Finding>) {
        let mut units: Vec<(Place, &LocalizedText)> =
            vec![(Place::Fixed("/title"), &document.title)];
        for (i, p) in document.preamble.iter().enumerate() {
            units.push((Place::Preamble(i, "text"), &p.text));
        }
        for (i, s) in document.sections.iter().enumerate() {
            units.push((Place::Section(i, "heading"), &s.heading));
            for (j, p) in s.paragraphs.iter().enumerate() {
                units.push((Place::Paragraph(i, j, "text"), &p.text));
            }
        }
        let official: Vec<&str> = document.languages.iter().map(Language::as_str).collect();
        for (pointer, text) in units {
            for language in &document.languages {
                if text.get(language).is_none() {
                    out.push(
                        Finding::error(self.code(), pointer.to_string(), format!("no text in `{language}`"))
                            .hint(format!(
                                "add \"{language}\": \"…\" here: every unit needs each official language ({})",
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
    use crate::validate::rules::test_support::{document, run};

    #[test]
    fn accepts_complete_units() {
        assert!(run(&MissingLanguage, &document()).is_empty());
    }

    #[test]
    fn reports_each_missing_language() {
        let mut doc = document();
        doc.sections[0].heading = LocalizedText::from_pairs([("zh-Hans", "一")]);
        let found = run(&MissingLanguage, &doc);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/sections/0/heading");
        assert_eq!(found[0].message, "no text in `en`");
    }
}
