//! What the translation rules share: the pivot text of each unit, the
//! pointers into a translation file, the units worth comparing, and the
//! sentences of a text.

use std::collections::BTreeMap;

use super::TranslationSubject;
use super::marked::marked_chars;
use crate::model::{Document, Translation, TranslationUnit};

/// The pivot-language text of every text unit of `document`, by unit id.
pub(super) fn pivot_texts<'a>(
    document: &'a Document,
    translation: &Translation,
) -> BTreeMap<String, &'a str> {
    document
        .text_units()
        .into_iter()
        .filter_map(|(id, text)| {
            text.get(&translation.pivot)
                .map(|t| (id.as_str().to_owned(), t))
        })
        .collect()
}

/// The JSON Pointer of a unit's field (`/units/sec_1__para_1/translation`).
pub(super) fn unit_pointer(id: &str, field: &str) -> String {
    format!("/units/{id}/{field}")
}

/// Every translated unit whose id the document has, with the current pivot
/// text: what the per-unit comparisons look at. Listed once per
/// translation ([`TranslationSubject::compared`]), not by each rule.
pub(super) fn compared<'a>(
    translation: &'a Translation,
    pivots: &BTreeMap<String, &'a str>,
) -> Vec<Compared<'a>> {
    translation
        .translated()
        .filter(|(_, unit)| !unit.translation.trim().is_empty())
        .filter_map(|(id, unit)| pivots.get(id).map(|pivot| (id.as_str(), unit, *pivot)))
        .collect()
}

/// A translated unit, with the current pivot text: `(id, unit, pivot)`.
pub(super) type Compared<'a> = (&'a str, &'a TranslationUnit, &'a str);

/// A short excerpt of `text` around character `at`, for messages.
pub(super) fn excerpt(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let start = at.saturating_sub(20);
    let end = (at + 20).min(chars.len());
    // `at` is at most the text's length, so `start..end` lies in it.
    let mut out: String = chars.get(start..end).unwrap_or_default().iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// One sentence of a text: where it starts (in characters) and its text,
/// trimmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Sentence<'a> {
    pub start: usize,
    pub text: &'a str,
}

/// The sentences of `text` by the Unicode sentence boundaries (UAX #29),
/// which know `。！？`, `؟` and `¿…?` as well as `.`; empty ones left out.
pub(super) fn sentences(text: &str) -> Vec<Sentence<'_>> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = Vec::new();
    let mut chars = 0;
    for piece in text.split_sentence_bounds() {
        let lead = piece.chars().take_while(|c| c.is_whitespace()).count();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(Sentence {
                start: chars + lead,
                text: trimmed,
            });
        }
        chars += piece.chars().count();
    }
    out
}

/// How many times longer, in characters, the translation runs than its
/// original over every unit the file translates: the yardstick for one
/// sentence's length against another's.
pub(super) fn length_ratio(subject: &TranslationSubject<'_>) -> f64 {
    let (mut source, mut target) = (0usize, 0usize);
    for (_, unit, pivot) in subject.compared() {
        source += pivot.chars().count();
        target += unit.translation.chars().count();
    }
    #[allow(clippy::cast_precision_loss)]
    let ratio = target as f64 / source.max(1) as f64;
    ratio.clamp(0.1, 10.0)
}

/// The lowercase letter and digit trigrams of a text, as a set of 2048
/// bits, each trigram hashed to one: what the rules compare texts by when
/// they share an alphabet (names, numbers, cognates). Two trigrams may
/// share a bit, which blurs a comparison by a few percent: cheap enough to
/// run on every sentence of a corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Trigrams([u64; 32]);

impl Trigrams {
    pub(super) fn of(text: &str) -> Self {
        let mut set = Self::default();
        // The last three letters, 21 bits each, the oldest highest.
        let mut window = 0u64;
        let mut seen = 0;
        for c in text.chars() {
            let Some(c) = folded(c) else {
                continue;
            };
            window = (window << 21 | u64::from(c)) & ((1 << 63) - 1);
            seen += 1;
            if seen >= 3 {
                let bit = window.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 53;
                // `bit` has 11 bits: its word is one of the 32.
                let word = usize::try_from(bit >> 6).unwrap_or(0) & 31;
                if let Some(word) = set.0.get_mut(word) {
                    *word |= 1 << (bit & 63);
                }
            }
        }
        set
    }

    /// How many trigrams the set holds.
    pub(super) fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// How many trigrams two sets have in common.
    pub(super) fn common(&self, other: &Self) -> usize {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }
}

/// Each ASCII byte lowercased if it is a letter or a digit, 0 otherwise.
static ASCII_FOLDED: [u8; 128] = ascii_folded();

/// Builds [`ASCII_FOLDED`] when the crate is compiled.
// Every index is below 128 and every byte below 0x80: a slip would fail
// the build, never a run.
#[allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]
const fn ascii_folded() -> [u8; 128] {
    let mut table = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        table[i] = if b.is_ascii_uppercase() {
            b.to_ascii_lowercase()
        } else if b.is_ascii_alphanumeric() {
            b
        } else {
            0
        };
        i += 1;
    }
    table
}

