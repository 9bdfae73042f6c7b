//! The translation rules that look across files (`reused-translation`
//! and `inconsistent-translation`): one translation in two places, or one
//! original translated two ways, in different files of one language.
//! Within one file, each rule's own check reports it; here only the
//! places in another file count, so nothing is reported twice.

use std::collections::HashMap;
use std::path::Path;

use super::TranslationRule;
use super::inconsistent_translation::InconsistentTranslation;
use super::reused_translation::ReusedTranslation;
use super::translation_support::unit_pointer;
use crate::model::{Language, Translation};
use crate::validate::Finding;

/// One translation file of a run: where it is and what it holds.
pub struct Placed<'a> {
    /// The file.
    pub path: &'a Path,
    /// Its translation.
    pub translation: &'a Translation,
}

/// A unit as the cross-file checks compare it.
struct Seen<'a> {
    file: usize,
    id: &'a str,
    other: &'a str,
}

/// The findings of the cross-file checks, each with the index in `files`
/// of the file it belongs to: for every pair, the later file in `files`
/// is reported, naming the earlier place.
pub fn check(files: &[Placed<'_>]) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    // By (language, pivot, translation): the first unit with it.
    let mut by_text: HashMap<(&Language, &Language, &str), Seen<'_>> = HashMap::new();
    // By (language, pivot, original): the first unit translating it.
    let mut by_source: HashMap<(&Language, &Language, &str), Seen<'_>> = HashMap::new();
    for (file, placed) in files.iter().enumerate() {
        let t = placed.translation;
        for (id, unit) in t.translated() {
            let (source, text) = (unit.source.as_str(), unit.translation.trim());
            if text.is_empty() {
                continue;
            }
            let seen = Seen {
                file,
                id,
                other: source,
            };
            let first = by_text.entry((&t.language, &t.pivot, text)).or_insert(seen);
            if first.file != file && first.other != source {
                let message = format!(
                    "the same translation as {}, whose original is different",
                    place(files, first)
                );
                out.push((file, reused(id, message)));
            }
            let seen = Seen {
                file,
                id,
                other: text,
            };
            let first = by_source
                .entry((&t.language, &t.pivot, source))
                .or_insert(seen);
            if first.file != file && first.other != text {
                let message = format!(
                    "{} has the same original but another translation",
                    place(files, first)
                );
                out.push((file, inconsistent(id, message)));
            }
        }
    }
    out
}

/// Where a unit seen earlier is: `unit `title` of data/…/es.json`.
fn place(files: &[Placed<'_>], seen: &Seen<'_>) -> String {
    let path = files.get(seen.file).map_or(Path::new(""), |f| f.path);
    format!("unit `{}` of {}", seen.id, path.display())
}

fn reused(id: &str, message: String) -> Finding {
    Finding::warning(ReusedTranslation.code(), unit_pointer(id, "translation"), message)
        .hint("give each unit the translation of its own original: was a translation copied from the other file?")
}

fn inconsistent(id: &str, message: String) -> Finding {
    Finding::warning(
        InconsistentTranslation.code(),
        unit_pointer(id, "translation"),
        message,
    )
    .hint("translate the same original the same way in every document, or say why not")
}
