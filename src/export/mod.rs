//! Produces the exports portals ingest: one file per format behind the
//! [`DocumentFormat`] trait, written atomically into `exports/` or compared with it.
//!
//! Registering a format is one line in [`formats::SHIPPED`].

pub mod formats;
pub(crate) mod iri;
mod path;
mod run;
mod tree;

use std::path::PathBuf;

pub use path::ExportPath;
pub use run::{ExportRun, FileMeta, Memory, Output, Sink, closure};
pub use tree::{
    Action, Disk, Drift, EXPORT_EXTRA, EXPORT_MISSING, EXPORT_STALE, Held, LockWait, MARKER, check,
    hold, marker, write,
};

use crate::model::{Catalog, Document, DocumentSummary, Iri};

/// The base IRI exports use when none is given: a placeholder under the
/// reserved `example.org` domain (RFC 2606), to be replaced by the
/// publisher's with `--base-iri`.
pub const DEFAULT_BASE_IRI: &str = crate::model::iri::DEFAULT_BASE;

/// What every exporter is given.
#[derive(Clone, Debug)]
pub struct Context<'a> {
    /// The publisher's catalog record (`data/catalog.json`), when there is one.
    pub catalog: Option<&'a Catalog>,
    /// The IRI the exports are published under, ending in `/`.
    pub base_iri: &'a Iri,
    /// Whether CSV files start with a UTF-8 byte order mark.
    pub csv_bom: bool,
    /// Whether CSV cells that a spreadsheet would run as a formula get a
    /// leading `'` (off by default: the data is kept verbatim).
    pub csv_excel_safe: bool,
    /// When the exports were made (RFC 3339, UTC), from `SOURCE_DATE_EPOCH`;
    /// without it no export carries a time that is not in the data.
    pub created: Option<String>,
}

impl<'a> Context<'a> {
    /// The IRI of the licence the catalog names, if it names one: every
    /// export that can state a licence states this one, and none other.
    pub fn license(&self) -> Option<&'a str> {
        self.catalog.and_then(|c| c.license.as_deref())
    }
}

/// One file an exporter produces, relative to the export folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// The path under the export folder.
    pub path: ExportPath,
    /// The exact bytes.
    pub bytes: Vec<u8>,
    /// Their SHA-256 in lower-case hex, filled in once by the run (see
    /// [`ExportRun`]) so the formats that list checksums do not hash the same
    /// bytes again; `None` in a file a format has just made.
    pub sha256: Option<String>,
    /// What the file is, for the formats that describe files.
    pub info: FileInfo,
}

impl OutputFile {
    /// A file just made, not yet hashed.
    pub fn new(path: ExportPath, bytes: Vec<u8>, info: FileInfo) -> Self {
        Self {
            path,
            bytes,
            sha256: None,
            info,
        }
    }

    /// The SHA-256 of its bytes in lower-case hex, computed unless known.
    pub fn sha256(&self) -> String {
        match &self.sha256 {
            Some(hash) => hash.clone(),
            None => sha256_hex(&self.bytes),
        }
    }
}

/// What a file says about itself, so that the formats that list files (the
/// reading page, DCAT, `SHA256SUMS`) never guess from its path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileInfo {
    /// The name of the format that made it (`json`).
    pub format: &'static str,
    /// Its IANA media type (`application/json`).
    pub media_type: &'static str,
    /// Its type in the EU file-type authority list (`JSON`), as DCAT-AP
    /// names formats.
    pub file_type: &'static str,
    /// Which documents it holds.
    pub scope: Scope,
    /// The one language it is in, where it has one (an Akoma Ntoso
    /// expression).
    pub language: Option<crate::model::Language>,
    /// One line saying what it holds, in English.
    pub description: String,
    /// The IRIs of the standards or schemas it conforms to.
    pub conforms_to: Vec<String>,
}

impl FileInfo {
    /// A file of `format` with no language and no standard named yet.
    pub fn new(
        format: &'static str,
        (media_type, file_type): (&'static str, &'static str),
        scope: Scope,
        description: impl Into<String>,
    ) -> Self {
        Self {
            format,
            media_type,
            file_type,
            scope,
            language: None,
            description: description.into(),
            conforms_to: Vec::new(),
        }
    }

    /// The same, conforming to `standards`.
    #[must_use]
    pub fn conforming(mut self, standards: &[&str]) -> Self {
        self.conforms_to = standards.iter().map(|s| (*s).to_owned()).collect();
        self
    }

    /// The same, in `language`.
    #[must_use]
    pub fn in_language(mut self, language: crate::model::Language) -> Self {
        self.language = Some(language);
        self
    }
}

