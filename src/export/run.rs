//! One export run, streamed: documents go in a batch at a time, and every
//! file goes to a [`Sink`] as soon as it is made. What stays in memory is a
//! description of each file (path, size, SHA-256, [`FileInfo`]) for the
//! formats that describe files, so memory does not grow with the bytes
//! exported.
//!
//! Formats run in the order of their [`Role`]: a format sees the files of
//! every format of an earlier role, and only those. A run writes the
//! formats asked for and every format of a later role (they describe the
//! ones asked for); the others are still rendered, so the later ones can
//! describe them, but what they describe is what the destination holds
//! ([`Sink::existing`]), since those files stay as they are. The bytes are
//! the same whatever the batch size or thread count.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::Digest as _;

use super::{Context, Error, FileInfo, Format, FormatRun, OutputFile, Role, lower_hex, sha256_hex};
use crate::model::{Document, DocumentSummary};

/// What a format hands over.
#[derive(Debug)]
pub enum Piece {
    /// A whole file.
    File(OutputFile),
    /// The opening bytes of a file every document adds to (a CSV table),
    /// with what the file is; the file is complete when its format's last
    /// stage is done.
    Open(OutputFile),
    /// Bytes to add at the end of a file opened with [`Piece::Open`].
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
    /// What the file is.
    pub info: FileInfo,
}

impl FileMeta {
    /// What describes `file`.
    pub fn of(file: &OutputFile) -> Self {
        Self {
            path: file.path.clone(),
            size: file.bytes.len() as u64,
            sha256: file.sha256.clone(),
            info: file.info.clone(),
        }
    }

    /// The path with `/` separators, as every listing writes it.
    pub fn slash_path(&self) -> String {
        self.path.to_string_lossy().replace('\\', "/")
    }
}

/// Where the files of a run go: written, compared with disk, or kept.
pub trait Sink {
    /// Told once, before any file: the paths the run writes, as
    /// [`Format::owns`] gives them (`None`: the whole tree is the run's).
    fn writes(&mut self, _owned: Option<Vec<&'static str>>) {}
    /// Takes a whole file.
    fn file(&mut self, file: &OutputFile) -> Result<(), Error>;
    /// Starts a shared file with its first bytes.
    fn open(&mut self, file: &OutputFile) -> Result<(), Error>;
    /// Adds `bytes` at the end of the shared file at `path`, opened before.
    fn append(&mut self, path: &Path, bytes: &[u8]) -> Result<(), Error>;
    /// What the destination holds in place of `made`, a file of a format
    /// the run does not write (it stays as it is): its description, or
    /// `None` when there is no such file.
    fn existing(&mut self, made: &FileMeta) -> Result<Option<FileMeta>, Error>;
}

/// Where a file stands in export order: by format (in role order), then
/// stage (pieces before documents, per document, after), then document,
/// then the order the format made them in. DCAT and the checksums list
/// files in this order, so it does not depend on how documents were
/// batched.
type Order = (usize, u8, usize, usize);

/// A shared file being appended to.
struct Open {
    order: Order,
    path: PathBuf,
    info: FileInfo,
    hasher: sha2::Sha256,
    size: u64,
    /// Whether the tree gets the file as made, or keeps what it holds.
    standing: Standing,
}

/// Where a shared file of the tree comes from.
enum Standing {
    /// The run writes it.
    Made,
    /// The run leaves the destination's file as it is (`None`: there is
    /// none, so the tree has no such file).
    Kept(Option<FileMeta>),
}

impl Open {
    /// The file as it stands, or as the destination holds it.
    fn meta(&self) -> Option<FileMeta> {
        match &self.standing {
            Standing::Kept(kept) => kept.clone(),
            Standing::Made => Some(FileMeta {
                path: self.path.clone(),
                size: self.size,
                sha256: lower_hex(&self.hasher.clone().finalize()),
                info: self.info.clone(),
            }),
        }
    }
}

/// One format in a run.
struct Running<'a> {
    format: &'a dyn Format,
    run: Box<dyn FormatRun + 'a>,
    writes: bool,
}

