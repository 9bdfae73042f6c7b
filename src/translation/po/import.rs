//! Reads a parsed PO file into a translation.

use std::collections::HashSet;

use super::read::{Catalog, Entry, PoError};
use super::{PIVOT_HEADER, language_from_header};
use crate::model::{Document, Translation, TranslationUnit};
use crate::translation::exchange::{self, Changes};

/// A translation with a PO file's strings in it.
#[derive(Debug)]
pub struct Imported {
    /// The translation, changed.
    pub translation: Translation,
    /// How many units and names changed.
    pub changed: Changes,
    /// How many translated units the PO file left empty, kept as they were.
    pub kept: usize,
}

fn refuse(code: &'static str, line: usize, message: String) -> PoError {
    PoError {
        code,
        line,
        column: 1,
        message,
    }
}

/// `translation` with the entries of `catalog` read into it. Each entry
/// names its unit by `msgctxt` (a name by `name.<reference-id>`). A
/// translated entry sets the unit's translation, and, unless fuzzy, its
/// source to the entry's `msgid` (the original it was translated from); a
/// fuzzy entry keeps the unit's source, so a stale unit stays stale. An
/// empty `msgstr` changes nothing: a PO file never erases a translator's
/// text. A name the translation file lacks is added (with no source when
/// fuzzy, so it stays stale). Refuses the whole file, with the line, for
/// an entry without a context, a unit or reference the document does not
/// have, a unit twice, a unit missing from the translation file, or a
/// header in another pivot or charset.
pub fn import(
    catalog: &Catalog,
    translation: &Translation,
    document: &Document,
) -> Result<Imported, PoError> {
    check_header(catalog, translation)?;
    let known: HashSet<String> = exchange::sources(document, &translation.pivot)
        .into_iter()
        .filter_map(|(id, source)| source.map(|_| id))
        .collect();
    let mut imported = translation.clone();
    let mut kept = 0;
    let mut seen = HashSet::new();
    for entry in &catalog.entries {
        let id = context(entry, &known, &mut seen)?;
        let (map, key) = exchange::place(&mut imported, id);
        if exchange::reference_of(id).is_none() && !map.contains_key(key) {
            return Err(refuse(
                "po-unknown-unit",
                entry.line,
                format!(
                    "unit `{id}` is missing from the translation file: run `initiative translation template` to start one with every unit"
                ),
            ));
        }
        if entry.string.is_empty() {
            kept += usize::from(map.get(key).is_some_and(|u| !u.translation.is_empty()));
            continue;
        }
        let unit = map
            .entry(key.to_owned())
            .or_insert_with(|| TranslationUnit {
                source: String::new(),
                translation: String::new(),
            });
        unit.translation.clone_from(&entry.string);
        if !entry.fuzzy {
            unit.source.clone_from(&entry.id);
        }
    }
    Ok(Imported {
        changed: Changes::between(translation, &imported),
        translation: imported,
        kept,
    })
}

/// The unit (or name) `entry` names, refused if it has no context, names
/// nothing `known`, or names what an earlier entry did.
fn context<'e>(
    entry: &'e Entry,
    known: &HashSet<String>,
    seen: &mut HashSet<&'e str>,
) -> Result<&'e str, PoError> {
    let Some(id) = &entry.context else {
        return Err(refuse(
            "po-no-context",
            entry.line,
            format!(
                "an entry without `msgctxt` (msgid \"{}\"): each entry names its unit in `msgctxt`",
                excerpt(&entry.id)
            ),
        ));
    };
    if !known.contains(id) {
        return Err(refuse("po-unknown-unit", entry.line, exchange::unknown(id)));
    }
    if !seen.insert(id.as_str()) {
        return Err(refuse(
            "po-duplicate-unit",
            entry.line,
            format!("unit `{id}` appears twice"),
        ));
    }
    Ok(id)
}

/// The header must not say the msgids are in another language than the
/// translation's pivot, nor in another charset than UTF-8.
fn check_header(catalog: &Catalog, translation: &Translation) -> Result<(), PoError> {
    let line = catalog.header_line.max(1);
    if let Some(pivot) = catalog.header(PIVOT_HEADER)
        && language_from_header(pivot) != translation.pivot.as_str()
    {
        return Err(refuse(
            "po-header",
            line,
            format!(
                "the header says the originals are in `{pivot}`, but the translation is made from `{}`",
                translation.pivot
            ),
        ));
    }
    if let Some(content_type) = catalog.header("Content-Type") {
        let charset = content_type
            .split(';')
            .find_map(|p| p.trim().strip_prefix("charset="))
            .unwrap_or("UTF-8");
        if !charset.eq_ignore_ascii_case("UTF-8") {
            return Err(refuse(
                "po-header",
                line,
                format!("the file is in `{charset}`; save it as UTF-8 (`msgconv --to-code=UTF-8`)"),
            ));
        }
    }
    Ok(())
}

/// The first characters of a long text.
fn excerpt(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}
