//! Rule `untranslated-sentence` (warning): no sentence of a translation is
//! left in the language of its original. Each sentence is identified by
//! `whatlang` among every language it knows; a sentence is reported only
//! when it is identified as the original's language, reliably. Quoted passages (a title cited in the
//! original's language) and short sentences (names, acronyms) are left
//! out of the judgement. Languages `whatlang` does not know are not judged.
//!
//! Only a sentence most of whose letter trigrams occur in the original is
//! identified at all: a sentence left in the original's language is, in
//! practice, the original's own words, and the others need no detector
//! (nor, when no rough piece of the unit is such, a segmentation).

use whatlang::{Detector, Lang};

use super::translation_support::{
    Trigrams, compared, excerpt, rough_sentences, sentences, unit_pointer,
};
use super::{TranslationRule, TranslationSubject};
use crate::model::Language;
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

/// Whether a piece of text is mostly made of the original's trigrams: the
/// mark of words left as they were.
fn mostly_from(piece: &Trigrams, original: &Trigrams) -> bool {
    piece.len() >= 8 && piece.common(original) * 2 >= piece.len()
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
        let among_all = Detector::new();
        for (id, unit, pivot_text) in compared(translation, &subject.pivots) {
            // A copy of the original is `unchanged-translation`'s to report.
            if unit.translation == pivot_text {
                continue;
            }
            let original = Trigrams::of(pivot_text);
            let suspect = rough_sentences(&unit.translation)
                .any(|piece| mostly_from(&Trigrams::of(piece), &original));
            if !suspect {
                continue;
            }
            for sentence in sentences(&unit.translation) {
                if !mostly_from(&Trigrams::of(sentence.text), &original) {
                    continue;
                }
                let text = unquoted(sentence.text);
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