/// An export run in progress.
pub struct Export<'a, S: Sink> {
    context: Context<'a>,
    formats: Vec<Running<'a>>,
    sink: S,
    files: Vec<(Order, FileMeta)>,
    open: Vec<Open>,
    open_index: HashMap<PathBuf, usize>,
    documents: usize,
}

/// The formats of `registry` a run writes when `named` are asked for (all
/// when empty): those, and every format of a later role than one of them.
pub fn closure<'a>(
    registry: &[&'a dyn Format],
    named: &[String],
) -> Result<Vec<&'a dyn Format>, Error> {
    for name in named {
        if !registry.iter().any(|f| f.name() == name) {
            return Err(Error::UnknownFormat(name.clone()));
        }
    }
    let asked = |f: &dyn Format| named.iter().any(|n| n == f.name());
    let earliest = registry
        .iter()
        .filter(|f| asked(**f))
        .map(|f| f.role())
        .min();
    Ok(registry
        .iter()
        .filter(|f| named.is_empty() || asked(**f) || earliest.is_some_and(|r| f.role() > r))
        .copied()
        .collect())
}

impl<'a, S: Sink> Export<'a, S> {
    /// Starts a run of `registry`'s formats that writes exactly those named
    /// in `formats` (all when empty; a run into a tree asks for a
    /// [`closure`]). The formats of an earlier role than one written run
    /// too, unwritten, so the written ones can describe them; the others
    /// do not run at all.
    pub fn new(
        context: Context<'a>,
        registry: &[&'a dyn Format],
        formats: &[String],
        mut sink: S,
    ) -> Result<Self, Error> {
        if let Some(unknown) = formats
            .iter()
            .find(|n| !registry.iter().any(|f| f.name() == *n))
        {
            return Err(Error::UnknownFormat(unknown.clone()));
        }
        let wanted = |f: &dyn Format| formats.is_empty() || formats.iter().any(|n| n == f.name());
        let latest = registry
            .iter()
            .filter(|f| wanted(**f))
            .map(|f| f.role())
            .max();
        let mut ordered: Vec<&'a dyn Format> = registry
            .iter()
            .filter(|f| wanted(**f) || latest.is_some_and(|r| f.role() < r))
            .copied()
            .collect();
        ordered.sort_by_key(|f| f.role());
        let whole = ordered.len() == registry.len() && ordered.iter().all(|f| wanted(*f));
        let written: Vec<&str> = ordered
            .iter()
            .filter(|f| wanted(**f))
            .map(|f| f.name())
            .collect();
        let formats: Vec<Running<'a>> = ordered
            .into_iter()
            .map(|format| Running {
                format,
                run: format.begin(),
                writes: written.contains(&format.name()),
            })
            .collect();
        sink.writes((!whole).then(|| {
            formats
                .iter()
                .filter(|f| f.writes)
                .flat_map(|f| f.format.owns().iter().copied())
                .collect()
        }));
        let mut run = Self {
            context,
            formats,
            sink,
            files: Vec::new(),
            open: Vec::new(),
            open_index: HashMap::new(),
            documents: 0,
        };
        for f in 0..run.formats.len() {
            let pieces = match run.formats.get_mut(f) {
                Some(format) => format.run.start(&run.context)?,
                None => Vec::new(),
            };
            run.take(f, 0, 0, pieces)?;
        }
        Ok(run)
    }

    /// Renders `documents` with every format in turn (each in parallel,
    /// `--jobs`) and hands their files to the sink in order.
    pub fn add(&mut self, documents: &[Document]) -> Result<(), Error> {
        let mut made: Vec<Vec<(Role, FileMeta)>> = vec![Vec::new(); documents.len()];
        for f in 0..self.formats.len() {
            let Some(role) = self.formats.get(f).map(|r| r.format.role()) else {
                continue;
            };
            let shared = self.shared_before(role);
            let seen: Vec<Vec<FileMeta>> = made
                .iter()
                .map(|own| {
                    let own = own
                        .iter()
                        .filter(|(r, _)| *r < role)
                        .map(|(_, m)| m.clone());
                    own.chain(shared.iter().cloned()).collect()
                })
                .collect();
            let pieces = match self.formats.get_mut(f) {
                Some(format) => format.run.batch(&self.context, documents, &seen)?,
                None => Vec::new(),
            };
            for (d, pieces) in pieces.into_iter().enumerate() {
                let metas = self.take(f, 1, self.documents + d, pieces)?;
                if let Some(own) = made.get_mut(d) {
                    own.extend(metas.into_iter().map(|m| (role, m)));
                }
            }
        }
        self.documents += documents.len();
        Ok(())
    }

    /// The shared files opened so far by formats of a role before `role`,
    /// as they stand.
    fn shared_before(&self, role: Role) -> Vec<FileMeta> {
        self.open
            .iter()
            .filter(|open| self.role_of(open.order.0) < role)
            .filter_map(Open::meta)
            .collect()
    }

    /// The role of the format at `f`.
    fn role_of(&self, f: usize) -> Role {
        self.formats
            .get(f)
            .map_or(Role::Checksums, |r| r.format.role())
    }

    /// Runs the formats' last stage (`documents`: a summary of each
    /// document; their texts are not needed), completes the shared files, and returns
    /// the sink with every file the run wrote, in path order, described.
    pub fn finish(mut self, documents: &[DocumentSummary]) -> Result<(S, Vec<FileMeta>), Error> {
        for f in 0..self.formats.len() {
            let files = self.files_for(f);
            let pieces = match self.formats.get_mut(f) {
                Some(format) => format.run.finish(&self.context, documents, &files)?,
                None => Vec::new(),
            };
            self.take(f, 2, 0, pieces)?;
            self.close(f);
        }
        let written: Vec<bool> = self.formats.iter().map(|f| f.writes).collect();
        let mut chosen: Vec<FileMeta> = self
            .files
            .into_iter()
            .filter(|((f, ..), _)| written.get(*f).copied().unwrap_or(false))
            .map(|(_, meta)| meta)
            .collect();
        chosen.sort_by(|a, b| a.path.cmp(&b.path));
        Ok((self.sink, chosen))
    }

    /// What format `f` sees at its last stage: the files of earlier roles
    /// and its own, with the shared ones as they stand, in export order.
    fn files_for(&self, f: usize) -> Vec<FileMeta> {
        let role = self.role_of(f);
        let sees = |g: usize| g == f || self.role_of(g) < role;
        let mut files: Vec<(Order, FileMeta)> = self
            .files
            .iter()
            .filter(|((g, ..), _)| sees(*g))
            .cloned()
            .collect();
        files.extend(
            self.open
                .iter()
                .filter(|open| sees(open.order.0))
                .filter_map(|open| open.meta().map(|meta| (open.order, meta))),
        );
        files.sort_by_key(|(order, _)| *order);
        files.into_iter().map(|(_, meta)| meta).collect()
    }

    /// Completes the shared files of format `f`.
    fn close(&mut self, f: usize) {
        let (done, still): (Vec<Open>, Vec<Open>) = std::mem::take(&mut self.open)
            .into_iter()
            .partition(|open| open.order.0 == f);
        self.files.extend(
            done.iter()
                .filter_map(|open| open.meta().map(|m| (open.order, m))),
        );
        self.open = still;
        self.open_index = (self.open.iter().enumerate())
            .map(|(i, open)| (open.path.clone(), i))
            .collect();
    }

    /// Records and hands over the pieces format `f` made at `stage` for
    /// document `index`; returns the descriptions of its whole files that
    /// are in the tree.
    fn take(
        &mut self,
        f: usize,
        stage: u8,
        index: usize,
        pieces: Vec<Piece>,
    ) -> Result<Vec<FileMeta>, Error> {
        let (format, writes) = match self.formats.get(f) {
            Some(running) => (running.format, running.writes),
            None => return Ok(Vec::new()),
        };
        let mut metas = Vec::new();
        for (seq, piece) in pieces.into_iter().enumerate() {
            let order = (f, stage, index, seq);
            match piece {
                Piece::File(mut file) => {
                    owned(format, &file.path)?;
                    if file.sha256.is_empty() {
                        file.sha256 = sha256_hex(&file.bytes);
                    }
                    let meta = if writes {
                        self.sink.file(&file)?;
                        Some(FileMeta::of(&file))
                    } else {
                        self.sink.existing(&FileMeta::of(&file))?
                    };
                    if let Some(meta) = meta {
                        metas.push(meta.clone());
                        self.files.push((order, meta));
                    }
                }
                Piece::Open(file) => self.open_file(order, writes, file)?,
                Piece::Append { path, bytes } => self.append(format, writes, &path, &bytes)?,
            }
        }
        Ok(metas)
    }

    /// Opens a shared file, at `order`, with its first bytes.
    fn open_file(&mut self, order: Order, writes: bool, file: OutputFile) -> Result<(), Error> {
        let Some(format) = self.formats.get(order.0).map(|r| r.format) else {
            return Ok(());
        };
        owned(format, &file.path)?;
        if self.open_index.contains_key(&file.path) {
            return Err(Error::Contract {
                format: format.name(),
                message: format!("opens {} twice", file.path.display()),
            });
        }
        let standing = if writes {
            Standing::Made
        } else {
            let mut meta = FileMeta::of(&file);
            meta.sha256 = sha256_hex(&file.bytes);
            Standing::Kept(self.sink.existing(&meta)?)
        };
        let mut open = Open {
            order,
            path: file.path.clone(),
            info: file.info.clone(),
            hasher: sha2::Sha256::new(),
            size: 0,
            standing,
        };
        open.hasher.update(&file.bytes);
        open.size = file.bytes.len() as u64;
        if writes {
            self.sink.open(&file)?;
        }
        self.open_index.insert(file.path, self.open.len());
        self.open.push(open);
        Ok(())
    }

    /// Adds bytes to a shared file opened before.
    fn append(
        &mut self,
        format: &dyn Format,
        writes: bool,
        path: &Path,
        bytes: &[u8],
    ) -> Result<(), Error> {
        let Some(open) = self
            .open_index
            .get(path)
            .and_then(|&i| self.open.get_mut(i))
        else {
            return Err(Error::Contract {
                format: format.name(),
                message: format!("appends to {} without opening it", path.display()),
            });
        };
        open.hasher.update(bytes);
        open.size += bytes.len() as u64;
        if writes {
            self.sink.append(path, bytes)?;
        }
        Ok(())
    }
}

/// Whether `path` is under one of the paths `format` owns; a file outside
/// them is a bug in the format, which a partial run could not replace.
fn owned(format: &dyn Format, path: &Path) -> Result<(), Error> {
    if super::is_owned(path, format.owns()) {
        Ok(())
    } else {
        Err(Error::Contract {
            format: format.name(),
            message: format!(
                "makes {}, outside the paths it owns ({})",
                path.display(),
                format.owns().join(", ")
            ),
        })
    }
}

/// A sink that keeps every file in memory, for [`super::render`]. It
/// stands for a tree that holds every format's files as the run makes them.
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

    fn open(&mut self, file: &OutputFile) -> Result<(), Error> {
        self.index.insert(file.path.clone(), self.files.len());
        self.files.push(file.clone());
        Ok(())
    }

    fn append(&mut self, path: &Path, bytes: &[u8]) -> Result<(), Error> {
        if let Some(file) = self.index.get(path).and_then(|&i| self.files.get_mut(i)) {
            file.bytes.extend_from_slice(bytes);
        }
        Ok(())
    }

    fn existing(&mut self, made: &FileMeta) -> Result<Option<FileMeta>, Error> {
        Ok(Some(made.clone()))
    }
}
