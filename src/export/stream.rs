//! One export run, streamed: documents go in a batch at a time, each
//! batch rendered in parallel, and every file goes to a [`Sink`] as soon as
//! it is made. What stays in memory is a line per file (path, size,
//! SHA-256) for the formats that describe files (the reading page, the Data
//! Package, DCAT, `SHA256SUMS`), so memory does not grow with the bytes
//! exported.
//!
//! A format contributes in three stages (see [`Exporter`]): pieces before
//! any document (a table's header), pieces per document (a file, or rows
//! appended to a shared table), and files after the last document. The
//! bytes are the same whatever the batch size or thread count.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::Digest as _;

use super::{Context, EXPORTERS, Error, Exporter, OutputFile, lower_hex, sha256_hex};
use crate::model::Document;

/// What an exporter hands over.
#[derive(Debug)]
pub enum Piece {
    /// A whole file.
    File(OutputFile),
    /// Bytes to add at the end of a file shared by every document (a CSV
    /// table); the file is complete when the run finishes.
    Append {
        /// The path under the export folder.
        path: PathBuf,
        /// The bytes to add.
        bytes: Vec<u8>,
    },
}

/// What the formats that describe files know of one: no bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileMeta {
    /// The path under the export folder, `/`-separated.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256 in lower-case hex.
    pub sha256: String,
}

impl FileMeta {
    /// What describes `file`.
    pub fn of(file: &OutputFile) -> Self {
        Self {
            path: file.path.clone(),
            size: file.bytes.len() as u64,
            sha256: file.sha256.clone(),
        }
    }
}

/// Where the files of a run go: written, compared with disk, or kept.
pub trait Sink {
    /// Takes a whole file.
    fn file(&mut self, file: &OutputFile) -> Result<(), Error>;
    /// Adds `bytes` at the end of the shared file at `path`, creating it on
    /// first use.
    fn append(&mut self, path: &Path, bytes: &[u8]) -> Result<(), Error>;
}

/// Where a file stands in export order: by format, then stage (pieces
/// before documents, per document, after), then document, then the order
/// the format made them in. DCAT and the checksums list files in this
/// order, so it does not depend on how documents were batched.
type Order = (usize, u8, usize, usize);

/// A shared file being appended to.
struct Open {
    order: Order,
    path: PathBuf,
    hasher: sha2::Sha256,
    size: u64,
}

impl Open {
    /// The file as it stands.
    fn meta(&self) -> FileMeta {
        FileMeta {
            path: self.path.clone(),
            size: self.size,
            sha256: lower_hex(&self.hasher.clone().finalize()),
        }
    }
}

/// An export run in progress.
pub struct Export<'a, S: Sink> {
    context: Context<'a>,
    /// For each format that runs: whether its files go to the sink.
    wanted: Vec<bool>,
    sink: S,
    files: Vec<(Order, FileMeta)>,
    open: Vec<Open>,
    open_index: HashMap<PathBuf, usize>,
    documents: usize,
}

impl<'a, S: Sink> Export<'a, S> {
    /// Starts a run of the formats named in `formats` (all when empty).
    /// Every format before the last one chosen runs too, so the files that
    /// describe others are the same whichever formats are written; the
    /// others' files are hashed but not handed to the sink.
    pub fn new(context: Context<'a>, formats: &[String], sink: S) -> Result<Self, Error> {
        let named = |exporter: &&dyn Exporter| formats.iter().any(|f| f == exporter.name());
        let last = if formats.is_empty() {
            EXPORTERS.len()
        } else {
            EXPORTERS.iter().rposition(&named).map_or(0, |i| i + 1)
        };
        let wanted = EXPORTERS
            .iter()
            .take(last)
            .map(|e| formats.is_empty() || named(e))
            .collect();
        let mut run = Self {
            context,
            wanted,
            sink,
            files: Vec::new(),
            open: Vec::new(),
            open_index: HashMap::new(),
            documents: 0,
        };
        for (e, exporter) in EXPORTERS.iter().take(run.wanted.len()).enumerate() {
            let pieces = exporter.start(&run.context)?;
            run.take(e, 0, 0, pieces)?;
        }
        Ok(run)
    }

    /// Renders `documents` (in parallel, `--jobs`) and hands their files
    /// to the sink in document order.
    pub fn add(&mut self, documents: &[Document]) -> Result<(), Error> {
        let formats = self.wanted.len();
        let context = &self.context;
        let rendered = documents
            .par_iter()
            .map(|document| {
                let mut all: Vec<Vec<Piece>> = Vec::with_capacity(formats);
                for exporter in EXPORTERS.iter().take(formats) {
                    let own: Vec<&OutputFile> = all
                        .iter()
                        .flatten()
                        .filter_map(|piece| match piece {
                            Piece::File(file) => Some(file),
                            Piece::Append { .. } => None,
                        })
                        .collect();
                    let mut pieces = exporter.document(context, document, &own)?;
                    for piece in &mut pieces {
                        if let Piece::File(file) = piece {
                            file.sha256 = sha256_hex(&file.bytes);
                        }
                    }
                    all.push(pieces);
                }
                Ok(all)
            })
            .collect::<Result<Vec<_>, Error>>()?;
        for per_format in rendered {
            let index = self.documents;
            self.documents += 1;
            for (e, pieces) in per_format.into_iter().enumerate() {
                self.take(e, 1, index, pieces)?;
            }
        }
        Ok(())
    }

