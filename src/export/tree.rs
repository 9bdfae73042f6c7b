//! Writes the files of an export run so that `exports/` is never partly
//! written, and compares them with what is on disk, one file at a time as
//! the run makes them ([`Disk`]).
//!
//! Files are written to a staging folder beside the destination, which then
//! takes the destination's place in one atomic exchange of the two names
//! (on Linux; elsewhere, two renames). An error or a kill at any point
//! leaves the previous exports whole. Runs on the same destination take
//! turns through a lock file beside it, and each run first clears what a
//! killed run left behind.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Error, ExportPath, FileInfo, FileMeta, OutputFile, Scope, Sink};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fsx;

/// How the files on disk differ from the generated ones.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Drift {
    /// Files whose bytes differ.
    pub stale: Vec<PathBuf>,
    /// Files that should exist and do not.
    pub missing: Vec<PathBuf>,
    /// Files on disk that no exporter produces.
    pub extra: Vec<PathBuf>,
}

impl Drift {
    /// Whether disk and generated files agree.
    pub fn is_empty(&self) -> bool {
        self.stale.is_empty() && self.missing.is_empty() && self.extra.is_empty()
    }

    /// Each difference as an error diagnostic on the file under `dest`
    /// (codes [`EXPORT_STALE`], [`EXPORT_MISSING`], [`EXPORT_EXTRA`]), whose
    /// message names `command`, the one that regenerates it.
    pub fn diagnostics(&self, dest: &Path, command: &str) -> Vec<Diagnostic> {
        let kinds = [
            (
                &self.stale,
                EXPORT_STALE,
                "differs from what the data gives",
            ),
            (&self.missing, EXPORT_MISSING, "is missing"),
            (&self.extra, EXPORT_EXTRA, "is no longer made from the data"),
        ];
        let mut out: Vec<Diagnostic> = kinds
            .into_iter()
            .flat_map(|(paths, code, what)| {
                paths.iter().map(move |path| {
                    Diagnostic::new(
                        Severity::Error,
                        code,
                        &dest.join(path),
                        "",
                        format!("this export {what}: run `{command}` to regenerate it"),
                    )
                    .with_hint(format!("run `{command}` and commit the result"))
                })
            })
            .collect();
        out.sort_by(|a, b| a.file.cmp(&b.file));
        out
    }
}

/// The code of an export file that differs from what the data gives.
pub const EXPORT_STALE: &str = "export-stale";
/// The code of an export file that the data gives and disk lacks.
pub const EXPORT_MISSING: &str = "export-missing";
/// The code of a file in an export tree that no format makes.
pub const EXPORT_EXTRA: &str = "export-extra";

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> Error {
    let path = path.to_path_buf();
    move |source| Error::Io {
        action,
        path,
        source,
    }
}

/// The marker file every export tree holds: a writing run replaces only a
/// folder that holds it (or is empty, or missing), so `--out data` can
/// never replace the data. It is part of every run's output, partial runs
/// included.
pub const MARKER: &str = ".initiative-exports";

/// What the marker says to a person who opens it.
const MARKER_TEXT: &str = "This folder is an export tree written by `initiative build` and `initiative export`.\nEach run replaces the files here: keep nothing else in this folder.\n";

/// The [`MARKER`] file every export tree holds, which no format makes.
pub fn marker() -> Result<OutputFile, Error> {
    let info = FileInfo::new(
        "",
        ("text/plain", "TXT"),
        Scope::Catalog,
        "Marks the folder as an export tree.",
    );
    Ok(OutputFile::new(
        ExportPath::new(MARKER)?,
        MARKER_TEXT.as_bytes().to_vec(),
        info,
    ))
}

/// What a run does with the destination.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Replaces the files the run owns, atomically.
    Write,
    /// Compares them with what the run makes, and changes nothing.
    Check,
}

/// How long a writing run waits for another run on the same destination.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LockWait {
    /// Until the other run finishes.
    #[default]
    Forever,
    /// At most this long, then the run gives up.
    For(Duration),
}

