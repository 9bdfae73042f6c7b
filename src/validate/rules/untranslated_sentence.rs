//! Rule `untranslated-sentence` (warning): no sentence of a translation is
//! left in the language of its original. Each sentence is identified by
//! `whatlang` among every language it knows; a sentence is reported only
//! when it is identified as the original's language, reliably. Quoted
//! passages (a title cited in the original's language), the names the
//! document cites (as the original gives them and as the file renders
//! them) and short sentences (names, acronyms) are left out of the
//! judgement. Languages `whatlang` does not know are not judged.
//!
//! Only a sentence most of whose letter trigrams occur in the original is
//! identified at all: a sentence left in the original's language is, in
//! practice, the original's own words, and the others need no detector
//! (nor, when no rough piece of the unit is such, a segmentation).

use whatlang::{Detector, Lang};

use super::translation_support::{
    Trigrams, ends_sentence, excerpt, rough_sentences, sentences, unit_pointer,
};
use super::{TranslationRule, TranslationSubject};
use crate::model::{Language, Translation};
use crate::source::Target;
use crate::validate::Finding;

/// Sentences with fewer words than this (outside quotes) are not judged.
const FEWEST_WORDS: usize = 5;

/// Finds sentences left in the original's language.
pub(super) struct UntranslatedSentence;

/// The language as `whatlang` knows it.
fn whatlang(language: &Language) -> Option<Lang> {
    match language.iso639_3()? {
        "zho" => Some(Lang::Cmn),
        code => Lang::from_code(code),
    }
}

/// What opens a quotation, with what closes it.
const QUOTES: [(char, char); 8] = [
    ('“', '”'),
    ('«', '»'),
    ('„', '“'),
    ('‘', '’'),
    ('《', '》'),
    ('「', '」'),
    ('『', '』'),
    ('"', '"'),
];

/// `text` without its quoted passages.
fn unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(close) if c == close => closing = None,
            Some(_) => {}
            None => match QUOTES.iter().find(|(open, _)| *open == c) {
                Some((_, close)) => closing = Some(*close),
                None => out.push(c),
            },
        }
    }
    out
}

/// The names the document cites, in the original's language and as the
/// file renders them, longest first: left in a sentence, they do not make
/// it the original's.
fn cited_names<'a>(subject: &'a TranslationSubject<'_>) -> Vec<&'a str> {
    let translation = subject.translation;
    let mut names: Vec<&str> = Translation::cited_names(subject.document, &translation.pivot)
        .map(|(_, name)| name)
        .chain(translation.names.values().map(|n| n.translation.trim()))
        .filter(|n| !n.is_empty())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

/// `text` with every one of `names` taken out.
fn unnamed(text: &str, names: &[&str]) -> String {
    let mut out = text.to_owned();
    for name in names {
        if out.contains(name) {
            out = out.replace(name, " ");
        }
    }
    out
}

/// Whether a piece of text is mostly made of the original's trigrams: the
/// mark of words left as they were.
fn mostly_from(piece: &Trigrams, original: &Trigrams) -> bool {
    piece.len() >= 8 && piece.common(original) * 2 >= piece.len()
}

/// The trigrams of `sentence`: those of the rough piece it is, but for
/// the marks that end it (which have none), when there is one.
fn grams_of<'a>(sentence: &str, pieces: &'a [(&str, Trigrams)]) -> std::borrow::Cow<'a, Trigrams> {
    let body = sentence.trim_end_matches(ends_sentence).trim_end();
    match pieces.iter().find(|(piece, _)| *piece == body) {
        Some((_, grams)) => std::borrow::Cow::Borrowed(grams),
        None => std::borrow::Cow::Owned(Trigrams::of(sentence)),
    }
}

impl TranslationRule for UntranslatedSentence {
    fn code(&self) -> &'static str {
        "untranslated-sentence"
    }

    fn summary(&self) -> &'static str {
        "warning: no sentence of a translation is left in the original's language"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let translation = subject.translation;
        let (Some(pivot), Some(target)) = (
            whatlang(&translation.pivot),
            whatlang(&translation.language),
        ) else {
            return;
        };
        if pivot == target {
            return;
        }
        // A sentence in the translation's language is told apart from the
        // original's cheaply, between the two; only one that reads as the
        // original's is then identified among every language.
        let between = Detector::with_allowlist(vec![pivot, target]);
        let names = cited_names(subject);
        let among_all = Detector::new();
        for (id, unit, pivot_text) in subject.compared() {
            // A copy of the original is `unchanged-translation`'s to report.
            if unit.translation == pivot_text {
                continue;
            }
            let original = Trigrams::of(pivot_text);
            let pieces: Vec<(&str, Trigrams)> = rough_sentences(&unit.translation)
                .map(|piece| (piece.trim(), Trigrams::of(piece)))
                .collect();
            if !pieces
                .iter()
                .any(|(_, grams)| mostly_from(grams, &original))
            {
                continue;
            }
            for sentence in sentences(&unit.translation) {
                if !mostly_from(&grams_of(sentence.text, &pieces), &original) {
                    continue;
                }
                let text = unnamed(&unquoted(sentence.text), &names);
                if text.split_whitespace().count() < FEWEST_WORDS
                    || between.detect_lang(&text) != Some(pivot)
                {
                    continue;
                }
                let Some(info) = among_all.detect(&text) else {
                    continue;
                };
                if info.lang() == pivot && info.is_reliable() {
                    let message = format!(
                        "this sentence reads as {}, the language of the original: «{}»",
                        pivot.eng_name(),
                        excerpt(sentence.text, 0)
                    );
                    out.push(
                        Finding::warning(self.code(), unit_pointer(id, "translation"), message)
                            .at(Target::Char(sentence.start))
                            .hint("translate the sentence; a name or a quoted title may stay as it is"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Language, LocalizedText, Reference, ReferenceId, ReferenceKind, UnitId};
    use crate::validate::rules::test_support::document;

    /// A Spanish sentence that leaves three cited English names as they
    /// are: whatlang alone reads it as English.
    #[test]
    fn cited_names_left_in_the_original_language_are_not_counted() {
        let mut doc = document();
        let english = "We will continue the World Digital Education Conference and develop the World Digital Education Alliance and the Artificial Intelligence Open Alliance.";
        if let Some(p) = doc.preamble.first_mut() {
            p.text.insert(Language::new("en"), english.into());
        }
        for (id, name) in [
            ("alliance", "World Digital Education Alliance"),
            ("open-alliance", "Artificial Intelligence Open Alliance"),
            ("wdec", "World Digital Education Conference"),
        ] {
            let mut text = LocalizedText::default();
            text.insert(Language::new("en"), name.into());
            doc.references.push(Reference {
                id: ReferenceId::new(id),
                kind: ReferenceKind::Organization,
                name: text,
                cited_by: vec![UnitId::preamble_paragraph(1)],
            });
        }
        let spanish = "World Digital Education Alliance y Artificial Intelligence Open Alliance en la World Digital Education Conference.";
        let mut t = crate::translation::template(&doc, &Language::new("es"), &Language::new("en"));
        if let Some(unit) = t.units.get_mut("preamble__para_1") {
            unit.translation = spanish.into();
        }
        let subject = TranslationSubject::new(&t, &doc, std::path::Path::new("es.json"));
        let mut out = Vec::new();
        UntranslatedSentence.check(&subject, &mut out);
        assert_eq!(out, []);
        assert_eq!(
            unnamed(
                "la World Digital Education Alliance y",
                &cited_names(&subject)
            ),
            "la   y"
        );
    }
}
