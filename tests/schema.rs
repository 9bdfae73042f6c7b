//! `initiative schema`: the committed schema is what the model generates,
//! and `--check` catches drift.

use crate::harness::{Test, repo};

const SCHEMA: &str = "schema/initiative.schema.json";

#[test]
fn the_committed_schema_is_current() {
    Test::in_repo()
        .args(&["schema", "--check"])
        .run()
        .code(0)
        .stdout("");
}

#[test]
fn generated_file_equals_committed_file() {
    let test = Test::scratch().args(&["schema", "--out", "out"]);
    test.run().code(0);
    let generated =
        std::fs::read(test.dir().join("out/initiative.schema.json")).unwrap_or_default();
    let committed = std::fs::read(repo().join(SCHEMA)).unwrap_or_default();
    assert!(!generated.is_empty());
    assert_eq!(generated, committed);
}

#[test]
fn check_fails_on_a_stale_schema_and_writes_nothing() {
    let committed = std::fs::read_to_string(repo().join(SCHEMA)).unwrap_or_default();
    let stale = committed.replace("The date of adoption.", "The adoption date.");
    let test = Test::scratch()
        .write(SCHEMA, &stale)
        .write("data/catalog.json", "{}")
        .args(&["schema", "--check"]);
    let run = test.run().code(1);
    assert!(run.stdout.starts_with("schema/initiative.schema.json: differs from the generated schema\n--- committed\n+++ generated\n"), "{}", run.stdout);
    assert!(run.stdout.contains("-      \"description\": \"The adoption date.\"\n+      \"description\": \"The date of adoption.\"\n"), "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("run `initiative schema` to regenerate, and commit the result\n")
    );
    assert_eq!(
        std::fs::read_to_string(test.dir().join(SCHEMA)).unwrap_or_default(),
        stale
    );
}

#[test]
fn check_fails_on_a_missing_schema() {
    Test::scratch()
        .args(&["schema", "--check", "--out", "schema"])
        .run()
        .code(1)
        .stdout(concat!(
            "schema/initiative.schema.json: missing\n",
            "schema/catalog.schema.json: missing\n",
            "schema/translation.schema.json: missing\n",
            "schema/initiative.xsd: missing\n",
            "schema/xml.xsd: missing\n",
            "run `initiative schema` to regenerate, and commit the result\n",
        ));
}
