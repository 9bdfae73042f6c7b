//! File-system helpers that never leave a half-written file behind, never
//! write through a symbolic link, and never block on a special file.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The ending of the temporary files [`write_atomic`] writes beside their
/// target. A kill can leave one behind; the next write into the same folder
/// removes it ([`clear_temporary`]).
pub const TEMPORARY_SUFFIX: &str = ".initiative-tmp";

/// How [`open_regular`] treats a symbolic link at the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// Follow it: the file it points to must be regular.
    Follow,
    /// Refuse it: the path itself must be a regular file.
    Refuse,
}

/// Opens `path` for reading if it is a regular file. A FIFO, device,
/// folder or (with [`Links::Refuse`]) symbolic link is an error of kind
/// [`io::ErrorKind::InvalidInput`] saying what it is; opening never blocks,
/// even on a FIFO with no writer.
pub fn open_regular(path: &Path, links: Links) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    never_wait(&mut options, links);
    let file = options
        .open(path)
        .map_err(|e| explain_open(path, links, e))?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        Ok(file)
    } else {
        Err(not_regular(kind_name(&kind)))
    }
}

/// Sets `options` never to block on opening (a FIFO with no writer) and,
/// with [`Links::Refuse`], never to follow a symbolic link.
pub fn never_wait(options: &mut fs::OpenOptions, links: Links) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = match links {
            Links::Follow => 0,
            Links::Refuse => rustix::fs::OFlags::NOFOLLOW.bits(),
        };
        let flags = rustix::fs::OFlags::NONBLOCK.bits() | nofollow;
        // Two small flag bits: the conversion cannot fail.
        options.custom_flags(i32::try_from(flags).unwrap_or(0));
    }
    #[cfg(not(unix))]
    let _ = (options, links);
}

/// `open`'s error, with `ELOOP` on a refused link said as such.
fn explain_open(path: &Path, links: Links, error: io::Error) -> io::Error {
    let is_link = path.symlink_metadata().is_ok_and(|m| m.is_symlink());
    if links == Links::Refuse && is_link {
        not_regular("a symbolic link")
    } else {
        error
    }
}

fn not_regular(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("it is {what}, not a regular file"),
    )
}

/// What a file of type `kind` is, for messages (`a FIFO`).
pub fn kind_name(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Reads `path` whole if it is a regular file ([`open_regular`]).
pub fn read_regular(path: &Path, links: Links) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut open_regular(path, links)?, &mut bytes)?;
    Ok(bytes)
}

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename, so a reader sees the old file or the new one, never a mix. The
/// file gets the mode the umask gives a new file, or keeps the mode of the
/// file it replaces. A symbolic link or special file at `path` is refused
/// (kind [`io::ErrorKind::InvalidInput`]) before anything is written.
/// The data and the folder entry are on disk when this returns.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_of(path);
    let previous = match path.symlink_metadata() {
        Ok(meta) if meta.is_file() => Some(meta.permissions()),
        Ok(meta) => return Err(not_regular(kind_name(&meta.file_type()))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    fs::create_dir_all(dir)?;
    clear_temporary(dir)?;
    let (tmp, mut file) = create_temporary(path)?;
    let written = (|| {
        file.write_all(bytes)?;
        if let Some(permissions) = previous {
            file.set_permissions(permissions)?;
        }
        file.sync_all()?;
        fs::rename(&tmp, path)?;
        sync_folder(dir)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// The folder holding `path` (`.` for a bare name).
fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Creates the temporary file for `path`, new (never an existing file or a
/// link), with the umask's mode, and locked for as long as it is open so
/// [`clear_temporary`] in another process leaves it alone.
fn create_temporary(path: &Path) -> io::Result<(PathBuf, fs::File)> {
    let name = path
        .file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy();
    let mut attempt = 0u32;
    loop {
        let tmp = parent_of(path).join(format!(
            ".{name}.{}-{attempt}{TEMPORARY_SUFFIX}",
            std::process::id()
        ));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(file) => {
                file.lock()?;
                return Ok((tmp, file));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Removes the temporary files a killed [`write_atomic`] left in `dir`:
/// regular files ending in [`TEMPORARY_SUFFIX`] that no running write
/// holds locked.
pub fn clear_temporary(dir: &Path) -> io::Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        if !name.to_string_lossy().ends_with(TEMPORARY_SUFFIX) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = open_regular(&path, Links::Refuse) else {
            continue;
        };
        if file.try_lock().is_ok() {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Flushes a folder's entries (a rename into it) to disk.
pub fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Whether `path` holds exactly `bytes` (a missing file holds nothing; a
/// link or special file never does).
pub fn same_content(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    match read_regular(path, Links::Refuse) {
        Ok(existing) => Ok(existing == bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) if e.kind() == io::ErrorKind::InvalidInput => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_write_keeps_the_mode_of_the_file_it_replaces_and_clears_debris() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("fr.json");
        fs::write(&path, "old").unwrap_or_else(|e| panic!("{e}"));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640))
            .unwrap_or_else(|e| panic!("{e}"));
        let debris = dir.path().join(".fr.json.1-0.initiative-tmp");
        fs::write(&debris, "half").unwrap_or_else(|e| panic!("{e}"));
        write_atomic(&path, b"new").unwrap_or_else(|e| panic!("{e}"));
        let mode = fs::metadata(&path).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o640));
        assert_eq!(fs::read(&path).ok().as_deref(), Some(&b"new"[..]));
        assert!(!debris.exists(), "the killed write's file is gone");
    }

    #[test]
    fn a_link_or_fifo_is_never_written_through_nor_read() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let target = dir.path().join("target");
        fs::write(&target, "keep").unwrap_or_else(|e| panic!("{e}"));
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&target, &link).unwrap_or_else(|e| panic!("{e}"));
        let fifo = dir.path().join("fifo.json");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o644),
            0,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        for path in [&link, &fifo] {
            let error = write_atomic(path, b"x").err().map(|e| e.kind());
            assert_eq!(
                error,
                Some(io::ErrorKind::InvalidInput),
                "{}",
                path.display()
            );
            let error = read_regular(path, Links::Refuse).err().map(|e| e.kind());
            assert_eq!(
                error,
                Some(io::ErrorKind::InvalidInput),
                "{}",
                path.display()
            );
        }
        assert_eq!(fs::read(&target).ok().as_deref(), Some(&b"keep"[..]));
        assert!(read_regular(&link, Links::Follow).is_ok());
    }
}