/// The folder holding `dest`, and `dest`'s name.
fn place(dest: &Path) -> (&Path, String) {
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = dest
        .file_name()
        .map_or_else(|| "exports".into(), |n| n.to_string_lossy().into_owned());
    (parent, name)
}

/// Refuses, before anything is written, a destination that is not the
/// tool's own: only a missing folder (in an existing one), an empty folder
/// or an export tree with its [`MARKER`] may be replaced.
fn claim(dest: &Path) -> Result<(), Error> {
    let refuse = |reason: String| Error::NotOwned {
        path: dest.to_path_buf(),
        reason: format!("{reason}; exports go to a missing or empty folder, or to an export tree"),
    };
    match dest.symlink_metadata() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let (parent, _) = place(dest);
            if parent.is_dir() {
                Ok(())
            } else {
                Err(refuse(format!(
                    "the folder it would go in, {}, does not exist",
                    parent.display()
                )))
            }
        }
        Err(e) => Err(io("cannot read", dest)(e)),
        Ok(meta) if !meta.is_dir() => Err(refuse(format!(
            "it is {}",
            fsx::kind_name(&meta.file_type())
        ))),
        Ok(_) => {
            let marker = dest.join(MARKER).symlink_metadata();
            if marker.is_ok_and(|m| m.is_file()) {
                return Ok(());
            }
            let mut entries = fs::read_dir(dest).map_err(io("cannot read", dest))?;
            if entries.next().is_none() {
                Ok(())
            } else {
                Err(refuse(format!(
                    "it holds files but no {MARKER} marker, so it is not an export tree"
                )))
            }
        }
    }
}

/// Claims `dest` and takes its lock, as a writing run does before it
/// writes, for a run that may find it has nothing to write (a build the
/// cache answers): it refuses and waits as that run would.
pub fn hold(dest: &Path, wait: LockWait, waiting: &dyn Fn(&Path)) -> Result<Held, Error> {
    claim(dest)?;
    let (parent, name) = place(dest);
    Ok(Held {
        _lock: lock(parent, &name, wait, waiting)?,
    })
}

/// Takes the lock beside `dest`. Another run on the same destination
/// finishes first (`waiting` is told once, before the wait); the lock goes
/// when the file is closed, even if this process is killed. The lock file
/// is never a link followed or a file truncated.
fn lock(
    parent: &Path,
    name: &str,
    wait: LockWait,
    waiting: &dyn Fn(&Path),
) -> Result<fs::File, Error> {
    let lock_path = parent.join(format!(".{name}.lock"));
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    fsx::never_wait(&mut options, fsx::Links::Refuse);
    let not_regular = || Error::NotOwned {
        path: lock_path.clone(),
        reason: "this lock file is a link or special file; remove it".into(),
    };
    let file = match options.open(&lock_path) {
        Ok(file) if file.metadata().is_ok_and(|m| m.is_file()) => file,
        Ok(_) => return Err(not_regular()),
        Err(_) if lock_path.symlink_metadata().is_ok_and(|m| m.is_symlink()) => {
            return Err(not_regular());
        }
        Err(e) => return Err(io("cannot create lock file", &lock_path)(e)),
    };
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(fs::TryLockError::WouldBlock) => waiting(&lock_path),
        Err(fs::TryLockError::Error(e)) => return Err(io("cannot lock", &lock_path)(e)),
    }
    match wait {
        LockWait::Forever => file.lock().map_err(io("cannot lock", &lock_path))?,
        LockWait::For(limit) => wait_for(&file, &lock_path, limit)?,
    }
    Ok(file)
}

/// Tries the lock until `limit` has passed.
fn wait_for(file: &fs::File, path: &Path, limit: Duration) -> Result<(), Error> {
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < limit => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(Error::LockTimeout {
                    path: path.to_path_buf(),
                    seconds: limit.as_secs_f64(),
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(io("cannot lock", path)(e)),
        }
    }
}