/// Which documents a file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One document (by id): a distribution of that document's dataset.
    Document(String),
    /// Every document (a CSV table): a distribution of every dataset.
    Corpus,
    /// The files themselves (an index, a checksum list, the catalog
    /// record): no dataset's distribution.
    Catalog,
}

/// What a format builds on, which sets the order formats run in and which
/// files each sees: a format sees the files of every format of an earlier
/// role, and is rewritten whenever one of them is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Made from the documents alone (JSON, CSV, XML, …).
    Data,
    /// Links each document to its data files (the JSON-LD, which lists
    /// them as the document's encodings).
    Linked,
    /// Describes each document's data files (the reading page).
    Page,
    /// Describes every data file and page (the DCAT-AP record).
    Record,
    /// Lists every file, the record's included (`SHA256SUMS`).
    Checksums,
}

/// The errors an export can meet.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An IRI of the catalog is not one the exports can write (the
    /// `catalog-iri` rule reports it first, so a checked run never sees it).
    #[error("the catalog's {0}")]
    Iri(crate::model::IriError),
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
    /// Building the `SQLite` database failed.
    #[error("cannot build the SQLite database ({what}): {source}")]
    Sqlite {
        /// The step that failed.
        what: &'static str,
        /// Why.
        source: rusqlite::Error,
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
        "the DCAT-AP export needs a valid catalog (data/catalog.json): it takes the publisher, contact point and dataset descriptions from it"
    )]
    NoCatalog,
    /// The destination is not the tool's to replace.
    #[error(
        "refusing to write {}: {reason}",
        path.display()
    )]
    NotOwned {
        /// The destination (or its lock file).
        path: PathBuf,
        /// What it is instead.
        reason: String,
    },
    /// Another run held the destination's lock for longer than allowed.
    #[error(
        "another run holds {}: gave up after {seconds} s (--lock-timeout)",
        path.display()
    )]
    LockTimeout {
        /// The lock file.
        path: PathBuf,
        /// How long the run waited.
        seconds: f64,
    },
    /// No format of that name is registered.
    #[error("there is no export format `{0}`")]
    UnknownFormat(String),
    /// A format broke the contract every format keeps (a bug in it).
    #[error("export format `{format}` {message}")]
    Contract {
        /// The format.
        format: &'static str,
        /// What it did.
        message: String,
    },
    /// A path a format made is not a plain relative path.
    #[error("`{0}` cannot be a path under the export folder")]
    UnsafePath(String),
    /// A publication time is not an RFC 3339 date-time.
    #[error("`{0}` is not an RFC 3339 date-time")]
    Timestamp(String),
    /// A document id cannot be used as a file name.
    #[error("document id `{0}` cannot name an export file")]
    UnsafeId(String),
}

/// One export format, as the run sees it: what it is called, what it
/// builds on, which paths it owns, and a run object that may hold state
/// across the documents (a database, say). A format that renders each
/// document on its own implements [`DocumentFormat`] instead, and gets this for
/// free.
pub trait Format: Sync {
    /// The format's name on the command line (`json`).
    fn name(&self) -> &'static str;
    /// What it builds on (see [`Role`]).
    fn role(&self) -> Role;
    /// The paths under the export folder it writes: folders (`json/`) or
    /// files (`SHA256SUMS`). A run that writes this format replaces
    /// exactly these, and every file it makes must be under one of them.
    fn owns(&self) -> &'static [&'static str];
    /// Starts the format's part of one run.
    fn begin(&self) -> Box<dyn FormatRun + '_>;
}

