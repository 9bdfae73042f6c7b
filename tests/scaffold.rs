//! `initiative init` and `initiative new`: a new project and a new
//! document that validate and build at once, and what each refuses, with
//! the whole tree compared before and after. See: #18

use std::path::Path;

use crate::harness::Test;
use crate::safety::{mkfifo, snapshot, symlink};

#[test]
fn init_then_new_then_validate_and_build_pass() {
    let test = Test::scratch().args(&["init", "texts"]);
    let run = test.run().code(0);
    assert!(
        run.stderr
            .starts_with("made a project in texts: data/catalog.json"),
        "{}",
        run.stderr
    );
    let project = test.dir().join("texts");
    for file in [
        "data/catalog.json",
        "schema/initiative.schema.json",
        "schema/catalog.schema.json",
    ] {
        assert!(project.join(file).is_file(), "{file}");
    }
    let inside = |args: &[&str]| quiet_in(&project, args);
    let new = inside(&[
        "new",
        "paris-statement",
        "--languages",
        "fr,en",
        "--adopted",
        "2026-06-01",
    ]);
    assert!(
        new.status.success(),
        "{}",
        String::from_utf8_lossy(&new.stderr)
    );
    let document =
        std::fs::read_to_string(project.join("data/paris-statement/document.json")).unwrap();
    assert!(document.contains("\"TODO: the title\""), "{document}");
    assert!(
        document.contains("\"adopted\": \"2026-06-01\""),
        "{document}"
    );
    let catalog = std::fs::read_to_string(project.join("data/catalog.json")).unwrap();
    assert!(
        catalog.contains("\"document\": \"paris-statement\""),
        "{catalog}"
    );
    for command in [["validate"].as_slice(), &["build"], &["build", "--check"]] {
        let run = inside(command);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{command:?}: {}",
            String::from_utf8_lossy(&run.stdout)
        );
    }
    assert!(
        project
            .join("exports/markdown/paris-statement/fr.md")
            .is_file()
    );
}

/// Runs the binary with `-q` and `args` in `dir`.
fn quiet_in(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_initiative"))
        .arg("-q")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn init_refuses_a_project_a_link_and_a_file_and_changes_nothing() {
    let test = Test::scratch_repo().write("notes.txt", "mine\n");
    symlink(test.dir().join("data"), &test.dir().join("linked"));
    mkfifo(&test.dir().join("fifo"));
    let before = snapshot(test.dir());
    for (dir, why) in [
        (".", "it already holds data/"),
        ("linked", "it is a symbolic link"),
        ("notes.txt", "it is a regular file, not a folder"),
        ("fifo", "it is a FIFO, not a folder"),
    ] {
        let run = test.run_with(&["init", dir]).code(2);
        assert!(run.stderr.contains(why), "{dir}: {}", run.stderr);
        assert_eq!(snapshot(test.dir()), before, "init {dir}");
    }
    // A missing folder must be in one that exists: nothing is made above it.
    test.run_with(&["init", "missing/texts"]).code(2);
    assert_eq!(snapshot(test.dir()), before);
}

#[test]
fn init_takes_an_existing_folder_holding_other_files() {
    let test = Test::scratch().write("README.md", "# texts\n");
    test.run_with(&["-q", "init"]).code(0).stderr("");
    assert!(test.dir().join("data/catalog.json").is_file());
    assert_eq!(
        std::fs::read(test.dir().join("README.md")).unwrap(),
        b"# texts\n"
    );
}

#[test]
fn new_refuses_an_existing_document_a_linked_folder_and_bad_input() {
    let test = Test::scratch_repo();
    let outside = tempfile::tempdir().unwrap();
    symlink(outside.path(), &test.dir().join("data/linked"));
    let before = snapshot(test.dir());
    for (args, why) in [
        (
            ["new", "hangzhou-initiative", "--languages", "zh-Hans,en"],
            "already exists: edit it, or pass --force",
        ),
        (
            ["new", "linked", "--languages", "en"],
            "it is a symbolic link",
        ),
        (
            ["new", "Bad_Id", "--languages", "en"],
            "is not a document id",
        ),
        (["new", "con", "--languages", "en"], "Windows reserves"),
        (
            ["new", "ok", "--languages", "en_GB"],
            "did you mean `en-GB`?",
        ),
        (["new", "ok", "--languages", "en,en"], "`en` is given twice"),
    ] {
        let run = test.run_with(&args).code(2);
        assert!(run.stderr.contains(why), "{args:?}: {}", run.stderr);
        assert_eq!(snapshot(test.dir()), before, "{args:?}");
    }
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

#[test]
fn new_outside_a_project_writes_nothing() {
    let test = Test::scratch().args(&["new", "x", "--languages", "en"]);
    let run = test.run().code(2);
    assert!(
        run.stderr.contains("no initiative project"),
        "{}",
        run.stderr
    );
    assert!(snapshot(test.dir()).is_empty());
    assert!(!Path::new(&test.dir().join("data")).exists());
}
