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

use sha2::Digest as _;

use super::{
    Context, Error, ExportPath, FileInfo, Format, FormatRun, OutputFile, Role, lower_hex,
    sha256_hex,
};
use crate::model::{Document, DocumentSummary};

/// What a format hands over.
#[derive(Debug)]
pub enum Output {
    /// A whole file.
    File(OutputFile),
    /// The opening bytes of a file every document adds to (a CSV table),
    /// with what the file is; the file is complete when its format's last
    /// stage is done.
    Open(OutputFile),
    /// Bytes to add at the end of a file opened with [`Output::Open`].
    Append {
        /// The path under the export folder.
        path: ExportPath,
        /// The bytes to add.
        bytes: Vec<u8>,
    },
    /// A file on disk to add at the end of a file opened with
    /// [`Output::Open`] (a database built in a temporary folder): read a
    /// block at a time, so memory never holds it whole.
    AppendFrom {
        /// The path under the export folder.
        path: ExportPath,
        /// The file to read, from its start.
        source: std::fs::File,
        /// The temporary folder the file is in, removed once it is read.
        folder: tempfile::TempDir,
    },
}

/// How much of a file [`Output::AppendFrom`] hands over at a time.
const SPOOL_BLOCK: usize = 1 << 20;

/// What the formats that describe files know of one: no bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileMeta {
    /// The path under the export folder.
    pub path: ExportPath,
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
            sha256: file.sha256(),
            info: file.info.clone(),
        }
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
    fn append(&mut self, path: &ExportPath, bytes: &[u8]) -> Result<(), Error>;
    /// What the destination holds in place of `made`, a file of a format
    /// the run does not write (it stays as it is): its description, or
    /// `None` when there is no such file.
    fn existing(&mut self, made: &FileMeta) -> Result<Option<FileMeta>, Error>;
}

/// Where a file stands in export order: by format (in role order), then
/// stage, then the order the format made them in. DCAT and the checksums
/// list files in this order, so it does not depend on how documents were
/// batched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Position {
    /// The format's place in the run.
    format: usize,
    /// The stage that made the file.
    stage: Stage,
    /// The file's place among what the format made at that stage.
    sequence: usize,
}

/// A stage of a format's run, in the order they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    /// [`FormatRun::start`], before any document.
    Start,
    /// [`FormatRun::batch`], for the document at this index of the run.
    Document(usize),
    /// [`FormatRun::finish`], after the last document.
    Finish,
}

/// A shared file being appended to.
struct Open {
    position: Position,
    path: ExportPath,
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
pub struct ExportRun<'a, S: Sink> {
    context: Context<'a>,
    formats: Vec<Running<'a>>,
    sink: S,
    files: Vec<(Position, FileMeta)>,
    open: Vec<Open>,
    open_index: HashMap<ExportPath, usize>,
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

impl<'a, S: Sink> ExportRun<'a, S> {
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
            let outputs = match run.formats.get_mut(f) {
                Some(format) => format.run.start(&run.context)?,
                None => Vec::new(),
            };
            run.take(f, Stage::Start, outputs)?;
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
            let outputs = match self.formats.get_mut(f) {
                Some(format) => format.run.batch(&self.context, documents, &seen)?,
                None => Vec::new(),
            };
            for (d, outputs) in outputs.into_iter().enumerate() {
                let metas = self.take(f, Stage::Document(self.documents + d), outputs)?;
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
            .filter(|open| self.role_of(open.position.format) < role)
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
        let roles: Vec<Role> = (0..self.formats.len()).map(|g| self.role_of(g)).collect();
        for (f, &role) in roles.iter().enumerate() {
            let sees = |g: usize| g == f || roles.get(g).is_some_and(|r| *r < role);
            let open: Vec<(Position, FileMeta)> = self
                .open
                .iter()
                .filter(|open| sees(open.position.format))
                .filter_map(|open| open.meta().map(|meta| (open.position, meta)))
                .collect();
            let files = seen_at_finish(&self.files, &open, sees);
            let outputs = match self.formats.get_mut(f) {
                Some(format) => format.run.finish(&self.context, documents, &files)?,
                None => Vec::new(),
            };
            drop(files);
            self.take(f, Stage::Finish, outputs)?;
            self.close(f);
        }
        let written: Vec<bool> = self.formats.iter().map(|f| f.writes).collect();
        let mut chosen: Vec<FileMeta> = self
            .files
            .into_iter()
            .filter(|(position, _)| written.get(position.format).copied().unwrap_or(false))
            .map(|(_, meta)| meta)
            .collect();
        chosen.sort_by(|a, b| a.path.cmp(&b.path));
        Ok((self.sink, chosen))
    }

    /// Completes the shared files of format `f`.
    fn close(&mut self, f: usize) {
        let (done, still): (Vec<Open>, Vec<Open>) = std::mem::take(&mut self.open)
            .into_iter()
            .partition(|open| open.position.format == f);
        self.files.extend(
            done.iter()
                .filter_map(|open| open.meta().map(|m| (open.position, m))),
        );
        self.open = still;
        self.open_index = (self.open.iter().enumerate())
            .map(|(i, open)| (open.path.clone(), i))
            .collect();
    }