/// A format's part of one run: `start`, then `batch` for every batch of
/// documents in order, then `finish`.
pub trait FormatRun {
    /// Outputs before any document: a shared file's opening.
    fn start(&mut self, context: &Context<'_>) -> Result<Vec<Output>, Error>;
    /// The outputs of each document of a batch, in order. `seen[i]`
    /// describes document `i`'s files made by the formats of earlier
    /// roles, and the shared files opened so far.
    fn batch(
        &mut self,
        context: &Context<'_>,
        documents: &[Document],
        seen: &[Vec<FileMeta>],
    ) -> Result<Vec<Vec<Output>>, Error>;
    /// Outputs after the last document. `documents` summarizes every
    /// document of the run, in order; `files` describes every file of the
    /// formats of earlier roles, and this format's own as they stand, in
    /// export order.
    fn finish(
        &mut self,
        context: &Context<'_>,
        documents: &[DocumentSummary],
        files: &[&FileMeta],
    ) -> Result<Vec<Output>, Error>;
}

/// A format that renders each document on its own, in parallel. Each stage
/// has a default that contributes nothing.
pub trait DocumentFormat: Sync {
    /// The format's name on the command line (`json`).
    fn name(&self) -> &'static str;
    /// What it builds on (see [`Role`]).
    fn role(&self) -> Role {
        Role::Data
    }
    /// The paths it owns (see [`Format::owns`]).
    fn owns(&self) -> &'static [&'static str];
    /// Outputs before any document: the opening of a shared file.
    fn start(&self, _context: &Context<'_>) -> Result<Vec<Output>, Error> {
        Ok(Vec::new())
    }
    /// The outputs of one document: its files, or its rows of a shared
    /// file. `seen` is as in [`FormatRun::batch`].
    fn document(
        &self,
        _context: &Context<'_>,
        _document: &Document,
        _seen: &[FileMeta],
    ) -> Result<Vec<Output>, Error> {
        Ok(Vec::new())
    }
    /// Outputs after the last document (see [`FormatRun::finish`]).
    fn finish(
        &self,
        _context: &Context<'_>,
        _documents: &[DocumentSummary],
        _files: &[&FileMeta],
    ) -> Result<Vec<Output>, Error> {
        Ok(Vec::new())
    }
}

impl<E: DocumentFormat> Format for E {
    fn name(&self) -> &'static str {
        DocumentFormat::name(self)
    }
    fn role(&self) -> Role {
        DocumentFormat::role(self)
    }
    fn owns(&self) -> &'static [&'static str] {
        DocumentFormat::owns(self)
    }
    fn begin(&self) -> Box<dyn FormatRun + '_> {
        Box::new(DocumentFormatRun(self))
    }
}

/// The run of an [`DocumentFormat`]: no state, documents rendered in parallel.
struct DocumentFormatRun<'e, E>(&'e E);

impl<E: DocumentFormat> FormatRun for DocumentFormatRun<'_, E> {
    fn start(&mut self, context: &Context<'_>) -> Result<Vec<Output>, Error> {
        self.0.start(context)
    }

    fn batch(
        &mut self,
        context: &Context<'_>,
        documents: &[Document],
        seen: &[Vec<FileMeta>],
    ) -> Result<Vec<Vec<Output>>, Error> {
        use rayon::prelude::*;
        let exporter = self.0;
        documents
            .par_iter()
            .zip(seen)
            .map(|(document, seen)| exporter.document(context, document, seen))
            .collect()
    }

    fn finish(
        &mut self,
        context: &Context<'_>,
        documents: &[DocumentSummary],
        files: &[&FileMeta],
    ) -> Result<Vec<Output>, Error> {
        self.0.finish(context, documents, files)
    }
}

/// The shipped formats, to add a format of one's own to.
pub fn shipped_formats() -> Vec<&'static dyn Format> {
    formats::SHIPPED.to_vec()
}

/// How many documents a run renders at once: enough to keep every core
/// busy, few enough that memory does not grow with the corpus.
pub fn batch_size() -> usize {
    (rayon::current_num_threads() * 8).max(16)
}

/// Runs the formats over `documents` in memory and returns the files of
/// those named in `formats` (all when empty) in path order: the same run as
/// a streamed build, kept in memory. The formats of earlier roles than one
/// named run too, so the files that describe others (the reading page,
/// DCAT, checksums) describe them as a full run would.
pub fn render(
    context: &Context<'_>,
    documents: &[Document],
    formats: &[String],
) -> Result<Vec<OutputFile>, Error> {
    render_with(formats::SHIPPED, context, documents, formats)
}

/// [`render`] with the formats of `registry`: the shipped ones and one's
/// own (see [`formats`]).
pub fn render_with(
    registry: &[&dyn Format],
    context: &Context<'_>,
    documents: &[Document],
    formats: &[String],
) -> Result<Vec<OutputFile>, Error> {
    let mut run = ExportRun::new(context.clone(), registry, formats, Memory::default())?;
    for batch in documents.chunks(batch_size()) {
        run.add(batch)?;
    }
    let summaries: Vec<DocumentSummary> = documents.iter().map(DocumentSummary::from).collect();
    let (memory, files) = run.finish(&summaries)?;
    let mut files = memory.into_files(&files);
    if !formats.is_empty() {
        files.retain(|file| formats.iter().any(|f| f == file.info.format));
    }
    Ok(files)
}

/// The SHA-256 digest of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    lower_hex(&sha2::Sha256::digest(bytes))
}

/// `bytes` in lower-case hex.
pub(crate) fn lower_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut hex, byte| {
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
