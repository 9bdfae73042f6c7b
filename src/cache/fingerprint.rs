//! Fingerprints of the files under a folder, taken as make, cargo and git
//! take them: each regular file's path, size, modification and
//! status-change times, and its SHA-256. A file whose size and times are
//! what was recorded is taken to be unchanged without being read; any
//! other is read and hashed, so a file touched but not changed still
//! matches.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::Digest as _;

use super::Error;
use crate::fsx;

/// A file modified this close to when its fingerprint is taken may change
/// again within the same tick of the file system's clock, keeping its
/// times. Its times are not recorded, so the next run reads it (as git
/// treats a "racily clean" file).
const RACY: Duration = Duration::from_secs(2);

/// How much of a file is hashed at a time.
const BLOCK: usize = 1 << 20;

/// What the cache keeps of one file or folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The path under the folder, parts joined by `/`; a folder's ends in
    /// `/`.
    pub path: String,
    /// Its size in bytes (0 for a folder).
    pub size: u64,
    /// Its modification and status-change times in nanoseconds since
    /// 1970, or `None` when they were too recent to trust (within two
    /// seconds of the fingerprint) or the path is a folder's. The
    /// status-change time moves on any write, `chmod` or `touch` and
    /// cannot be set back, so a file given old times (`cp -p`,
    /// `touch -r`) is still read again.
    pub modified: Option<(u64, u64)>,
    /// Its SHA-256 in lower-case hex (empty for a folder).
    pub sha256: String,
}

/// The regular files and folders under a folder, in path order, as the
/// file system describes them: nothing is read yet. Folders are listed
/// (their paths end in `/`) because an empty one can matter: a folder
/// named like a data file is an error.
#[derive(Debug)]
pub struct Listing {
    /// Each file's or folder's path under the folder, and its metadata.
    files: Vec<(String, fs::Metadata)>,
}

/// Whether a listed path is a folder's.
fn is_folder(path: &str) -> bool {
    path.ends_with('/')
}

impl Listing {
    /// Lists `dir`. A link, a special file or a name that is not UTF-8
    /// anywhere below it is an error: the cache only vouches for folders
    /// and regular files.
    pub fn of(dir: &Path) -> Result<Self, Error> {
        let meta = dir
            .symlink_metadata()
            .map_err(|e| Error::io("read", dir, e))?;
        if !meta.is_dir() {
            return Err(Error::NotRegular {
                path: dir.to_path_buf(),
                kind: fsx::kind_name(&meta.file_type()),
            });
        }
        let mut files = Vec::new();
        walk(dir, "", &mut files)?;
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Self { files })
    }

    /// Whether the files are exactly `recorded` (paths, sizes and
    /// contents), reading only those whose times are not the recorded
    /// ones. Returns the entries as they stand now, or `None` at the first
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
            .any(|((path, meta), entry)| *path != entry.path || size(path, meta) != entry.size)
        {
            return Ok(None);
        }
        // Then the files whose times are not the recorded ones (all of
        // them after a fresh checkout), read in parallel; the first that
        // differs stops the rest.
        let differs = pairs
            .par_iter()
            .filter(|((path, meta), entry)| {
                !is_folder(path) && (entry.modified.is_none() || entry.modified != times(meta))
            })
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
                .map(|((path, meta), entry)| Entry {
                    modified: trusted(path, meta, now),
                    ..entry.clone()
                })
                .collect(),
        ))
    }

    /// An entry for every file and folder: a file's hash as `known` gives
    /// it where its path, size and times are the same, read from disk
    /// otherwise.
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
                    e.size == meta.len() && e.modified.is_some() && e.modified == times(meta)
                });
                let sha256 = match reused {
                    _ if is_folder(path) => String::new(),
                    Some(entry) => entry.sha256.clone(),
                    None => sha256_of(&dir.join(path))?,
                };
                Ok(Entry {
                    path: path.clone(),
                    size: size(path, meta),
                    modified: trusted(path, meta, now),
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
        let files = self.files.iter().filter(|(path, _)| !is_folder(path));
        if files.count() != made.len() {
            return None;
        }
        self.files
            .iter()
            .map(|(path, meta)| {
                let (size, sha256) = match made.get(path.as_str()) {
                    _ if is_folder(path) => (0, ""),
                    Some((size, sha256)) if *size == meta.len() => (*size, *sha256),
                    _ => return None,
                };
                Some(Entry {
                    path: path.clone(),
                    size,
                    modified: trusted(path, meta, now),
                    sha256: sha256.to_owned(),
                })
            })
            .collect()
    }

    /// Whether every file still has the size and times it has in
    /// `before`, and there are the same files and folders: nothing was
    /// written in between.
    pub fn same_as(&self, before: &Self) -> bool {
        self.files.len() == before.files.len()
            && self
                .files
                .iter()
                .zip(&before.files)
                .all(|((p, m), (q, n))| {
                    p == q && (is_folder(p) || (m.len() == n.len() && times(m) == times(n)))
                })
    }
}

