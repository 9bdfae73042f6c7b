//! Rule `sentence-count` (warning): every sentence of the original has a
//! translation. The sentences of the original and of the translation are
//! lined up by length ([`super::sentence_alignment`]); one split in two or
//! two joined in one is fine, a sentence with no counterpart is reported,
//! with the counts and where the missing sentence would stand. Where
//! lengths alone cannot tell which of two sentences is missing, the
//! message names both.

use super::sentence_alignment::{Alignment, GAP, align};
use super::translation_support::{
    Sentence, Sentences, excerpt, length_ratio, rough_ends, unit_pointer,
};
use super::{TranslationRule, TranslationSubject};
use crate::source::Target;
use crate::validate::Finding;

/// Sentences shorter than this (in characters) are never reported: a
/// fragment that reads as a merge or a split.
const SHORTEST: usize = 25;

/// How much dearer another sentence's omission may be and still be named
/// as the one that might be missing.
const AMBIGUITY: f64 = 0.1;

/// Lines up the sentences of each unit with those of its translation.
pub(super) struct SentenceCount;

/// One unit's sentences on both sides, and how they line up.
struct Unit<'a> {
    id: &'a str,
    source: Sentences<'a>,
    target: Sentences<'a>,
    /// The translation's length in characters.
    end: usize,
    ratio: f64,
    alignment: Alignment,
}

fn long(sentence: &Sentence<'_>) -> bool {
    sentence.text.chars().count() >= SHORTEST
}

impl<'a> Unit<'a> {
    /// The unit, unless it has one sentence on each side or is cut or
    /// swollen tenfold (`length-ratio`'s error).
    fn new(id: &'a str, pivot: &'a str, translation: &'a str, ratio: f64) -> Option<Self> {
        let (source, target) = (Sentences::of(pivot), Sentences::of(translation));
        let from: usize = source.measures.iter().map(|m| m.chars).sum();
        let end: usize = target.measures.iter().map(|m| m.chars).sum();
        let (n, m) = (source.sentences.len(), target.sentences.len());
        if (n < 2 && m < 2) || end * 10 < from || from * 10 < end {
            return None;
        }
        let alignment = align(&source.measures, &target.measures, ratio);
        let end = translation.chars().count();
        Some(Self {
            id,
            source,
            target,
            end,
            ratio,
            alignment,
        })
    }

    fn counts(&self) -> String {
        format!(
            "the original has {} sentences and the translation {}",
            self.source.sentences.len(),
            self.target.sentences.len()
        )
    }

    /// Where in the translation the original's sentence `k` would stand.
    fn place(&self, before: usize) -> usize {
        self.target
            .sentences
            .get(before)
            .map_or(self.end, |s| s.start)
    }

    /// The long sentences of the original that may be the one missing, with
    /// where each would stand: the alignment's choice, and any other whose
    /// omission lines up almost as well.
    fn candidates(&self, k: usize, before: usize) -> Vec<(usize, usize)> {
        let all = &self.source.measures;
        let target = &self.target.measures;
        let mut found = Vec::new();
        for (other, sentence) in self.source.sentences.iter().enumerate() {
            if other == k {
                found.push((k, before));
                continue;
            }
            if !long(sentence) {
                continue;
            }
            let mut without = all.clone();
            without.remove(other);
            let alignment = align(&without, target, self.ratio);
            if alignment.cost + GAP <= self.alignment.cost + AMBIGUITY {
                found.push((other, alignment.taken_with(other)));
            }
        }
        found
    }
}

impl TranslationRule for SentenceCount {
    fn code(&self) -> &'static str {
        "sentence-count"
    }

    fn summary(&self) -> &'static str {
        "warning: every sentence of the original has its translation (splits and merges allowed)"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let ratio = length_ratio(subject);
        for (id, unit, pivot) in subject.compared() {
            // As many sentence ends on both sides: nothing left out or added
            // that a closer look would find, but for a split and an
            // omission in one unit.
            if rough_ends(pivot) == rough_ends(&unit.translation) {
                continue;
            }
            let Some(unit) = Unit::new(id, pivot, &unit.translation, ratio) else {
                continue;
            };
            out.extend(self.omitted(&unit));
            out.extend(self.added(&unit));
        }
    }
}

impl SentenceCount {
    /// The sentences of the original with no translation, as one finding.
    fn omitted(&self, unit: &Unit<'_>) -> Option<Finding> {
        let mut missing: Vec<(usize, usize)> = unit
            .alignment
            .omitted
            .iter()
            .copied()
            .filter(|&(k, _)| unit.source.sentences.get(k).is_some_and(long))
            .collect();
        if let [(k, before)] = missing.as_slice() {
            missing = unit.candidates(*k, *before);
        }
        let (first, before) = *missing.first()?;
        let numbers: Vec<String> = missing.iter().map(|(k, _)| (k + 1).to_string()).collect();
        let which = match (numbers.as_slice(), unit.alignment.omitted.len()) {
            ([one], _) => format!("sentence {one} of the original has"),
            (many, 1) => format!("one of sentences {} of the original has", many.join(", ")),
            (many, _) => format!("sentences {} of the original have", many.join(", ")),
        };
        let text = unit.source.sentences.get(first).map_or("", |s| s.text);
        let message = format!(
            "{}: {which} no translation: «{}»",
            unit.counts(),
            excerpt(text, 0)
        );
        Some(self.finding(unit.id, unit.place(before), message, "translate every sentence of the original; splitting one sentence in two, or joining two, is fine"))
    }

    /// The sentences of the translation with no original, as one finding.
    fn added(&self, unit: &Unit<'_>) -> Option<Finding> {
        let first = unit
            .alignment
            .added
            .iter()
            .filter_map(|&k| unit.target.sentences.get(k))
            .find(|s| long(s))?;
        let message = format!(
            "{}: this sentence has no original: «{}»",
            unit.counts(),
            excerpt(first.text, 0)
        );
        Some(self.finding(
            unit.id,
            first.start,
            message,
            "translate only what the original says; was a sentence of another unit pasted in?",
        ))
    }

    fn finding(&self, id: &str, at: usize, message: String, hint: &str) -> Finding {
        Finding::warning(self.code(), unit_pointer(id, "translation"), message)
            .at(Target::Char(at))
            .hint(hint)
    }
}
