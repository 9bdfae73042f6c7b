//! The build cache: what the last successful `build` read (every file
//! under `data/`, fingerprinted), what it wrote (every file under
//! `exports/`, with the hash it made each one with), the tool and options
//! it ran with, and the findings it reported. It is kept in
//! `.initiative/cache/` of the project, which tells git and backup tools to
//! leave it out; it is never exported.
//!
//! When nothing changed since, `build` and `build --check` report what the
//! last build reported and read nothing else. The cache is never trusted
//! blindly: one that cannot be read, is cut short, or was written by
//! another version of the tool or with other options is ignored and a full
//! build runs; a file in `data/` or `exports/` whose size or time changed
//! is read and compared, as make and cargo do.

pub mod fingerprint;

use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::fsx;
use crate::project::{DATA_DIR, EXPORT_DIR};
use fingerprint::{Entry, Listing};

/// The cache's folder under the project root.
pub const CACHE_DIR: &str = ".initiative/cache";

/// The file in [`CACHE_DIR`] that describes the last build.
pub const MANIFEST: &str = "build.json";

/// The layout of [`MANIFEST`]; a cache of another layout is ignored.
const LAYOUT: u32 = 1;

/// The largest [`MANIFEST`] read: about 70 times what 1 000 documents
/// need. A larger one is ignored, not read.
const MAX_MANIFEST_BYTES: u64 = 256 << 20;

/// Keeps the cache out of git (the file ignores itself too).
const GITIGNORE: &str = "# The build cache of `initiative build`: never commit or publish it.\n*\n";

/// Marks the folder as a cache for backup tools (the Cache Directory
/// Tagging convention: the first line is its signature).
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n# The build cache of `initiative build`; it can be deleted at any time.\n";

/// Why the cache could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing failed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Something other than a folder or regular file is where the cache
    /// looks: it vouches for nothing it cannot fingerprint.
    #[error("{} is {kind}; the cache only vouches for folders and regular files", path.display())]
    NotRegular {
        /// The entry.
        path: PathBuf,
        /// What it is.
        kind: &'static str,
    },
    /// The cache's folder, or `.initiative/` above it, is a link or a
    /// file: the cache is not written through it.
    #[error("{} is {kind}, not a folder; remove it to let `build` keep its cache there", path.display())]
    NotFolder {
        /// The entry.
        path: PathBuf,
        /// What it is.
        kind: &'static str,
    },
    /// A name that is not UTF-8 cannot be recorded.
    #[error("{} is not named in UTF-8", .0.display())]
    Name(PathBuf),
    /// The description of the build could not be written as JSON.
    #[error("cannot describe the build: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    /// An I/O error while doing `action` on `path`.
    fn io(action: &'static str, path: &Path, source: io::Error) -> Self {
        Self::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The regular file at `path`, if it is within [`MAX_MANIFEST_BYTES`].
fn read_bounded(path: &Path) -> io::Result<Vec<u8>> {
    let file = fsx::open_regular(path, fsx::Links::Refuse)?;
    if file.metadata()?.len() > MAX_MANIFEST_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("larger than {MAX_MANIFEST_BYTES} bytes"),
        ));
    }
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut io::Read::take(file, MAX_MANIFEST_BYTES), &mut bytes)?;
    Ok(bytes)
}

/// What a build's output depends on besides the files in `data/`: the tool
/// and the options it ran with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    /// The tool's version and its program file's size and times, so a
    /// program built or installed anew does not trust another's cache.
    tool: String,
    /// The options that shape the output, by name.
    options: BTreeMap<String, String>,
}

impl Key {
    /// The key of a run of this program with `options`.
    pub fn new(options: &[(&str, String)]) -> Result<Self, Error> {
        let program =
            std::env::current_exe().map_err(|e| Error::io("find", Path::new("the program"), e))?;
        let meta = program
            .metadata()
            .map_err(|e| Error::io("read", &program, e))?;
        let Some((modified, changed)) = fingerprint::times(&meta) else {
            return Err(Error::io(
                "read the times of",
                &program,
                io::Error::other("the file system gives none"),
            ));
        };
        Ok(Self {
            tool: format!(
                "initiative {} ({} bytes, modified {modified}, changed {changed})",
                env!("CARGO_PKG_VERSION"),
                meta.len()
            ),
            options: options
                .iter()
                .map(|(name, value)| ((*name).to_owned(), value.clone()))
                .collect(),
        })
    }
}