/// Adds the regular files and folders under `dir` (named `prefix/…`) to
/// `files`.
fn walk(dir: &Path, prefix: &str, files: &mut Vec<(String, fs::Metadata)>) -> Result<(), Error> {
    let read = |e| Error::io("read", dir, e);
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
            files.push((format!("{path}/"), meta));
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

/// The size recorded for a listed path: a folder's is 0, since what a
/// file system reports for one says nothing of its entries.
fn size(path: &str, meta: &fs::Metadata) -> u64 {
    if is_folder(path) { 0 } else { meta.len() }
}

/// The file's modification and status-change times in nanoseconds since
/// 1970.
pub(super) fn times(meta: &fs::Metadata) -> Option<(u64, u64)> {
    Some((nanos(meta.modified().ok()?)?, nanos(changed(meta)?)?))
}

/// `time` in nanoseconds since 1970.
fn nanos(time: SystemTime) -> Option<u64> {
    u64::try_from(time.duration_since(UNIX_EPOCH).ok()?.as_nanos()).ok()
}

/// When the file's status last changed (its content, mode, links or
/// times).
#[cfg(unix)]
fn changed(meta: &fs::Metadata) -> Option<SystemTime> {
    use std::os::unix::fs::MetadataExt as _;
    let seconds = u64::try_from(meta.ctime()).ok()?;
    let nanos = u32::try_from(meta.ctime_nsec()).ok()?;
    UNIX_EPOCH.checked_add(Duration::new(seconds, nanos))
}

/// When the file's status last changed: elsewhere, its modification time.
#[cfg(not(unix))]
fn changed(meta: &fs::Metadata) -> Option<SystemTime> {
    meta.modified().ok()
}

/// [`times`], unless either is too close to `now` to trust or the path is
/// a folder's.
fn trusted(path: &str, meta: &fs::Metadata, now: SystemTime) -> Option<(u64, u64)> {
    let latest = meta.modified().ok()?.max(changed(meta)?);
    if is_folder(path) || latest + RACY > now {
        return None;
    }
    times(meta)
}

/// The SHA-256 of the regular file at `path`, in lower-case hex, read a
/// block at a time.
pub fn sha256_of(path: &Path) -> Result<String, Error> {
    let read = |e| Error::io("read", path, e);
    let file = fsx::open_regular(path, fsx::Links::Refuse).map_err(read)?;
    let mut reader = BufReader::with_capacity(BLOCK, file);
    let mut hasher = sha2::Sha256::new();
    loop {
        let block = reader.fill_buf().map_err(read)?;
        if block.is_empty() {
            break;
        }
        hasher.update(block);
        let n = block.len();
        reader.consume(n);
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
        assert_eq!(paths, ["a.json", "b/", "b/x.json"]);
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

    #[test]
    fn an_empty_folder_added_or_removed_is_a_difference() {
        let dir = folder(&[("a.json", "one")]);
        let entries = recorded(dir.path());
        fs::create_dir(dir.path().join("b.json")).unwrap_or_else(|e| panic!("{e}"));
        assert!(!matches(dir.path(), &entries));
        let with_folder = recorded(dir.path());
        fs::remove_dir(dir.path().join("b.json")).unwrap_or_else(|e| panic!("{e}"));
        assert!(!matches(dir.path(), &with_folder));
        assert!(matches(dir.path(), &entries));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_given_back_its_old_time_is_read_again() {
        let dir = folder(&[("a.json", "one")]);
        let path = dir.path().join("a.json");
        let before = fs::metadata(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut entries = recorded(dir.path());
        // What the cache would say if the file were "one" at that time.
        assert!(entries.first().is_some_and(|e| e.modified.is_some()));
        // Past the clock's tick, as any edit after a build is.
        std::thread::sleep(Duration::from_millis(50));
        fs::write(&path, "two").unwrap_or_else(|e| panic!("{e}"));
        let old = before.modified().unwrap_or_else(|e| panic!("{e}"));
        fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(old))
            .unwrap_or_else(|e| panic!("{e}"));
        // Same size, same modification time: only the status-change time
        // tells, and the bytes are read.
        assert!(!matches(dir.path(), &entries));
        if let Some(entry) = entries.first_mut() {
            entry.sha256 = crate::export::sha256_hex(b"two");
        }
        assert!(matches(dir.path(), &entries));
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_folder_is_not_listed() {
        let dir = folder(&[("real/a.json", "one")]);
        std::os::unix::fs::symlink("real", dir.path().join("linked"))
            .unwrap_or_else(|e| panic!("{e}"));
        let listed = Listing::of(&dir.path().join("linked"));
        assert!(
            matches!(listed, Err(Error::NotRegular { .. })),
            "{listed:?}"
        );
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
