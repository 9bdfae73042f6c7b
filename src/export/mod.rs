//! Produces the exports portals ingest: one file per format behind the
//! [`Exporter`] trait, written atomically into `exports/` or compared with it.
//!
//! Registering a format is one line in [`EXPORTERS`].

mod json;
mod output;

use std::path::PathBuf;

pub use output::{Drift, check, write};

use crate::model::Document;

/// The base IRI exports use when none is given: a placeholder under the
/// reserved `example.org` domain (RFC 2606), to be replaced by the
/// publisher's with `--base-iri`.
pub const DEFAULT_BASE_IRI: &str = "https://example.org/initiative/";

/// What every exporter is given.
#[derive(Debug)]
pub struct Context<'a> {
    /// Every valid document, in id order.
    pub documents: &'a [Document],
    /// The IRI the exports are published under, ending in `/`.
    pub base_iri: &'a str,
}

/// One file an exporter produces, relative to the export folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// The path under the export folder, `/`-separated.
    pub path: PathBuf,
    /// The exact bytes.
    pub bytes: Vec<u8>,
}

/// The errors an export can meet.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Serializing a document failed.
    #[error("cannot serialize {what}: {source}")]
    Serialize {
        /// What was being serialized.
        what: String,
        /// Why.
        source: serde_json::Error,
    },
    /// Reading or writing the export folder failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A document id cannot be used as a file name.
    #[error("document id `{0}` cannot name an export file")]
    UnsafeId(String),
}

/// One export format.
pub trait Exporter: Sync {
    /// The format's name on the command line (`json`).
    fn name(&self) -> &'static str;
    /// Every file of this format for the documents in `context`.
    fn export(&self, context: &Context<'_>) -> Result<Vec<OutputFile>, Error>;
}

/// Every format, in the order they run.
pub const EXPORTERS: &[&dyn Exporter] = &[&json::Json];

/// Runs the exporters named in `formats` (all when empty) and returns their
/// files in path order.
pub fn render(context: &Context<'_>, formats: &[String]) -> Result<Vec<OutputFile>, Error> {
    let mut files = Vec::new();
    for exporter in EXPORTERS {
        if formats.is_empty() || formats.iter().any(|f| f == exporter.name()) {
            files.extend(exporter.export(context)?);
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// A file name for a document id. Ids are validated slugs, but the export
/// layer checks again so no path is ever built from an unchecked string.
pub fn file_stem(id: &str) -> Result<&str, Error> {
    let safe = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-');
    if safe {
        Ok(id)
    } else {
        Err(Error::UnsafeId(id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_slugs_become_file_names() {
        assert!(file_stem("hangzhou-initiative").is_ok());
        for id in ["", "../x", "a/b", "A", "con:", "-x", "a\\b"] {
            assert!(file_stem(id).is_err(), "{id}");
        }
    }
}
