//! Finds the project a command works on, as cargo finds its manifest: the
//! nearest folder, from the working directory up, that holds both `data/`
//! and `schema/`.
//!
//! Paths come back relative to the working directory (`data`, or
//! `../data` from a folder below the root), so messages name files the way
//! the user would type them.

use std::io;
use std::path::{Path, PathBuf};

/// The folder of a project that holds its data.
pub const DATA_DIR: &str = "data";
/// The folder of a project that holds the generated schemas.
pub const SCHEMA_DIR: &str = "schema";
/// The folder of a project that holds the exports.
pub const EXPORT_DIR: &str = "exports";

/// Why no project was found.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No folder from the start up to the file-system root holds `data/`
    /// and `schema/`.
    #[error(
        "no initiative project in {} or any folder above it (a project is a folder holding data/ and schema/); run the command from inside one",
        .0.display()
    )]
    NotFound(PathBuf),
    /// The working directory cannot be read.
    #[error("cannot read the current folder: {0}")]
    CurrentDir(#[source] io::Error),
}

/// A project: where its data, schemas and exports are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    /// The root, relative to the working directory (empty when it is the
    /// working directory).
    root: PathBuf,
    /// The root as an absolute path, for messages.
    absolute: PathBuf,
}

impl Project {
    /// The project holding the working directory.
    pub fn discover() -> Result<Self, Error> {
        let start = std::env::current_dir().map_err(Error::CurrentDir)?;
        Self::discover_from(&start)
    }

    /// The project holding `start`, an absolute folder.
    pub fn discover_from(start: &Path) -> Result<Self, Error> {
        let mut root = PathBuf::new();
        for folder in start.ancestors() {
            if is_root(folder) {
                return Ok(Self {
                    root,
                    absolute: folder.to_path_buf(),
                });
            }
            root.push("..");
        }
        Err(Error::NotFound(start.to_path_buf()))
    }

    /// The root, relative to the working directory (empty when it is the
    /// working directory).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The root as an absolute path.
    pub fn absolute(&self) -> &Path {
        &self.absolute
    }

    /// `data/` of the project.
    pub fn data(&self) -> PathBuf {
        self.root.join(DATA_DIR)
    }

    /// `schema/` of the project.
    pub fn schema(&self) -> PathBuf {
        self.root.join(SCHEMA_DIR)
    }

    /// `exports/` of the project.
    pub fn exports(&self) -> PathBuf {
        self.root.join(EXPORT_DIR)
    }
}

/// Whether `folder` holds `data/` and `schema/` as real folders (a
/// symbolic link to one does not make a project).
fn is_root(folder: &Path) -> bool {
    [DATA_DIR, SCHEMA_DIR].iter().all(|name| {
        folder
            .join(name)
            .symlink_metadata()
            .is_ok_and(|m| m.is_dir())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_is_found_from_below_and_named_relative_to_the_start() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for name in ["data/x/translations", "schema"] {
            std::fs::create_dir_all(dir.path().join(name)).unwrap_or_else(|e| panic!("{e}"));
        }
        let here = Project::discover_from(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(here.data(), Path::new("data"));
        let below = dir.path().join("data/x/translations");
        let project = Project::discover_from(&below).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(project.data(), Path::new("../../../data"));
        assert_eq!(project.exports(), Path::new("../../../exports"));
        assert_eq!(project.absolute(), dir.path());
    }

    #[test]
    fn a_folder_without_schema_is_not_a_project() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::create_dir_all(dir.path().join("data")).unwrap_or_else(|e| panic!("{e}"));
        let found = Project::discover_from(dir.path());
        assert!(matches!(found, Err(Error::NotFound(_))), "{found:?}");
    }
}
