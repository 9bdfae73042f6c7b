//! Finds the data files of a run: `catalog.json`, `*/document.json` and
//! `*/translations/*.json` under a data folder, the files and folders a
//! user names, or the files of chosen documents.

use std::path::{Path, PathBuf};

use super::Error;
use crate::validate::rules::DOCUMENT_FILE;
use crate::validate::{CATALOG_FILE, TRANSLATIONS_DIR, is_catalog, is_translation};

/// Whether a data folder's `catalog.json` is listed when it is missing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Catalog {
    /// Always: a project's data folder needs one, so the run reports it.
    Required,
    /// Only when something is there.
    IfPresent,
}

/// The data files under `dir`, in path order, so reports come out in the
/// same order on every machine. Its `catalog.json` is listed only when
/// something is there.
pub fn discover(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    list(dir, Catalog::IfPresent)
}

/// The data files of a project's data folder, in path order: as
/// [`discover`], but `catalog.json` is listed even when it is missing, so
/// the run reports `catalog-missing`.
pub fn discover_project(data: &Path) -> Result<Vec<PathBuf>, Error> {
    list(data, Catalog::Required)
}

/// The data files `paths` name: a file as it is, a folder searched with
/// [`discover`]. A folder named like a data file, or one holding none, is
/// an error.
pub fn files_of(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        if path.extension().is_some_and(|e| e == "json") {
            return Err(Error::FolderNotFile(path.clone()));
        }
        let found = discover(path)?;
        if found.is_empty() {
            return Err(Error::NoDataFiles(path.clone()));
        }
        files.extend(found);
    }
    Ok(files)
}

/// The files of the documents `ids` in the data folder `data`: each
/// `document.json` and its translations, in path order. An id with no file
/// there is an error.
pub fn select(data: &Path, ids: &[String]) -> Result<Vec<PathBuf>, Error> {
    let files = discover(data)?;
    if let Some(id) = ids.iter().find(|id| {
        !files
            .iter()
            .any(|f| folder_of(f).as_deref() == Some(id.as_str()))
    }) {
        return Err(Error::NoDocument {
            id: id.clone(),
            data: data.to_path_buf(),
        });
    }
    Ok(files
        .into_iter()
        .filter(|f| !is_catalog(f))
        .filter(|f| folder_of(f).is_some_and(|folder| ids.contains(&folder)))
        .collect())
}

/// The name of the document folder a data file is in.
fn folder_of(path: &Path) -> Option<String> {
    let folder = if is_translation(path) {
        path.parent().and_then(Path::parent)
    } else {
        path.parent()
    };
    folder
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
}

/// Whether something is at `path`: a file named like a data file that is a
/// FIFO, folder or broken link is still found, so reading it reports it
/// instead of passing over it in silence.
pub(super) fn exists(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// The data files under `dir`, in path order, with its `catalog.json` as
/// `catalog` says.
fn list(dir: &Path, catalog: Catalog) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(Error::read_folder(dir))?;
    let mut files = Vec::new();
    let catalog_file = dir.join(CATALOG_FILE);
    if catalog == Catalog::Required || exists(&catalog_file) {
        files.push(catalog_file);
    }
    for entry in entries {
        let folder = entry.map_err(Error::read_folder(dir))?.path();
        if !folder.is_dir() {
            continue;
        }
        let document = folder.join(DOCUMENT_FILE);
        if exists(&document) {
            files.push(document);
        }
        let translations = folder.join(TRANSLATIONS_DIR);
        if translations.is_dir() {
            translations_in(&translations, &mut files)?;
        }
    }
    files.sort();
    Ok(files)
}

/// Adds the `*.json` files of a `translations/` folder to `files`.
fn translations_in(folder: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = std::fs::read_dir(folder).map_err(Error::read_folder(folder))?;
    for entry in entries {
        let path = entry.map_err(Error::read_folder(folder))?.path();
        if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A data folder with one document, its translation and no catalog.
    fn data() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for file in ["x/document.json", "x/translations/fr.json"] {
            let path = dir.path().join(file);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::write(&path, "{}").unwrap_or_else(|e| panic!("{e}"));
        }
        dir
    }

    #[test]
    fn a_project_lists_its_missing_catalog_and_a_folder_does_not() {
        let dir = data();
        let files = [
            dir.path().join("x/document.json"),
            dir.path().join("x/translations/fr.json"),
        ];
        assert_eq!(discover(dir.path()).ok(), Some(files.to_vec()));
        let project = discover_project(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(project.first(), Some(&dir.path().join(CATALOG_FILE)));
        assert_eq!(project.get(1..), Some(&files[..]));
    }

    #[test]
    fn selecting_an_unknown_document_names_it() {
        let dir = data();
        let files = select(dir.path(), &["x".to_owned()]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(files.len(), 2);
        let error = select(dir.path(), &["x".to_owned(), "y".to_owned()]);
        assert!(
            matches!(&error, Err(Error::NoDocument { id, .. }) if id == "y"),
            "{error:?}"
        );
    }

    #[test]
    fn a_folder_named_like_a_file_or_holding_nothing_is_refused() {
        let dir = data();
        let json = dir.path().join("x.json");
        std::fs::create_dir(&json).unwrap_or_else(|e| panic!("{e}"));
        let error = files_of(&[json]);
        assert!(matches!(error, Err(Error::FolderNotFile(_))), "{error:?}");
        let error = files_of(&[dir.path().join("x/translations")]);
        assert!(matches!(error, Err(Error::NoDataFiles(_))), "{error:?}");
    }
}
