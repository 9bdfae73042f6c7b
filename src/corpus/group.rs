//! Sorts the files of a run into what is checked together: each document
//! with its translations, and the catalogs apart.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::validate::rules::DOCUMENT_FILE;
use crate::validate::{is_catalog, is_translation};

/// A document file and its translations.
#[derive(Debug)]
pub(super) struct Group {
    /// The document the translations translate.
    pub document: PathBuf,
    /// Whether the document itself was asked for (else it is only the
    /// translations' reference, checked quietly).
    pub reported: bool,
    /// The translations asked for, in the order given.
    pub translations: Vec<PathBuf>,
}

/// The files of a run, sorted.
#[derive(Debug, Default)]
pub(super) struct Sorted {
    /// The catalogs, in the order given.
    pub catalogs: Vec<PathBuf>,
    /// The documents with their translations, in the documents' path order.
    pub groups: Vec<Group>,
}

/// Sorts `files`: a translation `<folder>/translations/<lang>.json` joins
/// the group of `<folder>/document.json`, whether that was asked for or not.
pub(super) fn sort(files: &[PathBuf]) -> Sorted {
    let mut groups: BTreeMap<PathBuf, Group> = BTreeMap::new();
    let mut catalogs = Vec::new();
    for path in files {
        if is_catalog(path) {
            catalogs.push(path.clone());
            continue;
        }
        let translation = is_translation(path);
        let document = if translation {
            path.parent()
                .and_then(Path::parent)
                .unwrap_or(Path::new("."))
                .join(DOCUMENT_FILE)
        } else {
            path.clone()
        };
        let group = groups.entry(document.clone()).or_insert_with(|| Group {
            document,
            reported: false,
            translations: Vec::new(),
        });
        if translation {
            group.translations.push(path.clone());
        } else {
            group.reported = true;
        }
    }
    Sorted {
        catalogs,
        groups: groups.into_values().collect(),
    }
}
