//! A small builder for running the binary in a scratch or the repository
//! folder and asserting on its exit code and output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde::Deserialize;

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped document and catalog, as the model reads them.
pub(crate) fn shipped() -> (initiative::model::Document, initiative::model::Catalog) {
    let read = |path: &str| std::fs::read_to_string(repo().join(path)).unwrap();
    (
        serde_json::from_str(&read("data/hangzhou-initiative/document.json")).unwrap(),
        serde_json::from_str(&read("data/catalog.json")).unwrap(),
    )
}

/// One run of the binary.
pub(crate) struct Test {
    dir: PathBuf,
    _scratch: Option<tempfile::TempDir>,
    args: Vec<String>,
    env: Vec<(String, String)>,
}

/// What a run gave.
pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Test {
    /// A run in the repository root.
    pub(crate) fn in_repo() -> Self {
        Self {
            dir: repo(),
            _scratch: None,
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    /// A run in an empty scratch folder.
    pub(crate) fn scratch() -> Self {
        let scratch = tempfile::tempdir().expect("tempdir");
        Self {
            dir: scratch.path().to_path_buf(),
            _scratch: Some(scratch),
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    /// A scratch folder holding a copy of the repository's `data/` and `schema/`.
    pub(crate) fn scratch_repo() -> Self {
        let test = Self::scratch();
        for dir in ["data", "schema"] {
            copy_dir(&repo().join(dir), &test.dir.join(dir));
        }
        test
    }

    /// The folder the run happens in.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes a file relative to the run's folder.
    pub(crate) fn write(self, path: &str, contents: impl AsRef<[u8]>) -> Self {
        let path = self.dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        self
    }

    /// Sets the arguments for the next run (replacing earlier ones).
    pub(crate) fn args(mut self, args: &[&str]) -> Self {
        self.args = args.iter().map(|a| (*a).to_owned()).collect();
        self
    }

    /// Sets an environment variable.
    pub(crate) fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Runs the binary.
    #[track_caller]
    pub(crate) fn run(&self) -> Run {
        self.run_with(&self.args)
    }

    /// Runs `sh -c "<setup>; exec initiative <args>"` in the run's folder:
    /// the binary under a shell's limits (`ulimit`, `umask`, `trap`).
    pub(crate) fn run_in_shell(&self, setup: &str, args: &str) -> Run {
        let script = format!(
            "{setup}; exec '{}' {args}",
            env!("CARGO_BIN_EXE_initiative")
        );
        let Output {
            status,
            stdout,
            stderr,
        } = Command::new("sh")
            .args(["-c", &script])
            .current_dir(&self.dir)
            .output()
            .expect("cannot run sh");
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }

    /// Runs the binary with `args` instead of the ones set.
    pub(crate) fn run_with(&self, args: &[impl AsRef<std::ffi::OsStr>]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_initiative"));
        command
            .args(args)
            .current_dir(&self.dir)
            .env_remove("NO_COLOR");
        for (k, v) in &self.env {
            command.env(k, v);
        }
        let Output {
            status,
            stdout,
            stderr,
        } = command.output().expect("cannot run initiative");
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }
}

impl Run {
    /// Asserts the exit code.
    #[track_caller]
    pub(crate) fn code(self, expected: i32) -> Self {
        assert_eq!(
            self.code, expected,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts the whole of stdout.
    #[track_caller]
    pub(crate) fn stdout(self, expected: &str) -> Self {
        assert_eq!(
            self.stdout, expected,
            "stdout differs; stderr:\n{}",
            self.stderr
        );
        self
    }

    /// Asserts the whole of stderr.
    #[track_caller]
    pub(crate) fn stderr(self, expected: &str) -> Self {
        assert_eq!(self.stderr, expected);
        self
    }

    /// Parses `--format json` output.
    #[track_caller]
    pub(crate) fn report(&self) -> Report {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("report: {e}\n{}", self.stdout))
    }
}

/// Mirror of the JSON report: an added or renamed field fails a test.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub(crate) struct Report {
    pub version: u32,
    pub valid: bool,
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<ReportDiagnostic>,
}

/// Mirror of one diagnostic in the JSON report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub(crate) struct ReportDiagnostic {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub pointer: String,
    pub unit: Option<String>,
    pub severity: String,
    pub code: String,
    pub message: String,
    pub hint: Option<String>,
}

/// Copies a folder tree.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display()))
    {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file under `dir` with its bytes, keyed by its path below `dir`.
pub(crate) fn read_tree(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries =
            std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("read {}: {e}", folder.display()));
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.file_name() == Some(std::ffi::OsStr::new(initiative::export::MARKER)) {
                // The marker says whose tree this is; it is not an export
                // (tests/safety.rs checks it).
            } else {
                let bytes = std::fs::read(&path).expect("read");
                let relative = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
                files.insert(relative, bytes);
            }
        }
    }
    files
}
