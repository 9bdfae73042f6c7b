//! Fingerprints of the files under a folder, taken as make and cargo take
//! them: each regular file's path, size and modification time, and its
//! SHA-256. A file whose size and time are what was recorded is taken to be
//! unchanged without being read; any other is read and hashed, so a file
//! touched but not changed still matches.

use std::collections::HashMap;
use std::fs;
use std::io::Read as _;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::Digest as _;

use super::Error;
use crate::fsx;

/// A file modified this close to when its fingerprint is taken may change
/// again within the same tick of the file system's clock, keeping its time.
/// Its time is not recorded, so the next run reads it (as git treats a
/// "racily clean" file).
const RACY: Duration = Duration::from_secs(2);

/// How much of a file is hashed at a time.
const BLOCK: usize = 1 << 20;

/// What the cache keeps of one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The path under the folder, parts joined by `/`.
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time in nanoseconds since 1970, or `None` when it
    /// was too recent to trust ([`RACY`]).
    pub modified: Option<u64>,
    /// Its SHA-256 in lower-case hex.
    pub sha256: String,
}

/// The regular files under a folder, in path order, as the file system
/// describes them: nothing is read yet.
#[derive(Debug)]
pub struct Listing {
    /// Each file's path under the folder and its metadata.
    files: Vec<(String, fs::Metadata)>,
}

impl Listing {
    /// Lists `dir`. A link, a special file or a name that is not UTF-8
    /// anywhere below it is an error: the cache only vouches for folders
    /// and regular files.
    pub fn of(dir: &Path) -> Result<Self, Error> {
        let mut files = Vec::new();
        walk(dir, "", &mut files)?;
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Self { files })
    }

    /// Whether the files are exactly `recorded` (paths, sizes and
    /// contents), reading only those whose time is not the recorded one.
    /// Returns the entries as they stand now, or `None` at the first
    /// difference.
    pub fn matches(
        &self,
        dir: &Path,
        recorded: &[Entry],
        now: SystemTime,
    ) -> Result<Option<Vec<Entry>>, Error> {
        if self.files.len() != recorded.len() {
            return Ok(None);
        }
        let pairs: Vec<_> = self.files.iter().zip(recorded).collect();
        // Names and sizes first: most changes show there, and nothing is
        // read to see them.
        if pairs
            .iter()
            .any(|((path, meta), entry)| *path != entry.path || meta.len() != entry.size)
        {
            return Ok(None);
        }
        // Then the files whose time is not the recorded one (all of them
        // after a fresh checkout), read in parallel; the first that
        // differs stops the rest.
        let differs = pairs
            .par_iter()
            .filter(|((_, meta), entry)| entry.modified.is_none() || entry.modified != nanos(meta))
            .map(|((path, _), entry)| Ok(sha256_of(&dir.join(path))? != entry.sha256))
            .find_any(|differs: &Result<bool, Error>| !matches!(differs, Ok(false)));
        match differs {
            Some(Err(e)) => return Err(e),
            Some(Ok(_)) => return Ok(None),
            None => {}
        }
        Ok(Some(
            pairs
                .into_iter()
                .map(|((_, meta), entry)| Entry {
                    modified: trusted(meta, now),
                    ..entry.clone()
                })
                .collect(),
        ))
    }

    /// An entry for every file: the hash `known` gives where its path,
    /// size and time are the same, read from disk otherwise.
    pub fn fingerprint(
        &self,
        dir: &Path,
        known: &[Entry],
        now: SystemTime,
    ) -> Result<Vec<Entry>, Error> {
        let known: HashMap<&str, &Entry> = known.iter().map(|e| (e.path.as_str(), e)).collect();
        self.files
            .par_iter()
            .map(|(path, meta)| {
                let reused = known.get(path.as_str()).filter(|e| {
                    e.size == meta.len() && e.modified.is_some() && e.modified == nanos(meta)
                });
                let sha256 = match reused {
                    Some(entry) => entry.sha256.clone(),
                    None => sha256_of(&dir.join(path))?,
                };
                Ok(Entry {
                    path: path.clone(),
                    size: meta.len(),
                    modified: trusted(meta, now),
                    sha256,
                })
            })
            .collect()
    }

    /// Entries for files whose contents are known without reading them
    /// (`made`: path to size and hash), or `None` when the folder holds
    /// other files or files of other sizes.
    pub fn describe(
        &self,
        made: &HashMap<&str, (u64, &str)>,
        now: SystemTime,
    ) -> Option<Vec<Entry>> {
        if self.files.len() != made.len() {
            return None;
        }
        self.files
            .iter()
            .map(|(path, meta)| {
                let (size, sha256) = made.get(path.as_str())?;
                (*size == meta.len()).then(|| Entry {
                    path: path.clone(),
                    size: *size,
                    modified: trusted(meta, now),
                    sha256: (*sha256).to_owned(),
                })
            })
            .collect()
    }

    /// Whether every file still has the size and time it has in `before`,
    /// and there are the same files: nothing was written in between.
    pub fn same_as(&self, before: &Self) -> bool {
        self.files.len() == before.files.len()
            && self
                .files
                .iter()
                .zip(&before.files)
                .all(|((p, m), (q, n))| p == q && m.len() == n.len() && nanos(m) == nanos(n))
    }
}