/// Replaces `dest` with exactly `files`, unless it already holds them.
pub fn write(dest: &Path, files: &[OutputFile]) -> Result<Drift, Error> {
    let mut disk = Disk::new(dest, Action::Write)?;
    for file in files {
        disk.file(file)?;
    }
    disk.finish()
}

/// Compares `files` with the tree under `dest`.
pub fn check(dest: &Path, files: &[OutputFile]) -> Result<Drift, Error> {
    let mut disk = Disk::new(dest, Action::Check)?;
    for file in files {
        disk.file(file)?;
    }
    disk.finish()
}

/// The sink of a run against a folder on disk. Each file is compared with
/// the one already there as it arrives and, unless the run only checks,
/// written into a staging folder beside it. [`Disk::finish`] then moves the
/// staging folder into place in one step, or drops it when nothing changed
/// (a re-run touches nothing). Dropped before that, it leaves `dest` as it
/// was.
pub struct Disk {
    dest: PathBuf,
    staging: Option<Staging>,
    drift: Drift,
    produced: HashSet<PathBuf>,
    folders: HashSet<PathBuf>,
    open: HashMap<PathBuf, Appending>,
    /// The paths a partial run writes ([`Sink::writes`]); `None`: all.
    owned: Option<Vec<&'static str>>,
}

/// The staging folder of a writing run, and the lock held while it exists.
/// Dropped, it removes the folder (which, after the exchange, holds the
/// previous tree).
struct Staging {
    dir: PathBuf,
    /// Taken out by [`Disk::finish_held`] to outlive the folder.
    lock: Option<fs::File>,
}

/// The lock on a destination, held by a writing run after it finished
/// ([`Disk::finish_held`]), so it can note what it wrote before another
/// run may change it. Dropped, it lets the other run go on.
#[derive(Debug)]
pub struct Held {
    _lock: fs::File,
}