/// `c` lowercased if it is a letter or a digit, `None` otherwise: the
/// common blocks (ASCII, Latin-1, basic Cyrillic, CJK ideographs)
/// answered directly, the rest looked up.
fn folded(c: char) -> Option<char> {
    if let Ok(byte) = u8::try_from(c)
        && byte.is_ascii()
    {
        return ASCII_FOLDED
            .get(usize::from(byte))
            .filter(|&&f| f != 0)
            .map(|&f| char::from(f));
    }
    let shifted = || char::from_u32(u32::from(c) + 0x20);
    match c {
        '×' | '÷' => None,
        'ß'..='ÿ' | 'а'..='я' | '\u{4E00}'..='\u{9FFF}' => Some(c),
        'À'..='Þ' | 'А'..='Я' => shifted(),
        _ if c.is_alphanumeric() => Some(c.to_lowercase().next().unwrap_or(c)),
        _ => None,
    }
}

/// What the alignment and the language checks know of a sentence: its
/// length in characters and its letter trigrams.
#[derive(Clone, Debug, Default)]
pub(super) struct Measure {
    pub chars: usize,
    pub grams: Trigrams,
}

impl Measure {
    pub(super) fn of(text: &str) -> Self {
        Self {
            chars: text.chars().count(),
            grams: Trigrams::of(text),
        }
    }
}

/// A text split into sentences, each measured.
#[derive(Debug)]
pub(super) struct Sentences<'a> {
    pub sentences: Vec<Sentence<'a>>,
    pub measures: Vec<Measure>,
}

impl<'a> Sentences<'a> {
    pub(super) fn of(text: &'a str) -> Self {
        let sentences = sentences(text);
        let measures = sentences.iter().map(|s| Measure::of(s.text)).collect();
        Self {
            sentences,
            measures,
        }
    }
}

/// Whether `c` ends a sentence in some script (`.`, `!`, `?`, `。`, `！`,
/// `？`, `؟`, `…`).
pub(super) fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '؟' | '…' | '।')
}

/// How many sentence ends `text` has, counted roughly (a full stop inside
/// a number or an abbreviation followed by a letter does not count): a
/// quick first look before the Unicode segmentation, which costs more.
pub(super) fn rough_ends(text: &str) -> usize {
    // The first bytes of the characters that may end a sentence: the
    // others, CJK ideographs among them, are passed over unread.
    let may_end = |b: u8| matches!(b, b'.' | b'!' | b'?' | 0xD8 | 0xE0 | 0xE2 | 0xE3 | 0xEF);
    marked_chars(text, may_end)
        .filter(|(_, rest)| {
            let mut chars = rest.chars();
            chars.next().is_some_and(ends_sentence)
                && chars
                    .next()
                    .is_none_or(|n| n.is_whitespace() || !n.is_alphanumeric())
        })
        .count()
}

/// The pieces of `text` between sentence ends, roughly: a quick first
/// look before the Unicode segmentation.
pub(super) fn rough_sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(ends_sentence)
        .filter(|piece| !piece.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `folded` as the Unicode tables answer it, for every character.
    fn folded_by_the_tables(c: char) -> Option<char> {
        c.is_alphanumeric()
            .then(|| c.to_lowercase().next().unwrap_or(c))
    }

    #[test]
    fn the_folding_shortcuts_agree_with_the_unicode_tables() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(folded(c), folded_by_the_tables(c), "U+{:04X}", u32::from(c));
        }
    }

    /// `Trigrams::of` with the three letters kept apart and packed anew
    /// for each trigram.
    fn trigrams_packed_anew(text: &str) -> Trigrams {
        let mut set = Trigrams::default();
        let letters: Vec<u64> = text.chars().filter_map(folded).map(u64::from).collect();
        for w in letters.windows(3) {
            let packed = w[0] << 42 | w[1] << 21 | w[2];
            let bit = packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 53;
            set.0[(bit >> 6) as usize] |= 1 << (bit & 63);
        }
        set
    }

    #[test]
    fn the_rolling_window_gives_the_trigrams_packed_anew() {
        for text in [
            "",
            "ab",
            "The Digital Education Alliance, 2030.",
            "Künstliche Intelligenz für alle — 人工智能赋能教育 \u{10348}\u{1F600}x",
            "التعليم الرقمي؛ цифровое образование",
        ] {
            let rolling = Trigrams::of(text);
            assert_eq!(rolling, trigrams_packed_anew(text), "{text:?}");
            assert!(text.chars().count() < 3 || rolling.len() > 0, "{text:?}");
        }
    }

    /// `rough_ends` read character by character, as a reader would.
    fn rough_ends_by_chars(text: &str) -> usize {
        let chars: Vec<char> = text.chars().collect();
        (0..chars.len())
            .filter(|&i| {
                ends_sentence(chars[i])
                    && chars
                        .get(i + 1)
                        .is_none_or(|n| n.is_whitespace() || !n.is_alphanumeric())
            })
            .count()
    }

    #[test]
    fn rough_ends_skips_only_what_cannot_end_a_sentence() {
        let pieces = [
            ".",
            "!",
            "?",
            "。",
            "！",
            "？",
            "؟",
            "…",
            "।",
            "a",
            "7",
            " ",
            "\u{A0}",
            "人",
            "é",
            "ب",
            "—",
            "”",
            "\u{3001}",
            "\u{FF0C}",
            "\u{2026}x",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(rough_ends(&text), rough_ends_by_chars(&text), "{text:?}");
                }
            }
        }
    }
}