/// The description of the last build, as [`MANIFEST`] holds it.
#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    /// [`LAYOUT`].
    layout: u32,
    /// The tool and options.
    key: Key,
    /// Every file under `data/`.
    inputs: Vec<Entry>,
    /// Every file under `exports/`.
    outputs: Vec<Entry>,
    /// What the build reported (warnings only: a build with errors is not
    /// recorded), each file named from the project root.
    findings: Vec<Diagnostic>,
}

/// What the cache says of the project as it stands.
#[derive(Debug)]
pub enum Verdict {
    /// Nothing changed since the last build.
    Fresh(Fresh),
    /// Something did, or the cache cannot be used.
    Stale {
        /// Why, in a phrase.
        reason: String,
        /// The fingerprints of `data/` the cache holds, if it could be
        /// read, so recording the next build reads only what changed.
        known: Vec<Entry>,
    },
}

/// A build with nothing changed since the last one.
#[derive(Debug)]
pub struct Fresh {
    /// The findings the last build reported, each file named as the user
    /// would name it from the working directory.
    pub findings: Vec<Diagnostic>,
    /// The manifest with the times of files read again trusted.
    manifest: Manifest,
    /// Whether any file had to be read again (its time changed, or was
    /// too recent to trust).
    read_again: bool,
}

/// The fingerprints of `data/` taken before a build reads it.
#[derive(Debug)]
pub struct Inputs {
    listing: Listing,
    entries: Vec<Entry>,
}

/// The cache of the project at `root` for runs with `key`.
#[derive(Debug)]
pub struct Cache {
    root: PathBuf,
    key: Key,
}

impl Fresh {
    /// Whether `bytes` are what the file `file` (named from the working
    /// directory) held when the last build found `findings` in it, so they
    /// may be shown on them.
    pub fn vouches_for(&self, root: &Path, file: &Path, bytes: &[u8]) -> bool {
        let Some(path) = file
            .strip_prefix(root)
            .ok()
            .and_then(|p| p.strip_prefix(DATA_DIR).ok())
            .and_then(Path::to_str)
        else {
            return false;
        };
        let path = path.replace(std::path::MAIN_SEPARATOR, "/");
        self.manifest.inputs.iter().any(|entry| {
            entry.path == path
                && entry.size == bytes.len() as u64
                && entry.sha256 == crate::export::sha256_hex(bytes)
        })
    }
}

impl Cache {
    /// The cache of the project whose root is `root` (as the user would
    /// name it from the working directory).
    pub fn new(root: &Path, key: Key) -> Self {
        Self {
            root: root.to_path_buf(),
            key,
        }
    }

    /// Where the cache is.
    pub fn folder(&self) -> PathBuf {
        self.root.join(CACHE_DIR)
    }

    /// Compares the cache with `data/` and `exports/`, reading only files
    /// whose size or time changed, and stopping at the first difference.
    pub fn look(&self) -> Verdict {
        let stale = |reason: String, known: Vec<Entry>| Verdict::Stale { reason, known };
        let manifest = match self.read() {
            Ok(manifest) => manifest,
            Err(reason) => return stale(reason, Vec::new()),
        };
        let now = SystemTime::now();
        let data = self.root.join(DATA_DIR);
        let inputs = match Listing::of(&data).and_then(|l| l.matches(&data, &manifest.inputs, now))
        {
            Ok(Some(inputs)) => inputs,
            Ok(None) => return stale("data/ changed since the last build".into(), manifest.inputs),
            Err(e) => return stale(e.to_string(), manifest.inputs),
        };
        let exports = self.root.join(EXPORT_DIR);
        let outputs =
            match Listing::of(&exports).and_then(|l| l.matches(&exports, &manifest.outputs, now)) {
                Ok(Some(outputs)) => outputs,
                Ok(None) => return stale("exports/ changed since the last build".into(), inputs),
                Err(e) => return stale(e.to_string(), inputs),
            };
        let read_again = inputs != manifest.inputs || outputs != manifest.outputs;
        let findings = manifest
            .findings
            .iter()
            .map(|d| Diagnostic {
                file: self.root.join(&d.file),
                ..d.clone()
            })
            .collect();
        Verdict::Fresh(Fresh {
            findings,
            manifest: Manifest {
                inputs,
                outputs,
                ..manifest
            },
            read_again,
        })
    }

