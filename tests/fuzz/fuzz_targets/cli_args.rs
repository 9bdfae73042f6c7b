//! Any argument vector (NUL-separated bytes, UTF-8 or not) on the command
//! line: parsing never panics, and a `validate` run on paths inside a
//! scratch copy of the project ends with exit 0, 1 or 2, whatever the paths
//! name (missing files, folders, links, names that are not UTF-8).
#![no_main]

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Component, Path};
use std::sync::OnceLock;

use clap::Parser;
use initiative::cli::{Cli, Outcome, run};
use libfuzzer_sys::fuzz_target;

/// The commands that write: never run here, only parsed.
const WRITERS: &[&str] = &["build", "export", "schema", "translation", "completions", "man"];

/// A scratch copy of the project, made once, that the runs read from.
fn project() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        for folder in ["data", "schema"] {
            copy(&root.join(folder), &dir.path().join(folder));
        }
        // A link loop and a dangling link for paths to stumble on.
        let _ = std::os::unix::fs::symlink("loop", dir.path().join("loop"));
        let _ = std::os::unix::fs::symlink("nowhere", dir.path().join("dangling"));
        std::env::set_current_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        dir
    })
    .path()
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{e}"));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{e}")).flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

/// Whether the run may go ahead: a reading command, no thread count (the
/// fuzzer would ask for millions), and every path inside the project.
fn safe(args: &[OsString]) -> bool {
    args.iter().all(|arg| {
        let text = arg.to_string_lossy();
        let path = Path::new(arg);
        !WRITERS.contains(&text.as_ref())
            && !text.starts_with("-j")
            && !text.starts_with("--jobs")
            && !path.is_absolute()
            && !path.components().any(|c| c == Component::ParentDir)
    })
}

fuzz_target!(|bytes: &[u8]| {
    let args: Vec<OsString> = bytes
        .split(|b| *b == 0)
        .take(16)
        .map(|a| OsString::from_vec(a.to_vec()))
        .collect();
    let parsed = Cli::try_parse_from(std::iter::once(OsString::from("initiative")).chain(args.clone()));
    let Ok(cli) = parsed else {
        return;
    };
    if !safe(&args) {
        return;
    }
    project();
    match run(cli) {
        Ok(Outcome::Ok | Outcome::Invalid) | Err(_) => {}
    }
});
