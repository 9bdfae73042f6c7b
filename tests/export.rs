//! `initiative export` and the export part of `build`: lossless, byte-stable,
//! and checked for drift. See: #3

use initiative::model::Document;

use crate::harness::{Test, repo};

const JSON_EXPORT: &str = "exports/json/hangzhou-initiative.json";

fn read_document(path: &std::path::Path) -> Document {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_json_export_round_trips_to_the_source_model() {
    let mut exported = read_document(&repo().join(JSON_EXPORT));
    let source = read_document(&repo().join("data/hangzhou-initiative/document.json"));
    assert_eq!(
        exported.schema.as_deref(),
        Some("https://example.org/initiative/schema/initiative.schema.json")
    );
    exported.schema.clone_from(&source.schema);
    assert_eq!(exported, source);
}

#[test]
fn the_committed_exports_are_current() {
    Test::in_repo()
        .args(&["export", "--check"])
        .run()
        .code(0)
        .stdout("");
}

#[test]
fn build_twice_gives_identical_bytes() {
    let test = Test::scratch_repo().args(&["build"]);
    test.run().code(0);
    let first = std::fs::read(test.dir().join(JSON_EXPORT)).unwrap_or_default();
    test.run().code(0);
    let second = std::fs::read(test.dir().join(JSON_EXPORT)).unwrap_or_default();
    assert_eq!(first, second);
    assert_eq!(
        first,
        std::fs::read(repo().join(JSON_EXPORT)).unwrap_or_default()
    );
}

#[test]
fn check_lists_stale_and_extra_files_after_a_hand_edit() {
    let test = Test::scratch_repo().args(&["build"]);
    test.run().code(0);
    let edited = std::fs::read_to_string(test.dir().join(JSON_EXPORT))
        .unwrap_or_default()
        .replace("Hangzhou", "Hang zhou");
    let test = test
        .write(JSON_EXPORT, edited)
        .write("exports/notes.txt", "x")
        .args(&["build", "--check"]);
    let run = test.run().code(1);
    assert!(
        run.stdout.ends_with(
            "exports/json/hangzhou-initiative.json: stale\nexports/notes.txt: extra\nrun `initiative build` to regenerate the exports, and commit the result\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn base_iri_sets_the_published_schema_reference() {
    let test = Test::scratch_repo().args(&[
        "export",
        "--out",
        "out",
        "--base-iri",
        "https://data.example.net/x/",
    ]);
    test.run().code(0);
    let exported = read_document(&test.dir().join("out/json/hangzhou-initiative.json"));
    assert_eq!(
        exported.schema.as_deref(),
        Some("https://data.example.net/x/schema/initiative.schema.json")
    );
}

#[test]
fn invalid_data_writes_no_exports() {
    let test = Test::scratch_repo();
    let document = test.dir().join("data/hangzhou-initiative/document.json");
    let broken = std::fs::read_to_string(&document)
        .unwrap_or_default()
        .replace("\"sec_2\"", "\"sec_9\"");
    let test = test
        .write("data/hangzhou-initiative/document.json", broken)
        .args(&["export"]);
    test.run().code(1);
    assert!(!test.dir().join("exports").exists());
}

#[test]
fn a_bad_base_iri_is_a_usage_error() {
    let run = Test::in_repo()
        .args(&["export", "--check", "--base-iri", "example.org"])
        .run()
        .code(2);
    assert!(
        run.stderr
            .contains("must be an absolute http(s) IRI ending in `/`"),
        "{}",
        run.stderr
    );
}