    /// Runs the formats' last stage (`documents`: each document's metadata;
    /// their texts are not needed), completes the shared files, and returns
    /// the sink with every file of the run, in path order, described.
    pub fn finish(mut self, documents: &[Document]) -> Result<(S, Vec<FileMeta>), Error> {
        let context = Context {
            documents,
            ..self.context.clone()
        };
        for (e, exporter) in EXPORTERS.iter().take(self.wanted.len()).enumerate() {
            // A shared file still open is described as it stands; it is
            // complete after the last pieces of the format it belongs to.
            let mut before: Vec<(Order, FileMeta)> = self.files.clone();
            before.extend(self.open.iter().map(|open| (open.order, open.meta())));
            before.sort_by_key(|(order, _)| *order);
            let before: Vec<FileMeta> = before.into_iter().map(|(_, meta)| meta).collect();
            let pieces = exporter.finish(&context, &before)?;
            self.take(e, 2, 0, pieces)?;
            let (done, still): (Vec<Open>, Vec<Open>) = std::mem::take(&mut self.open)
                .into_iter()
                .partition(|open| open.order.0 <= e);
            self.files
                .extend(done.iter().map(|open| (open.order, open.meta())));
            self.open = still;
            self.open_index = (self.open.iter().enumerate())
                .map(|(i, open)| (open.path.clone(), i))
                .collect();
        }
        let wanted = &self.wanted;
        let mut chosen: Vec<FileMeta> = self
            .files
            .into_iter()
            .filter(|((e, ..), _)| wanted.get(*e).copied().unwrap_or(false))
            .map(|(_, meta)| meta)
            .collect();
        chosen.sort_by(|a, b| a.path.cmp(&b.path));
        Ok((self.sink, chosen))
    }

    /// Records and hands over the pieces format `e` made at `stage` for
    /// document `index`.
    fn take(&mut self, e: usize, stage: u8, index: usize, pieces: Vec<Piece>) -> Result<(), Error> {
        let wanted = self.wanted.get(e).copied().unwrap_or(false);
        for (seq, piece) in pieces.into_iter().enumerate() {
            match piece {
                Piece::File(mut file) => {
                    if file.sha256.is_empty() {
                        file.sha256 = sha256_hex(&file.bytes);
                    }
                    if wanted {
                        self.sink.file(&file)?;
                    }
                    self.files
                        .push(((e, stage, index, seq), FileMeta::of(&file)));
                }
                Piece::Append { path, bytes } => {
                    let slot = if let Some(&slot) = self.open_index.get(&path) {
                        slot
                    } else {
                        self.open.push(Open {
                            order: (e, 0, 0, self.open.len()),
                            path: path.clone(),
                            hasher: sha2::Sha256::new(),
                            size: 0,
                        });
                        self.open_index.insert(path.clone(), self.open.len() - 1);
                        self.open.len() - 1
                    };
                    if let Some(open) = self.open.get_mut(slot) {
                        open.hasher.update(&bytes);
                        open.size += bytes.len() as u64;
                    }
                    if wanted {
                        self.sink.append(&path, &bytes)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// A sink that keeps every file in memory, for [`super::render`].
#[derive(Debug, Default)]
pub struct Memory {
    files: Vec<OutputFile>,
    index: HashMap<PathBuf, usize>,
}

impl Memory {
    /// The files, in path order, with the SHA-256 the run computed
    /// (`described`: what [`Export::finish`] returns).
    pub fn into_files(self, described: &[FileMeta]) -> Vec<OutputFile> {
        let hashes: HashMap<&Path, &str> = described
            .iter()
            .map(|meta| (meta.path.as_path(), meta.sha256.as_str()))
            .collect();
        let mut files = self.files;
        for file in &mut files {
            if file.sha256.is_empty() {
                file.sha256 = hashes
                    .get(file.path.as_path())
                    .map_or_else(|| sha256_hex(&file.bytes), |hash| (*hash).to_owned());
            }
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Memory {
    fn file(&mut self, file: &OutputFile) -> Result<(), Error> {
        self.files.push(file.clone());
        Ok(())
    }

    fn append(&mut self, path: &Path, bytes: &[u8]) -> Result<(), Error> {
        let slot = if let Some(&slot) = self.index.get(path) {
            slot
        } else {
            self.files.push(OutputFile {
                path: path.to_path_buf(),
                bytes: Vec::new(),
                sha256: String::new(),
            });
            self.index.insert(path.to_path_buf(), self.files.len() - 1);
            self.files.len() - 1
        };
        if let Some(file) = self.files.get_mut(slot) {
            file.bytes.extend_from_slice(bytes);
        }
        Ok(())
    }
}
