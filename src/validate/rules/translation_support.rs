//! What the translation rules share: the pivot text of each unit, the
//! pointers into a translation file, and the units worth comparing.

use std::collections::BTreeMap;

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
/// text: what the per-unit comparisons look at.
pub(super) fn compared<'a>(
    translation: &'a Translation,
    pivots: &'a BTreeMap<String, &'a str>,
) -> impl Iterator<Item = (&'a str, &'a TranslationUnit, &'a str)> {
    translation.translated().filter_map(|(id, unit)| {
        pivots
            .get(id)
            .map(|pivot| (id.as_str(), unit, *pivot))
            .filter(|_| !unit.translation.trim().is_empty())
    })
}

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
