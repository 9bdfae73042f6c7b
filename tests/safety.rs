//! What a command does to what it was not asked to touch: a destination that
//! is not an export tree, links and special files where files are read or
//! written, a held lock, a run from below the project root, a thread count
//! the machine cannot give. Each test compares a snapshot of the whole tree
//! before and after. See: #13

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::Test;

/// Every entry under `dir`: a file's bytes, a link's target, or the kind of
/// anything else (a FIFO is never opened).
pub(crate) fn snapshot(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut entries = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("read") {
            let path = entry.expect("entry").path();
            let meta = path.symlink_metadata().unwrap();
            let what = if meta.is_symlink() {
                format!(
                    "link to {}",
                    std::fs::read_link(&path)
                        .map_or_else(|e| e.to_string(), |t| t.display().to_string())
                )
            } else if meta.is_dir() {
                pending.push(path.clone());
                "folder".into()
            } else if meta.is_file() {
                let bytes = std::fs::read(&path).expect("read");
                let mut hasher = std::hash::DefaultHasher::new();
                std::hash::Hash::hash(&bytes, &mut hasher);
                format!(
                    "{} bytes, hash {:x}",
                    bytes.len(),
                    std::hash::Hasher::finish(&hasher)
                )
            } else {
                format!("{:?}", meta.file_type())
            };
            let relative = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
            entries.insert(relative, what);
        }
    }
    entries
}

pub(crate) fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status();
    assert!(
        status.is_ok_and(|s| s.success()),
        "mkfifo {}",
        path.display()
    );
}

