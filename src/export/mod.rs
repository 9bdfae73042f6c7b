//! Produces the exports portals ingest: one file per format behind the
//! [`Exporter`] trait, written atomically into `exports/` or compared with it.
//!
//! Registering a format is one line in [`EXPORTERS`].

mod akn;
mod csv;
mod csvw;
mod datapackage;
mod dcat;
mod html;
mod json;
mod jsonld;
mod output;
mod rdf;
mod sums;
mod tables;
mod xml;

use std::path::PathBuf;

use rayon::prelude::*;

pub use output::{Drift, check, tidy, write};

use crate::model::{Catalog, Document};

/// The base IRI exports use when none is given: a placeholder under the
/// reserved `example.org` domain (RFC 2606), to be replaced by the
/// publisher's with `--base-iri`.
pub const DEFAULT_BASE_IRI: &str = "https://example.org/initiative/";

/// What every exporter is given.
#[derive(Debug)]
pub struct Context<'a> {
    /// Every valid document, in id order.
    pub documents: &'a [Document],
    /// The publisher's catalog record (`data/catalog.json`), when there is one.
    pub catalog: Option<&'a Catalog>,
    /// The IRI the exports are published under, ending in `/`.
    pub base_iri: &'a str,
    /// Whether CSV files start with a UTF-8 byte order mark.
    pub csv_bom: bool,
    /// Whether CSV cells that a spreadsheet would run as a formula get a
    /// leading `'` (off by default: the data is kept verbatim).
    pub csv_excel_safe: bool,
    /// When the exports were made (RFC 3339, UTC), from `SOURCE_DATE_EPOCH`;
    /// without it no export carries a time that is not in the data.
    pub created: Option<String>,
}

/// One file an exporter produces, relative to the export folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// The path under the export folder, `/`-separated.
    pub path: PathBuf,
    /// The exact bytes.
    pub bytes: Vec<u8>,
    /// Their SHA-256 in lower-case hex, filled in once by [`render`] so
    /// the formats that list checksums do not hash the same bytes again.
    pub sha256: String,
}

impl OutputFile {
    /// The SHA-256 of the bytes in lower-case hex: the one [`render`]
    /// filled in, or computed now.
    pub fn digest(&self) -> std::borrow::Cow<'_, str> {
        if self.sha256.is_empty() {
            sha256_hex(&self.bytes).into()
        } else {
            self.sha256.as_str().into()
        }
    }
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
    /// Writing a CSV table failed.
    #[error("cannot write table {table}: {source}")]
    Csv {
        /// The table.
        table: &'static str,
        /// Why.
        source: ::csv::Error,
    },
    /// Writing a document as XML failed.
    #[error("cannot write {what} as XML: {source}")]
    Xml {
        /// The document.
        what: String,
        /// Why.
        source: std::io::Error,
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
    /// A language has no ISO 639-3 code, which Akoma Ntoso and DCAT need.
    #[error(
        "language `{0}` has no ISO 639-3 code, which Akoma Ntoso and DCAT-AP identify languages by"
    )]
    NoIso639(String),
    /// The DCAT-AP record needs `data/catalog.json`.
    #[error(
        "data/catalog.json is missing or invalid: the DCAT-AP export takes the publisher, contact point and dataset descriptions from it"
    )]
    NoCatalog,
    /// A document id cannot be used as a file name.
    #[error("document id `{0}` cannot name an export file")]
    UnsafeId(String),
}

/// One export format.
pub trait Exporter: Sync {
    /// The format's name on the command line (`json`).
    fn name(&self) -> &'static str;
    /// Every file of this format for the documents in `context`. `earlier`
    /// holds the files of the formats before it in [`EXPORTERS`], so a
    /// format that describes files (DCAT, checksums) sees their bytes.
    fn export(
        &self,
        context: &Context<'_>,
        earlier: &[OutputFile],
    ) -> Result<Vec<OutputFile>, Error>;
}

/// Every format, in the order they run.
pub const EXPORTERS: &[&dyn Exporter] = &[
    &json::Json,
    &csv::Csv,
    &xml::Xml,
    &jsonld::JsonLd,
    &akn::AkomaNtoso,
    &html::Html,
    &dcat::Dcat,
    &sums::Sums,
];

/// Runs the exporters and returns the files of those named in `formats`
/// (all when empty) in path order. Every format before the last one chosen
/// is rendered too, so the files that describe others (the reading page,
/// DCAT, checksums) are the same whichever formats are written; formats
/// after it cannot matter and are skipped.
pub fn render(context: &Context<'_>, formats: &[String]) -> Result<Vec<OutputFile>, Error> {
    let wanted = |exporter: &&dyn Exporter| formats.iter().any(|f| f == exporter.name());
    let last = if formats.is_empty() {
        EXPORTERS.len()
    } else {
        EXPORTERS.iter().rposition(&wanted).map_or(0, |i| i + 1)
    };
    let mut all = Vec::new();
    let mut keep = Vec::new();
    for exporter in EXPORTERS.iter().take(last) {
        let mut files = exporter.export(context, &all)?;
        files
            .par_iter_mut()
            .filter(|f| f.sha256.is_empty())
            .for_each(|f| f.sha256 = sha256_hex(&f.bytes));
        let wanted = formats.is_empty() || wanted(exporter);
        keep.extend(std::iter::repeat_n(wanted, files.len()));
        all.extend(files);
    }
    let mut chosen: Vec<OutputFile> = all
        .into_iter()
        .zip(keep)
        .filter_map(|(file, wanted)| wanted.then_some(file))
        .collect();
    chosen.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(chosen)
}

/// One file per document, `<folder>/<document-id>.<extension>`, with the
/// bytes `render` makes of it.
fn per_document(
    context: &Context<'_>,
    folder: &str,
    extension: &str,
    render: impl Fn(&Document, &str) -> Result<Vec<u8>, Error> + Sync,
) -> Result<Vec<OutputFile>, Error> {
    // One document per task (`--jobs`); the order of the result is the
    // documents' order whatever the thread count.
    context
        .documents
        .par_iter()
        .map(|document| {
            let stem = file_stem(document.id.as_str())?;
            Ok(OutputFile {
                path: PathBuf::from(folder).join(format!("{stem}.{extension}")),
                bytes: render(document, stem)?,
                sha256: String::new(),
            })
        })
        .collect()
}

/// Sets `key` on a JSON object built by an exporter (a no-op on anything
/// else, which the exporters never pass).
fn set(object: &mut serde_json::Value, key: &str, value: serde_json::Value) {
    if let Some(map) = object.as_object_mut() {
        map.insert(key.to_owned(), value);
    }
}

/// Pretty JSON with a final newline, the form of every JSON export.
fn to_json_bytes(value: &impl serde::Serialize, what: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|source| Error::Serialize {
        what: what.to_owned(),
        source,
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The SHA-256 digest of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    use std::fmt::Write as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// A file name for a document id. Ids are validated slugs, but the export
/// layer checks again so no path is ever built from an unchecked string.
pub fn file_stem(id: &str) -> Result<&str, Error> {
    let safe = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !crate::validate::rules::RESERVED_NAMES.contains(&id);
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
        for id in ["", "../x", "a/b", "A", "con:", "-x", "a\\b", "con", "lpt1"] {
            assert!(file_stem(id).is_err(), "{id}");
        }
    }

    #[test]
    fn sha256_is_lower_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
