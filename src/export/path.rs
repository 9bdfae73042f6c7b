//! Owns [`ExportPath`], the path of a file under the export folder: `/`
//! separated by construction, whatever the platform, so listings
//! (`SHA256SUMS`, DCAT, the Data Package) write it as it is.

use std::cmp::Ordering;
use std::fmt;
use std::path::{Path, PathBuf};

use super::Error;

/// A relative path under the export folder (`csv/documents.csv`). Every
/// part is a plain name: not empty, not `.` or `..`, without `/`, `\` or
/// NUL. It orders as [`Path`] does, part by part, so `csv/x.csv` comes
/// before `csv-metadata.json`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExportPath(String);

impl ExportPath {
    /// The path `text`, its parts separated by `/`.
    ///
    /// # Errors
    /// [`Error::UnsafePath`] when a part is not a plain name.
    pub fn new(text: &str) -> Result<Self, Error> {
        if text.split('/').all(is_plain_name) {
            Ok(Self(text.to_owned()))
        } else {
            Err(Error::UnsafePath(text.to_owned()))
        }
    }

    /// This path with `name` (one plain name) added at the end.
    ///
    /// # Errors
    /// [`Error::UnsafePath`] when `name` is not a plain name.
    pub fn join(&self, name: &str) -> Result<Self, Error> {
        if is_plain_name(name) {
            Ok(Self(format!("{}/{name}", self.0)))
        } else {
            Err(Error::UnsafePath(format!("{}/{name}", self.0)))
        }
    }

    /// The path as written in listings, `/`-separated.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its parts, in order.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        self.0.split('/')
    }

    /// The file's path under the folder `root`.
    pub fn under(&self, root: &Path) -> PathBuf {
        let mut path = root.to_path_buf();
        path.extend(self.parts());
        path
    }

    /// The path relative to the export folder, for the file system.
    pub fn to_path_buf(&self) -> PathBuf {
        self.parts().collect()
    }

    /// Whether the path is `owned`, or under it when `owned` ends in `/`
    /// (as [`super::Format::owns`] lists them).
    pub fn is_under(&self, owned: &str) -> bool {
        self.0 == owned || (owned.ends_with('/') && self.0.starts_with(owned))
    }
}

/// Whether `part` can be one part of an export path.
fn is_plain_name(part: &str) -> bool {
    !part.is_empty() && part != "." && part != ".." && !part.contains(['/', '\\', '\0'])
}

impl fmt::Display for ExportPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Ord for ExportPath {
    fn cmp(&self, other: &Self) -> Ordering {
        self.parts().cmp(other.parts())
    }
}

impl PartialOrd for ExportPath {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_make_a_path() {
        assert!(ExportPath::new("csv/documents.csv").is_ok());
        for bad in ["", "/x", "x/", "a//b", "../x", "a/./b", "a\\b", "a\0b"] {
            assert!(ExportPath::new(bad).is_err(), "{bad:?}");
        }
        let csv = ExportPath::new("csv").unwrap_or_else(|e| panic!("{e}"));
        assert!(csv.join("a/b").is_err());
        assert!(csv.join("..").is_err());
    }

    #[test]
    fn paths_order_part_by_part_as_the_file_system_does() {
        let path = |text| ExportPath::new(text).unwrap_or_else(|e| panic!("{e}"));
        let mut paths = [path("csv-metadata.json"), path("csv/x.csv"), path("csv")];
        paths.sort();
        let mut expected: Vec<PathBuf> = paths.iter().map(ExportPath::to_path_buf).collect();
        expected.sort();
        let sorted: Vec<PathBuf> = paths.iter().map(ExportPath::to_path_buf).collect();
        assert_eq!(sorted, expected);
        assert_eq!(paths[1].as_str(), "csv/x.csv");
    }
}