/// Adds the regular files under `dir` (named `prefix/…`) to `files`.
fn walk(dir: &Path, prefix: &str, files: &mut Vec<(String, fs::Metadata)>) -> Result<(), Error> {
    let read = |e| Error::io("cannot read", dir, e);
    for entry in fs::read_dir(dir).map_err(read)? {
        let entry = entry.map_err(read)?;
        let Ok(name) = entry.file_name().into_string() else {
            return Err(Error::Name(entry.path()));
        };
        let path = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        // The entry's own metadata: a link is not followed.
        let meta = entry.metadata().map_err(read)?;
        if meta.is_dir() {
            walk(&entry.path(), &path, files)?;
        } else if meta.is_file() {
            files.push((path, meta));
        } else {
            return Err(Error::NotRegular {
                path: entry.path(),
                kind: fsx::kind_name(&meta.file_type()),
            });
        }
    }
    Ok(())
}

/// The file's modification time in nanoseconds since 1970.
fn nanos(meta: &fs::Metadata) -> Option<u64> {
    let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    u64::try_from(since.as_nanos()).ok()
}

/// [`nanos`], unless the file was modified too close to `now` to trust.
fn trusted(meta: &fs::Metadata, now: SystemTime) -> Option<u64> {
    let modified = meta.modified().ok()?;
    if modified + RACY > now {
        return None;
    }
    nanos(meta)
}

/// The SHA-256 of the regular file at `path`, in lower-case hex, read a
/// block at a time.
pub fn sha256_of(path: &Path) -> Result<String, Error> {
    let read = |e| Error::io("cannot read", path, e);
    let mut file = fsx::open_regular(path, fsx::Links::Refuse).map_err(read)?;
    let mut hasher = sha2::Sha256::new();
    let mut block = vec![0u8; BLOCK];
    loop {
        let n = file.read(&mut block).map_err(read)?;
        if n == 0 {
            break;
        }
        hasher.update(block.get(..n).unwrap_or_default());
    }
    Ok(crate::export::lower_hex(&hasher.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for (path, text) in files {
            let path = dir.path().join(path);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
            }
            fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
        }
        dir
    }

    /// A time far enough after every file in a test folder that none is racy.
    fn later() -> SystemTime {
        SystemTime::now() + Duration::from_secs(60)
    }

    fn recorded(dir: &Path) -> Vec<Entry> {
        let listing = Listing::of(dir).unwrap_or_else(|e| panic!("{e}"));
        listing
            .fingerprint(dir, &[], later())
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn matches(dir: &Path, entries: &[Entry]) -> bool {
        let listing = Listing::of(dir).unwrap_or_else(|e| panic!("{e}"));
        listing
            .matches(dir, entries, later())
            .unwrap_or_else(|e| panic!("{e}"))
            .is_some()
    }

    #[test]
    fn the_files_are_listed_in_path_order_with_their_hashes() {
        let dir = folder(&[("b/x.json", "{}"), ("a.json", "")]);
        let entries = recorded(dir.path());
        let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["a.json", "b/x.json"]);
        assert_eq!(
            entries.first().map(|e| e.sha256.as_str()),
            Some("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        );
        assert!(matches(dir.path(), &entries));
    }

    #[test]
    fn a_change_of_content_size_or_name_is_a_difference() {
        let dir = folder(&[("a.json", "one"), ("b.json", "two")]);
        let entries = recorded(dir.path());
        // The same size, written anew: the time differs, so it is read.
        fs::write(dir.path().join("a.json"), "eno").unwrap_or_else(|e| panic!("{e}"));
        assert!(!matches(dir.path(), &entries));
        fs::write(dir.path().join("a.json"), "one").unwrap_or_else(|e| panic!("{e}"));
        assert!(matches(dir.path(), &entries), "the same bytes again match");
        fs::write(dir.path().join("b.json"), "two!").unwrap_or_else(|e| panic!("{e}"));
        assert!(!matches(dir.path(), &entries));
        fs::write(dir.path().join("b.json"), "two").unwrap_or_else(|e| panic!("{e}"));
        fs::write(dir.path().join("c.json"), "").unwrap_or_else(|e| panic!("{e}"));
        assert!(!matches(dir.path(), &entries));
    }

    #[test]
    fn a_recent_file_is_read_again_however_its_time_looks() {
        let dir = folder(&[("a.json", "one")]);
        let listing = Listing::of(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let racy = listing
            .fingerprint(dir.path(), &[], SystemTime::now())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(racy.first().and_then(|e| e.modified), None);
        // A recorded hash that no longer fits is found although size and
        // time are unchanged, because the time was not trusted.
        let mut wrong = racy.clone();
        if let Some(entry) = wrong.first_mut() {
            entry.sha256 = "0".repeat(64);
        }
        assert!(!matches(dir.path(), &wrong));
        assert!(matches(dir.path(), &racy));
    }

    #[test]
    fn a_trusted_time_is_not_read_again() {
        let dir = folder(&[("a.json", "one")]);
        let mut entries = recorded(dir.path());
        if let Some(entry) = entries.first_mut() {
            entry.sha256 = "0".repeat(64);
        }
        // Size and time as recorded: taken as unchanged, as make would.
        assert!(matches(dir.path(), &entries));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_not_fingerprinted() {
        let dir = folder(&[("a.json", "one")]);
        std::os::unix::fs::symlink("a.json", dir.path().join("b.json"))
            .unwrap_or_else(|e| panic!("{e}"));
        let listed = Listing::of(dir.path());
        assert!(
            matches!(listed, Err(Error::NotRegular { .. })),
            "{listed:?}"
        );
    }
}
