//! `initiative build`: the main job, and `--check` for CI.

use crate::harness::Test;

#[test]
fn build_check_passes_on_the_repository() {
    Test::in_repo()
        .args(&["build", "--check"])
        .run()
        .code(0)
        .stdout("1 file checked: 0 errors, 0 warnings\n");
}

#[test]
fn build_regenerates_a_missing_schema() {
    let test = Test::scratch_repo();
    std::fs::remove_file(test.dir().join("schema/initiative.schema.json")).unwrap_or_default();
    let test = test.args(&["build"]);
    let run = test.run().code(0);
    assert_eq!(run.stderr, "wrote schema/initiative.schema.json\n");
    // A second run finds nothing to write.
    assert_eq!(test.run().code(0).stderr, "");
}

#[test]
fn build_check_fails_on_invalid_data() {
    let test = Test::scratch_repo();
    let document = test.dir().join("data/hangzhou-initiative/document.json");
    let broken = std::fs::read_to_string(&document)
        .unwrap_or_default()
        .replace("\"number\": 2", "\"number\": 7");
    let test = test
        .write("data/hangzhou-initiative/document.json", broken)
        .args(&["build", "--check", "--format", "json"]);
    let run = test.run().code(1);
    let codes: Vec<String> = run
        .report()
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["id-position", "section-number", "id-position"]);
}

#[test]
fn build_check_fails_on_schema_drift() {
    let test = Test::scratch_repo()
        .write("schema/initiative.schema.json", "{}\n")
        .args(&["build", "--check"]);
    let run = test.run().code(1);
    assert!(
        run.stdout
            .starts_with("schema/initiative.schema.json: differs"),
        "{}",
        run.stdout
    );
}