pub(crate) fn symlink(target: impl AsRef<Path>, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

/// Runs the binary in `dir` with `args`, killing it after `limit` (a hang
/// is a failing test, not a stuck one). Returns the exit code and stderr.
fn run_with_deadline(dir: &Path, args: &[&str], limit: Duration) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_initiative"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    while child.try_wait().ok().flatten().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return (None, "killed: it hung".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("wait");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

const NOT_A_TREE: &str = "it holds files but no .initiative-exports marker, so it is not an export tree; exports go to a missing or empty folder, or to an export tree";

#[test]
fn export_out_data_or_any_folder_not_an_export_tree_changes_nothing() {
    let test = Test::scratch_repo().write("src/main.rs", "fn main() {}\n");
    let before = snapshot(test.dir());
    for out in ["data", "src", "."] {
        let run = test.run_with(&["export", "--out", out]).code(2);
        assert_eq!(
            run.stderr,
            format!("initiative: error: refusing to write {out}: {NOT_A_TREE}\n")
        );
        assert_eq!(snapshot(test.dir()), before, "--out {out}");
    }
}

#[test]
fn export_out_onto_a_file_a_link_or_a_fifo_changes_nothing() {
    let test = Test::scratch_repo().write("notes.txt", "mine\n");
    std::fs::create_dir(test.dir().join("elsewhere")).unwrap();
    symlink("elsewhere", &test.dir().join("link"));
    mkfifo(&test.dir().join("fifo"));
    let before = snapshot(test.dir());
    for (out, what) in [
        ("notes.txt", "a regular file"),
        ("link", "a symbolic link"),
        ("fifo", "a FIFO"),
        ("missing/exports", ""),
    ] {
        let run = test.run_with(&["export", "--out", out]).code(2);
        let reason = if what.is_empty() {
            "the folder it would go in, missing, does not exist".to_owned()
        } else {
            format!("it is {what}")
        };
        assert_eq!(
            run.stderr,
            format!(
                "initiative: error: refusing to write {out}: {reason}; exports go to a missing or empty folder, or to an export tree\n"
            )
        );
        assert_eq!(snapshot(test.dir()), before, "--out {out}");
    }
}

#[test]
fn an_export_tree_is_marked_and_a_hand_edited_one_is_regenerated() {
    let test = Test::scratch_repo().args(&["build"]);
    test.run().code(0);
    let exports = test.dir().join("exports");
    let marker = std::fs::read_to_string(exports.join(".initiative-exports"));
    assert_eq!(
        marker.ok().as_deref(),
        Some(
            "This folder is an export tree written by `initiative build` and `initiative export`.\nEach run replaces the files here: keep nothing else in this folder.\n"
        )
    );
    let built = snapshot(&exports);
    std::fs::write(exports.join("json/hangzhou-initiative.json"), "edited").unwrap();
    std::fs::write(exports.join("stray.txt"), "x").unwrap();
    test.run().code(0);
    assert_eq!(snapshot(&exports), built);
    // An empty folder is the tool's to fill.
    std::fs::create_dir(test.dir().join("empty")).unwrap();
    test.run_with(&["export", "--out", "empty"]).code(0);
    assert_eq!(snapshot(&test.dir().join("empty")), built);
}

#[test]
fn a_symlinked_lock_is_refused_and_its_target_kept() {
    let test = Test::scratch_repo().write("victim", "precious\n");
    symlink("victim", &test.dir().join(".exports.lock"));
    let before = snapshot(test.dir());
    test.run_with(&["build"]).code(2).stderr(
        "initiative: error: refusing to write ./.exports.lock: this lock file is a link or special file; remove it\n",
    );
    assert_eq!(snapshot(test.dir()), before);
}

#[test]
fn a_held_lock_is_waited_on_with_a_message_and_the_timeout_gives_up() {
    let test = Test::scratch_repo();
    let lock = std::fs::File::create(test.dir().join(".exports.lock")).unwrap();
    lock.lock().unwrap();
    let before = snapshot(test.dir());
    test.run_with(&["build", "--lock-timeout", "0.3"])
        .code(2)
        .stderr(concat!(
            "waiting for another run to finish with exports (lock ./.exports.lock)\n",
            "initiative: error: another run holds ./.exports.lock: gave up after 0.3 s (--lock-timeout)\n",
        ));
    assert_eq!(snapshot(test.dir()), before);
}

#[test]
fn a_fifo_among_the_data_or_the_exports_is_an_error_not_a_hang() {
    let test = Test::scratch_repo();
    test.run_with(&["build"]).code(0);
    let fifo = test
        .dir()
        .join("data/hangzhou-initiative/translations/xx.json");
    mkfifo(&fifo);
    let (code, stderr) = run_with_deadline(test.dir(), &["validate"], Duration::from_secs(20));
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(
        stderr,
        "initiative: error: cannot read data/hangzhou-initiative/translations/xx.json: it is a FIFO, not a regular file\n"
    );
    std::fs::remove_file(&fifo).unwrap();
    // In the exports, where a file should be: stale for a check, replaced
    // by a writing run.
    let exported = test.dir().join("exports/json/hangzhou-initiative.json");
    std::fs::remove_file(&exported).unwrap();
    mkfifo(&exported);
    let (code, stderr) = run_with_deadline(
        test.dir(),
        &["build", "--check", "-q"],
        Duration::from_secs(20),
    );
    assert_eq!(code, Some(1), "{stderr}");
    let (code, stderr) = run_with_deadline(test.dir(), &["build", "-q"], Duration::from_secs(20));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(exported.symlink_metadata().is_ok_and(|m| m.is_file()));
}

#[test]
fn a_data_file_that_is_a_folder_a_device_or_a_loop_is_named_never_skipped() {
    let document = "data/other/document.json";
    for (what, make, message) in [
        (
            "folder",
            &(|p: &Path| std::fs::create_dir_all(p).unwrap()) as &dyn Fn(&Path),
            "it is a folder, not a regular file",
        ),
        (
            "device",
            &|p: &Path| symlink("/dev/zero", p),
            "it is a device, not a regular file",
        ),
        (
            "loop",
            &|p: &Path| symlink(p.file_name().unwrap_or_default(), p),
            "Too many levels of symbolic links (os error 40)",
        ),
    ] {
        let test = Test::scratch_repo();
        let path = test.dir().join(document);
        std::fs::create_dir_all(test.dir().join("data/other")).unwrap();
        make(&path);
        let before = snapshot(test.dir());
        test.run_with(&["build"]).code(2).stderr(&format!(
            "initiative: error: cannot read {document}: {message}\n"
        ));
        let mut after = snapshot(test.dir());
        // The lock beside the exports is the run's own, and stays.
        assert!(after.remove(Path::new(".exports.lock")).is_some());
        assert_eq!(after, before, "{what}");
    }
    Test::scratch_repo()
        .write("data/x.json/keep", "")
        .args(&["validate", "data/x.json"])
        .run()
        .code(2)
        .stderr("initiative: error: data/x.json is a folder, not a data file\n");
}

#[test]
fn build_from_below_the_root_works_on_the_root_and_writes_nothing_in_data() {
    let test = Test::scratch_repo();
    let data = test.dir().join("data");
    let before = snapshot(&data);
    let (code, stderr) = run_with_deadline(
        &data.join("hangzhou-initiative"),
        &["-v", "build"],
        Duration::from_secs(60),
    );
    assert_eq!(code, Some(0), "{stderr}");
    let root = std::fs::canonicalize(test.dir()).unwrap();
    assert!(
        stderr.starts_with(&format!("project root: {}\n", root.display())),
        "{stderr}"
    );
    assert_eq!(snapshot(&data), before);
    assert!(test.dir().join("exports/.initiative-exports").is_file());
    assert!(
        test.dir()
            .join("exports/json/hangzhou-initiative.json")
            .is_file()
    );
}

#[test]
fn jobs_the_machine_cannot_start_are_a_usage_error() {
    let run = Test::scratch_repo()
        .run_in_shell("ulimit -v 2000000", "-j 500 validate")
        .code(2);
    let stderr = run.stderr;
    assert!(
        stderr.starts_with("initiative: error: cannot start 500 threads: "),
        "{stderr}"
    );
    assert!(stderr.ends_with("; give a smaller --jobs\n"), "{stderr}");
}

#[test]
fn translation_files_keep_their_mode_refuse_links_and_clear_killed_writes() {
    use std::os::unix::fs::PermissionsExt;
    let test = Test::scratch_repo();
    let dir = test.dir().join("data/hangzhou-initiative/translations");
    let debris = dir.join(".es.json.4242-0.initiative-tmp");
    std::fs::write(&debris, "half a file").unwrap();
    test.run_in_shell("umask 022", "translation template --lang es")
        .code(0);
    let mode = |p: &Path| p.metadata().map(|m| m.permissions().mode() & 0o777).ok();
    assert_eq!(mode(&dir.join("es.json")), Some(0o644));
    assert!(!debris.exists(), "the killed write's file is cleared");
    // An XLIFF written over a link or FIFO: refused, nothing changed.
    symlink("../../../notes.txt", &test.dir().join("fr.xlf"));
    mkfifo(&test.dir().join("de.xlf"));
    let before = snapshot(test.dir());
    for (out, what) in [("fr.xlf", "a symbolic link"), ("de.xlf", "a FIFO")] {
        test.run_with(&[
            "translation",
            "xliff",
            "export",
            "--lang",
            "fr",
            "--out",
            out,
        ])
        .code(2)
        .stderr(&format!(
            "initiative: error: cannot write {out}: it is {what}, not a regular file\n"
        ));
    }
    assert_eq!(snapshot(test.dir()), before);
}

/// A scratch project whose committed exports have gone stale: one file
/// edited, one removed, one stray, and a schema edited.
fn drifted() -> Test {
    let test = Test::scratch_repo();
    test.run_with(&["build", "-q"]).code(0);
    let dir = test.dir();
    let write = |path: &str, text: &str| {
        std::fs::write(dir.join(path), text).unwrap();
    };
    write("exports/json/hangzhou-initiative.json", "{}\n");
    write("exports/stray.txt", "x\n");
    write("schema/xml.xsd", "<old/>\n");
    std::fs::remove_file(dir.join("exports/xml/hangzhou-initiative.xml")).unwrap();
    test
}

#[test]
fn drift_is_an_annotation_in_github_format() {
    let test = drifted();
    let run = test
        .run_with(&["build", "--check", "--format", "github", "-q"])
        .code(1);
    let hint = |command: &str| format!("%0Ahelp: run `{command}` and commit the result");
    let build = hint("initiative build");
    assert_eq!(
        run.stdout,
        format!(
            concat!(
                "::error file=schema/xml.xsd,title=schema-stale::this schema differs from the schema the model generates: run `initiative schema` to regenerate it%0Ahelp: run `initiative schema` (or `initiative build`) and commit the result\n",
                "::error file=exports/json/hangzhou-initiative.json,title=export-stale::this export differs from what the data gives: run `initiative build` to regenerate it{build}\n",
                "::error file=exports/stray.txt,title=export-extra::this export is no longer made from the data: run `initiative build` to regenerate it{build}\n",
                "::error file=exports/xml/hangzhou-initiative.xml,title=export-missing::this export is missing: run `initiative build` to regenerate it{build}\n",
            ),
            build = build
        )
    );
}

#[test]
fn drift_is_part_of_the_json_report_which_always_parses() {
    let test = drifted();
    let run = test
        .run_with(&["build", "--check", "--message-format", "json"])
        .code(1);
    let report = run.report();
    assert!(!report.valid);
    let drift: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == "error")
        .map(|d| (d.file.as_str(), d.code.as_str()))
        .collect();
    assert_eq!(
        drift,
        [
            ("schema/xml.xsd", "schema-stale"),
            ("exports/json/hangzhou-initiative.json", "export-stale"),
            ("exports/stray.txt", "export-extra"),
            ("exports/xml/hangzhou-initiative.xml", "export-missing"),
        ]
    );
    assert_eq!(report.errors, 4);
    // `export --check` has a report format too.
    let run = test
        .run_with(&["export", "--check", "--message-format", "json"])
        .code(1);
    let codes: Vec<String> = run
        .report()
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert!(codes.contains(&"export-extra".to_owned()), "{codes:?}");
}