    /// Records and hands over the outputs format `f` made at `stage`;
    /// returns the descriptions of its whole files that are in the tree.
    fn take(
        &mut self,
        f: usize,
        stage: Stage,
        outputs: Vec<Output>,
    ) -> Result<Vec<FileMeta>, Error> {
        let mut metas = Vec::new();
        for (sequence, output) in outputs.into_iter().enumerate() {
            let position = Position {
                format: f,
                stage,
                sequence,
            };
            match output {
                Output::File(file) => metas.extend(self.take_file(position, &file)?),
                Output::Open(file) => self.open_file(position, file)?,
                Output::Append { path, bytes } => self.append(f, &path, &bytes)?,
                Output::AppendFrom {
                    path,
                    source,
                    folder,
                } => {
                    self.append_from(f, &path, source, folder.path())?;
                    drop(folder);
                }
            }
        }
        Ok(metas)
    }

    /// Records and hands over a whole file, at `position`; returns its
    /// description when it is in the tree.
    fn take_file(
        &mut self,
        position: Position,
        file: &OutputFile,
    ) -> Result<Option<FileMeta>, Error> {
        let Some(running) = self.formats.get(position.format) else {
            return Ok(None);
        };
        owned(running.format, &file.path)?;
        let made = FileMeta::of(file);
        let meta = if running.writes {
            self.sink.file(file)?;
            Some(made)
        } else {
            self.sink.existing(&made)?
        };
        if let Some(meta) = &meta {
            self.files.push((position, meta.clone()));
        }
        Ok(meta)
    }

    /// Opens a shared file, at `position`, with its first bytes.
    fn open_file(&mut self, position: Position, file: OutputFile) -> Result<(), Error> {
        let Some((format, writes)) = self
            .formats
            .get(position.format)
            .map(|r| (r.format, r.writes))
        else {
            return Ok(());
        };
        owned(format, &file.path)?;
        if self.open_index.contains_key(&file.path) {
            return Err(Error::Contract {
                format: format.name(),
                message: format!("opens {} twice", file.path),
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
            position,
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

    /// Adds the bytes of `source` (a file in `folder`, named in errors) to
    /// a shared file format `f` opened before, a block at a time.
    fn append_from(
        &mut self,
        f: usize,
        path: &ExportPath,
        mut source: std::fs::File,
        folder: &std::path::Path,
    ) -> Result<(), Error> {
        let mut block = vec![0; SPOOL_BLOCK];
        loop {
            let read = std::io::Read::read(&mut source, &mut block).map_err(|e| Error::Io {
                action: "read back the file built in",
                path: folder.to_path_buf(),
                source: e,
            })?;
            let Some(bytes) = block.get(..read).filter(|b| !b.is_empty()) else {
                return Ok(());
            };
            self.append(f, path, bytes)?;
        }
    }

    /// Adds bytes to a shared file format `f` opened before.
    fn append(&mut self, f: usize, path: &ExportPath, bytes: &[u8]) -> Result<(), Error> {
        let Some(open) = self
            .open_index
            .get(path)
            .and_then(|&i| self.open.get_mut(i))
        else {
            let name = self.formats.get(f).map_or("?", |r| r.format.name());
            return Err(Error::Contract {
                format: name,
                message: format!("appends to {path} without opening it"),
            });
        };
        open.hasher.update(bytes);
        open.size += bytes.len() as u64;
        if matches!(open.standing, Standing::Made) {
            self.sink.append(path, bytes)?;
        }
        Ok(())
    }
}

/// Whether `path` is under one of the paths `format` owns; a file outside
/// them is a bug in the format, which a partial run could not replace.
fn owned(format: &dyn Format, path: &ExportPath) -> Result<(), Error> {
    if format.owns().iter().any(|owned| path.is_under(owned)) {
        Ok(())
    } else {
        Err(Error::Contract {
            format: format.name(),
            message: format!(
                "makes {}, outside the paths it owns ({})",
                path,
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
    index: HashMap<ExportPath, usize>,
}

impl Memory {
    /// The files, in path order, with the SHA-256 the run computed
    /// (`described`: what [`ExportRun::finish`] returns).
    pub fn into_files(self, described: &[FileMeta]) -> Vec<OutputFile> {
        let hashes: HashMap<&ExportPath, &str> = described
            .iter()
            .map(|meta| (&meta.path, meta.sha256.as_str()))
            .collect();
        let mut files = self.files;
        for file in &mut files {
            if file.sha256.is_none() {
                file.sha256 = Some(
                    hashes
                        .get(&file.path)
                        .map_or_else(|| sha256_hex(&file.bytes), |hash| (*hash).to_owned()),
                );
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

    fn append(&mut self, path: &ExportPath, bytes: &[u8]) -> Result<(), Error> {
        if let Some(file) = self.index.get(path).and_then(|&i| self.files.get_mut(i)) {
            file.bytes.extend_from_slice(bytes);
        }
        Ok(())
    }

    fn existing(&mut self, made: &FileMeta) -> Result<Option<FileMeta>, Error> {
        Ok(Some(made.clone()))
    }
}

/// What a format sees at its last stage: the finished files `seen` lets
/// through and the shared files still `open`, in export order. Borrowed,
/// not copied: at 10 000 documents the list describes 110 000 files.
fn seen_at_finish<'f>(
    files: &'f [(Position, FileMeta)],
    open: &'f [(Position, FileMeta)],
    sees: impl Fn(usize) -> bool,
) -> Vec<&'f FileMeta> {
    let mut placed: Vec<&(Position, FileMeta)> = files
        .iter()
        .filter(|(position, _)| sees(position.format))
        .chain(open)
        .collect();
    placed.sort_by_key(|(position, _)| *position);
    placed.into_iter().map(|(_, meta)| meta).collect()
}