    /// The manifest, or why it cannot be used.
    fn read(&self) -> Result<Manifest, String> {
        let path = self.folder().join(MANIFEST);
        self.checked_folder(false).map_err(|e| e.to_string())?;
        let bytes = match read_bounded(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err("no cache yet".into()),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let manifest: Manifest = serde_json::from_slice(&bytes)
            .map_err(|e| format!("{} cannot be read ({e}); it is ignored", path.display()))?;
        if manifest.layout != LAYOUT {
            Err(format!(
                "{} has another layout; it is ignored",
                path.display()
            ))
        } else if manifest.key.tool != self.key.tool {
            Err(format!(
                "{} was written by another build of the tool ({})",
                path.display(),
                manifest.key.tool
            ))
        } else if manifest.key.options != self.key.options {
            Err("the last build ran with other options".into())
        } else {
            Ok(manifest)
        }
    }

    /// Fingerprints `data/` before a build reads it, reading only the files
    /// whose size or time differ from `known`.
    pub fn inputs(&self, known: &[Entry]) -> Result<Inputs, Error> {
        let data = self.root.join(DATA_DIR);
        let now = SystemTime::now();
        let listing = Listing::of(&data)?;
        let entries = listing.fingerprint(&data, known, now)?;
        Ok(Inputs { listing, entries })
    }

    /// Records a successful build that read `inputs` and made the files
    /// `made` (path under `exports/` to size and hash) and reported
    /// `findings`. Returns `false`, recording nothing, when `data/` changed
    /// while the build ran or `exports/` is not what the build made.
    pub fn record(
        &self,
        inputs: Inputs,
        made: &HashMap<&str, (u64, &str)>,
        findings: &[Diagnostic],
    ) -> Result<bool, Error> {
        let data = self.root.join(DATA_DIR);
        if !Listing::of(&data)?.same_as(&inputs.listing) {
            return Ok(false);
        }
        let exports = self.root.join(EXPORT_DIR);
        let Some(outputs) = Listing::of(&exports)?.describe(made, SystemTime::now()) else {
            return Ok(false);
        };
        let Some(findings) = self.rooted(findings) else {
            return Ok(false);
        };
        self.write(&Manifest {
            layout: LAYOUT,
            key: self.key.clone(),
            inputs: inputs.entries,
            outputs,
            findings,
        })?;
        Ok(true)
    }

    /// Keeps the times of the files a fresh run had to read again, so the
    /// next run need not; `false` when there were none.
    pub fn refresh(&self, fresh: &Fresh) -> Result<bool, Error> {
        if !fresh.read_again {
            return Ok(false);
        }
        self.write(&fresh.manifest)?;
        Ok(true)
    }

    /// `findings` with each file named from the project root, or `None`
    /// if one is not under it.
    fn rooted(&self, findings: &[Diagnostic]) -> Option<Vec<Diagnostic>> {
        findings
            .iter()
            .map(|d| {
                let file = d.file.strip_prefix(&self.root).ok()?;
                Some(Diagnostic {
                    file: file.to_path_buf(),
                    ..d.clone()
                })
            })
            .collect()
    }

    /// Writes `manifest` in place of the last one, in one step.
    fn write(&self, manifest: &Manifest) -> Result<(), Error> {
        let folder = self.checked_folder(true)?;
        for (name, text) in [(".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)] {
            let path = folder.join(name);
            // A file that cannot be read is written anew, which says why
            // if it cannot be.
            if !fsx::same_content(&path, text.as_bytes()).is_ok_and(|same| same) {
                fsx::write_atomic(&path, text.as_bytes())
                    .map_err(|e| Error::io("write", &path, e))?;
            }
        }
        let path = folder.join(MANIFEST);
        let bytes = serde_json::to_vec(manifest)?;
        fsx::write_atomic(&path, &bytes).map_err(|e| Error::io("write", &path, e))
    }

    /// The cache folder, refused if it or `.initiative/` is a link or a
    /// file; with `create`, made if missing.
    fn checked_folder(&self, create: bool) -> Result<PathBuf, Error> {
        let mut folder = self.root.clone();
        for part in Path::new(CACHE_DIR).components() {
            folder.push(part);
            match folder.symlink_metadata() {
                Ok(meta) if meta.is_dir() => {}
                Ok(meta) => {
                    return Err(Error::NotFolder {
                        path: folder,
                        kind: fsx::kind_name(&meta.file_type()),
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound && create => {
                    std::fs::create_dir(&folder).map_err(|e| Error::io("create", &folder, e))?;
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io("read", &folder, e)),
            }
        }
        Ok(folder)
    }
}