#[test]
fn a_name_that_is_not_utf8_never_drops_the_report() {
    use std::os::unix::ffi::OsStrExt;
    let test = Test::scratch_repo();
    let folder = test
        .dir()
        .join("data")
        .join(std::ffi::OsStr::from_bytes(b"caf\xe9"));
    std::fs::create_dir(&folder).unwrap();
    let document =
        std::fs::read_to_string(test.dir().join("data/hangzhou-initiative/document.json")).unwrap();
    std::fs::write(folder.join("document.json"), document).unwrap();
    let file = "data/caf\u{FFFD}/document.json";
    let message = "document id `hangzhou-initiative` differs from its folder `caf\u{FFFD}`";
    let report = test
        .run_with(&["validate", "--format", "json"])
        .code(1)
        .report();
    let located: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "document-location")
        .map(|d| (d.file.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(located, [(file, message)]);
    let run = test.run_with(&["validate", "--format", "github"]).code(1);
    assert!(
        run.stdout.contains(&format!(
            "::error file={file},line=3,col=9,title=document-location::{message}"
        )),
        "{}",
        run.stdout
    );
    let run = test.run_with(&["validate", "--color", "never"]).code(1);
    assert!(
        run.stdout.contains(&format!(
            "error[document-location]: {message}\n --> {file}:3:9\n"
        )),
        "{}",
        run.stdout
    );
}

#[test]
fn flag_errors_have_the_tools_one_style_and_no_misleading_tip() {
    Test::scratch_repo()
        .args(&["validate", "--strict"])
        .run()
        .code(2)
        .stdout("")
        .stderr(concat!(
            "initiative: error: unexpected argument '--strict' found\n",
            "\n",
            "Usage: initiative validate [OPTIONS] [PATHS]...\n",
            "\n",
            "For more information, try '--help'.\n",
        ));
}

#[test]
fn base_iri_from_the_flag_is_judged_and_said_to_last_one_run() {
    let test = Test::scratch_repo();
    let iri = "https://opendata.portal.cn/initiative/";
    let run = test
        .run_with(&["build", "--base-iri", iri, "--format", "github"])
        .code(0);
    let placeholders: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("title=catalog-placeholder"))
        .map(|l| l.split_once(",title").map_or(l, |(place, _)| place))
        .collect();
    // The catalog's own base_iri (line 3) is not what this run publishes.
    assert_eq!(
        placeholders,
        [
            "::warning file=data/catalog.json,line=4,col=19",
            "::warning file=data/catalog.json,line=14,col=12",
            "::warning file=data/catalog.json,line=23,col=14",
        ]
    );
    assert_eq!(
        run.stderr,
        format!(
            "--base-iri is for this run only: data/catalog.json says `https://example.org/initiative/`, which the next run without the flag uses again; set \"base_iri\" there to keep `{iri}`\n"
        )
    );
}
