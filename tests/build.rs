//! `initiative build`: the main job, and `--check` for CI.

use crate::harness::Test;

/// The warnings the shipped catalog gives: its placeholders, the missing
/// licence and the DCAT-AP recommended fields left unset (the country's
/// geometry, availability, the publisher's type, the dataset's period),
/// which only the publisher can settle.
pub(crate) const SHIPPED_WARNINGS: &[(&str, &str)] = &[
    ("catalog-licence", ""),
    ("catalog-recommended", ""),
    ("catalog-recommended", ""),
    ("catalog-placeholder", "/base_iri"),
    ("catalog-placeholder", "/landing_page"),
    ("catalog-recommended", "/publisher"),
    ("catalog-placeholder", "/publisher/iri"),
    ("catalog-placeholder", "/contact_point/email"),
    ("catalog-recommended", "/datasets/0"),
];

/// Asserts that a JSON report holds exactly the shipped catalog's warnings.
pub(crate) fn assert_only_shipped_warnings(report: &crate::harness::Report) {
    let found: Vec<(&str, &str, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.file.as_str(), d.code.as_str(), d.pointer.as_str()))
        .collect();
    let expected: Vec<(&str, &str, &str)> = SHIPPED_WARNINGS
        .iter()
        .map(|(code, pointer)| ("data/catalog.json", *code, *pointer))
        .collect();
    assert_eq!(found, expected);
    assert!(report.diagnostics.iter().all(|d| d.severity == "warning"));
}

#[test]
fn build_check_passes_on_the_repository() {
    let run = Test::in_repo()
        .args(&["build", "--check", "--format", "json"])
        .run()
        .code(0);
    assert_only_shipped_warnings(&run.report());
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
        .filter(|d| d.severity == "error")
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