impl Staging {
    /// Claims `dest`, takes its lock, clears a killed run's debris and
    /// makes a new staging folder beside it (with the umask's mode, as the
    /// tree that replaces `dest` should have).
    fn new(dest: &Path, wait: LockWait, waiting: &dyn Fn(&Path)) -> Result<Self, Error> {
        claim(dest)?;
        let (parent, name) = place(dest);
        let lock = lock(parent, &name, wait, waiting)?;
        clear_debris(parent, &name)?;
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        fs::create_dir(&dir).map_err(io("cannot create staging folder", &dir))?;
        Ok(Self {
            dir,
            lock: Some(lock),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Best effort: what is left is debris the next run clears.
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// The file on disk that a shared file being appended is compared with.
enum Existing {
    /// There is none.
    Missing,
    /// Something that is not a regular file is in its place.
    Other,
    /// The file, read alongside.
    File(BufReader<fs::File>),
}

/// A shared file being appended to: the staged copy (and its path), and
/// the file on disk read alongside to compare.
struct Appending {
    writer: Option<(PathBuf, BufWriter<fs::File>)>,
    existing: Existing,
    same: bool,
}

impl Disk {
    /// A run against `dest` that does `action`. A writing run waits for
    /// another one on the same destination.
    pub fn new(dest: &Path, action: Action) -> Result<Self, Error> {
        Self::open(dest, action, LockWait::Forever, &|_| {})
    }

    /// [`Disk::new`], waiting for another run's lock as `wait` says and
    /// telling `waiting` (with the lock file's path) before it waits.
    /// A writing run refuses a destination that is not an export tree
    /// ([`MARKER`]) before it writes anything.
    pub fn open(
        dest: &Path,
        action: Action,
        wait: LockWait,
        waiting: &dyn Fn(&Path),
    ) -> Result<Self, Error> {
        let staging = match action {
            Action::Write => Some(Staging::new(dest, wait, waiting)?),
            Action::Check => None,
        };
        let mut disk = Self {
            dest: dest.to_path_buf(),
            staging,
            drift: Drift::default(),
            produced: HashSet::new(),
            folders: HashSet::new(),
            open: HashMap::new(),
            owned: None,
        };
        disk.file(&marker()?)?;
        Ok(disk)
    }

    /// Whether `relative` under the destination holds `bytes`, noting it
    /// stale if it holds something else (a link or special file included);
    /// `false` if there is no such file.
    fn holds(&mut self, relative: &Path, bytes: &[u8]) -> Result<bool, Error> {
        let path = self.dest.join(relative);
        let same = match path.symlink_metadata() {
            Ok(meta) if !meta.is_file() || meta.len() != bytes.len() as u64 => false,
            Ok(_) => {
                fsx::read_regular(&path, fsx::Links::Refuse).map_err(io("cannot read", &path))?
                    == bytes
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(io("cannot read", &path)(e)),
        };
        if !same {
            self.drift.stale.push(relative.to_path_buf());
        }
        Ok(true)
    }

    /// Whether comparing is still worth it: a check lists every difference,
    /// a writing run only needs to know there is one.
    fn comparing(&self) -> bool {
        self.staging.is_none() || self.drift.is_empty()
    }

    /// The path of `relative` in the staging folder, its folder created.
    fn staged(&mut self, relative: &Path) -> Result<Option<PathBuf>, Error> {
        let Some(staging) = &self.staging else {
            return Ok(None);
        };
        let path = staging.dir.join(relative);
        if let Some(dir) = path.parent()
            && !self.folders.contains(dir)
        {
            fs::create_dir_all(dir).map_err(io("cannot create", dir))?;
            self.folders.insert(dir.to_path_buf());
        }
        Ok(Some(path))
    }

    /// Completes the run: closes the shared files, finds the files on disk
    /// no longer made, and (when writing) moves the new tree into place if
    /// anything differs. With `partial`, only folders this run wrote to are
    /// searched for files no longer made. Returns how disk differed: every
    /// difference for a check; for a writing run, which stops comparing at
    /// the first difference, what it saw up to there.
    pub fn finish(self) -> Result<Drift, Error> {
        self.finish_held().map(|(drift, _)| drift)
    }

    /// [`Disk::finish`], handing a writing run the destination's lock
    /// still held.
    pub fn finish_held(mut self) -> Result<(Drift, Option<Held>), Error> {
        let mut open: Vec<(PathBuf, Appending)> = self.open.drain().collect();
        open.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, appending) in open {
            if let Some((staged, mut writer)) = appending.writer {
                writer.flush().map_err(io("cannot write", &staged))?;
            }
            match appending.existing {
                Existing::Missing => self.drift.missing.push(path),
                Existing::Other => self.drift.stale.push(path),
                Existing::File(mut existing) => {
                    let at_end = existing.read(&mut [0u8; 1]).is_ok_and(|n| n == 0);
                    if !(appending.same && at_end) {
                        self.drift.stale.push(path);
                    }
                }
            }
        }
        let mut on_disk = Vec::new();
        if self.dest.symlink_metadata().is_ok_and(|m| m.is_dir()) {
            list(&self.dest, Path::new(""), &mut on_disk)?;
        }
        on_disk.sort();
        let (extra, kept): (Vec<PathBuf>, Vec<PathBuf>) = on_disk
            .into_iter()
            .filter(|p| !self.produced.contains(p))
            .partition(|p| self.owns(p));
        self.drift.extra = extra;
        self.drift.stale.sort();
        self.drift.missing.sort();
        let held = match self.staging.take() {
            Some(staging) if !self.drift.is_empty() => {
                keep(&self.dest, &staging.dir, &kept)?;
                swap_in(staging, &self.dest)?
            }
            Some(mut staging) => staging.lock.take(),
            None => None,
        };
        Ok((self.drift, held.map(|lock| Held { _lock: lock })))
    }
}

impl Disk {
    /// Whether the run writes `path` (every path, unless it is partial).
    fn owns(&self, path: &Path) -> bool {
        let Some(owned) = &self.owned else {
            return true;
        };
        path == Path::new(MARKER) || is_owned(path, owned)
    }
}

/// Puts the files `kept` (of formats a partial run does not write, or of
/// none) into the staging folder, so the new tree holds them as they are:
/// hard links where the file system allows, copies elsewhere.
fn keep(dest: &Path, staging: &Path, kept: &[PathBuf]) -> Result<(), Error> {
    for path in kept {
        let from = dest.join(path);
        let to = staging.join(path);
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir).map_err(io("cannot create", dir))?;
        }
        if fs::hard_link(&from, &to).is_err() {
            let meta = from.symlink_metadata().map_err(io("cannot read", &from))?;
            if meta.is_symlink() {
                let target = fs::read_link(&from).map_err(io("cannot read", &from))?;
                symlink(&target, &to).map_err(io("cannot write", &to))?;
            } else if meta.is_file() {
                fs::copy(&from, &to).map_err(io("cannot copy", &from))?;
            }
        }
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(_: &Path, _: &Path) -> std::io::Result<()> {
    Ok(())
}

impl Sink for Disk {
    fn writes(&mut self, owned: Option<Vec<&'static str>>) {
        self.owned = owned;
    }

    fn open(&mut self, file: &OutputFile) -> Result<(), Error> {
        let path = file.path.to_path_buf();
        self.produced.insert(path.clone());
        let writer = match self.staged(&path)? {
            Some(staged) => {
                let file = fs::File::create(&staged).map_err(io("cannot write", &staged))?;
                Some((staged, BufWriter::new(file)))
            }
            None => None,
        };
        let on_disk = file.path.under(&self.dest);
        let existing = match fsx::open_regular(&on_disk, fsx::Links::Refuse) {
            Ok(file) => Existing::File(BufReader::new(file)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Existing::Missing,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => Existing::Other,
            Err(e) => return Err(io("cannot read", &on_disk)(e)),
        };
        let appending = Appending {
            writer,
            existing,
            same: true,
        };
        self.open.insert(path, appending);
        self.append(&file.path, &file.bytes)
    }

    fn existing(&mut self, made: &FileMeta) -> Result<Option<FileMeta>, Error> {
        let path = made.path.under(&self.dest);
        match fsx::read_regular(&path, fsx::Links::Refuse) {
            Ok(bytes) => Ok(Some(FileMeta {
                size: bytes.len() as u64,
                sha256: super::sha256_hex(&bytes),
                ..made.clone()
            })),
            // Nothing there, something that is not a file, or a file
            // where a folder on the way should be: no such file in the tree.
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound
                        | std::io::ErrorKind::InvalidInput
                        | std::io::ErrorKind::NotADirectory
                ) =>
            {
                Ok(None)
            }
            Err(e) => Err(io("cannot read", &path)(e)),
        }
    }

    fn file(&mut self, file: &OutputFile) -> Result<(), Error> {
        let relative = file.path.to_path_buf();
        if let Some(path) = self.staged(&relative)? {
            fs::write(&path, &file.bytes).map_err(io("cannot write", &path))?;
        }
        if self.comparing() && !self.holds(&relative, &file.bytes)? {
            self.drift.missing.push(relative.clone());
        }
        self.produced.insert(relative);
        Ok(())
    }

    fn append(&mut self, path: &ExportPath, bytes: &[u8]) -> Result<(), Error> {
        let comparing = self.comparing();
        let Some(appending) = self.open.get_mut(&path.to_path_buf()) else {
            return Ok(());
        };
        if let Some((staged, writer)) = &mut appending.writer {
            writer
                .write_all(bytes)
                .map_err(io("cannot write", staged))?;
        }
        if comparing
            && appending.same
            && let Existing::File(existing) = &mut appending.existing
        {
            let mut there = vec![0; bytes.len()];
            appending.same = existing.read_exact(&mut there).is_ok() && there == bytes;
        }
        Ok(())
    }
}

/// Moves a complete staging folder into `dest`'s place, durably: the
/// staged files are on disk before the exchange, and the exchange is on
/// disk before the run reports success.
fn swap_in(mut staging: Staging, dest: &Path) -> Result<Option<fs::File>, Error> {
    sync_tree(&staging.dir).map_err(io("cannot flush", &staging.dir))?;
    let swapped = if dest.symlink_metadata().is_ok() {
        exchange(&staging.dir, dest)
    } else {
        fs::rename(&staging.dir, dest)
    };
    swapped.map_err(io("cannot move into place", dest))?;
    let (parent, _) = place(dest);
    fsx::sync_folder(parent).map_err(io("cannot flush", parent))?;
    // After an exchange, the staging name holds the previous exports.
    if staging.dir.symlink_metadata().is_ok() {
        fs::remove_dir_all(&staging.dir).map_err(io("cannot remove", &staging.dir))?;
    }
    // Only once the lock the caller gets is dropped may another run take
    // the destination.
    let lock = staging.lock.take();
    drop(staging);
    Ok(lock)
}

/// Puts every file and folder entry under `dir` on disk.
#[cfg(target_os = "linux")]
fn sync_tree(dir: &Path) -> std::io::Result<()> {
    // One call flushes the whole file system the staging folder is on,
    // instead of a call per file.
    rustix::fs::syncfs(fs::File::open(dir)?).map_err(std::io::Error::from)
}

/// Puts every file and folder entry under `dir` on disk.
#[cfg(not(target_os = "linux"))]
fn sync_tree(dir: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            sync_tree(&entry.path())?;
        } else {
            fs::File::open(entry.path())?.sync_all()?;
        }
    }
    fsx::sync_folder(dir)
}

/// Swaps the names of two folders in one step, so `dest` always names a
/// complete tree.
#[cfg(target_os = "linux")]
fn exchange(staged: &Path, dest: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, staged, CWD, dest, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

/// Without an atomic exchange: move the old tree aside, then the new one
/// in; a kill between the two leaves the old tree under the aside name,
/// which the next run puts back.
#[cfg(not(target_os = "linux"))]
fn exchange(staged: &Path, dest: &Path) -> std::io::Result<()> {
    let aside = staged.with_extension("old");
    fs::rename(dest, &aside)?;
    if let Err(e) = fs::rename(staged, dest) {
        let _ = fs::rename(&aside, dest);
        return Err(e);
    }
    fs::rename(&aside, staged)
}

/// Removes what a killed run left beside `dest`: staging folders (new
/// trees never moved in, or old ones swapped out).
fn clear_debris(parent: &Path, name: &str) -> Result<(), Error> {
    let prefix = format!(".{name}.staging-");
    for entry in fs::read_dir(parent).map_err(io("cannot read", parent))? {
        let entry = entry.map_err(io("cannot read", parent))?;
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let path = entry.path();
            if path.is_dir() && !path.is_symlink() {
                fs::remove_dir_all(&path).map_err(io("cannot remove", &path))?;
            }
        }
    }
    Ok(())
}

fn list(root: &Path, relative: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let dir = root.join(relative);
    for entry in fs::read_dir(&dir).map_err(io("cannot read", &dir))? {
        let entry = entry.map_err(io("cannot read", &dir))?;
        let path = relative.join(entry.file_name());
        if entry.file_type().map_err(io("cannot read", &dir))?.is_dir() {
            list(root, &path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Whether `path` (relative, under the export folder) is one of `owns` or
/// under one of them that is a folder (ending in `/`), compared part by part.
fn is_owned(path: &Path, owns: &[&str]) -> bool {
    owns.iter().any(|own| match own.strip_suffix('/') {
        Some(folder) => path.starts_with(folder) && path != Path::new(folder),
        None => path == Path::new(own),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        let info = FileInfo::new("test", ("text/plain", "TXT"), Scope::Catalog, "");
        let path = ExportPath::new(path).unwrap_or_else(|e| panic!("{e}"));
        OutputFile::new(path, text.as_bytes().to_vec(), info)
    }

    #[test]
    fn a_killed_runs_staging_folders_are_cleared() {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dest = root.path().join("exports");
        let debris = root.path().join(".exports.staging-abc/json");
        fs::create_dir_all(&debris).unwrap_or_else(|e| panic!("{e}"));
        write(&dest, &[file("a.txt", "1")]).unwrap_or_else(|e| panic!("{e}"));
        assert!(!root.path().join(".exports.staging-abc").exists());
        assert_eq!(fs::read(dest.join("a.txt")).unwrap_or_default(), b"1");
    }

    #[test]
    fn write_replaces_the_tree_and_check_sees_every_kind_of_drift() {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dest = root.path().join("exports");
        write(&dest, &[file("json/a.json", "1"), file("old.txt", "x")])
            .unwrap_or_else(|e| panic!("{e}"));
        let files = [file("json/a.json", "2"), file("json/b.json", "3")];
        let drift = check(&dest, &files).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(drift.stale, [PathBuf::from("json/a.json")]);
        assert_eq!(drift.missing, [PathBuf::from("json/b.json")]);
        assert_eq!(drift.extra, [PathBuf::from("old.txt")]);
        write(&dest, &files).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            check(&dest, &files)
                .unwrap_or_else(|e| panic!("{e}"))
                .is_empty()
        );
        let leftovers: Vec<_> = fs::read_dir(root.path())
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        let mut leftovers: Vec<String> = leftovers
            .iter()
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        leftovers.sort();
        assert_eq!(leftovers, [".exports.lock", "exports"], "no staging debris");
    }

    /// Appends `parts` to `csv/t.csv` in a run against `dest`.
    fn appended(dest: &Path, action: Action, parts: &[&str]) -> Drift {
        let mut disk = Disk::new(dest, action).unwrap_or_else(|e| panic!("{e}"));
        for (i, part) in parts.iter().enumerate() {
            if i == 0 {
                disk.open(&file("csv/t.csv", part))
            } else {
                disk.append(
                    &ExportPath::new("csv/t.csv").unwrap_or_else(|e| panic!("{e}")),
                    part.as_bytes(),
                )
            }
            .unwrap_or_else(|e| panic!("{e}"));
        }
        let mut drift = disk.finish().unwrap_or_else(|e| panic!("{e}"));
        // The first run into `dest` also finds the marker missing.
        drift.missing.retain(|p| p != Path::new(MARKER));
        drift
    }

    #[test]
    fn an_appended_file_is_compared_with_disk_as_it_grows() {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dest = root.path().join("exports");
        let t = || vec![PathBuf::from("csv/t.csv")];
        assert_eq!(appended(&dest, Action::Check, &["a,b\r\n"]).missing, t());
        appended(&dest, Action::Write, &["a,b\r\n", "1,2\r\n"]);
        assert_eq!(
            fs::read(dest.join("csv/t.csv")).unwrap_or_default(),
            b"a,b\r\n1,2\r\n"
        );
        // The same bytes in other pieces: no drift, and nothing rewritten.
        assert!(appended(&dest, Action::Check, &["a,", "b\r\n1,2\r\n"]).is_empty());
        assert!(appended(&dest, Action::Write, &["a,b\r\n1,2\r\n"]).is_empty());
        // Shorter, longer, or different: stale.
        for parts in [
            &["a,b\r\n"][..],
            &["a,b\r\n1,2\r\n3,4\r\n"],
            &["a,b\r\n1,3\r\n"],
        ] {
            assert_eq!(
                appended(&dest, Action::Check, parts).stale,
                t(),
                "{parts:?}"
            );
        }
        assert_eq!(appended(&dest, Action::Write, &["x\r\n"]).stale, t());
        assert_eq!(
            fs::read(dest.join("csv/t.csv")).unwrap_or_default(),
            b"x\r\n"
        );
    }
}
