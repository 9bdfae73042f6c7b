//! Reads a parsed PO file into a translation.

use std::collections::HashSet;

use super::read::{Catalog, PoError};
use super::{PIVOT_HEADER, language_from_header};
use crate::model::{Document, Translation};

/// A translation with a PO file's strings in it.
#[derive(Debug)]
pub struct Imported {
    /// The translation, changed.
    pub translation: Translation,
    /// How many units changed.
    pub changed: usize,
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
/// names its unit by `msgctxt`. A translated entry sets the unit's
/// translation, and, unless fuzzy, its source to the entry's `msgid` (the
/// original it was translated from); a fuzzy entry keeps the unit's
/// source, so a stale unit stays stale. An empty `msgstr` changes
/// nothing: a PO file never erases a translator's text. Refuses the whole
/// file, with the line, for an entry without a context, a unit the
/// document does not have, a unit twice, or a header in another pivot or
/// charset.
pub fn import(
    catalog: &Catalog,
    translation: &Translation,
    document: &Document,
) -> Result<Imported, PoError> {
    check_header(catalog, translation)?;
    let units: HashSet<String> = document
        .text_units()
        .into_iter()
        .filter(|(_, text)| text.get(&translation.pivot).is_some())
        .map(|(id, _)| id.to_string())
        .collect();
    let mut imported = Imported {
        translation: translation.clone(),
        changed: 0,
        kept: 0,
    };
    let mut seen = HashSet::new();
    for entry in &catalog.entries {
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
        if !units.contains(id) {
            return Err(refuse(
                "po-unknown-unit",
                entry.line,
                format!("unit `{id}` does not exist in the document"),
            ));
        }
        if !seen.insert(id.as_str()) {
            return Err(refuse(
                "po-duplicate-unit",
                entry.line,
                format!("unit `{id}` appears twice"),
            ));
        }
        let Some(unit) = imported.translation.units.get_mut(id) else {
            return Err(refuse(
                "po-unknown-unit",
                entry.line,
                format!(
                    "unit `{id}` is missing from the translation file: run `initiative translation template` to start one with every unit"
                ),
            ));
        };
        if entry.string.is_empty() {
            imported.kept += usize::from(!unit.translation.is_empty());
            continue;
        }
        let before = unit.clone();
        unit.translation.clone_from(&entry.string);
        if !entry.fuzzy {
            unit.source.clone_from(&entry.id);
        }
        imported.changed += usize::from(*unit != before);
    }
    Ok(imported)
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
