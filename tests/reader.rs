//! What the reader says about text it cannot take as it is: a syntax
//! error drawn with its snippet, whole numbers not written as integers,
//! languages the exports cannot name, and suggested language tags that
//! the tool itself accepts. See: #13

use crate::harness::Test;

const ES: &str = "data/hangzhou-initiative/translations/es.json";

/// A translation with a comma after its last unit member: the commonest
/// slip in a hand-edited file.
const TRAILING_COMMA: &str = r#"{
  "document": "hangzhou-initiative",
  "language": "es",
  "pivot": "en",
  "status": "draft",
  "translators": [{"name": "Ana"}],
  "units": {
    "title": {
      "source": "Initiative",
      "translation": "Iniciativa",
    }
  }
}
"#;

#[test]
fn a_trailing_comma_is_drawn_at_the_comma_with_its_place() {
    // See: #13
    Test::scratch_repo()
        .write(ES, TRAILING_COMMA)
        .args(&["validate", ES, "--color", "never"])
        .run()
        .code(1)
        .stdout(
            r#"error[json-syntax]: invalid JSON: trailing comma
  --> data/hangzhou-initiative/translations/es.json:10:34
   |
10 |       "translation": "Iniciativa",
   |                                  ^
   |
   = note: at /units/title
   = help: remove this comma: JSON allows none after the last item

1 file checked: 1 error, 0 warnings
"#,
        );
}

const DOCUMENT: &str = "data/hangzhou-initiative/document.json";

/// A scratch copy of the repository whose document has `replacement` for
/// the first `from`.
fn with_document(from: &str, replacement: &str) -> Test {
    let scratch = Test::scratch_repo();
    let original = std::fs::read_to_string(scratch.dir().join(DOCUMENT))
        .unwrap_or_else(|e| panic!("{DOCUMENT}: {e}"));
    assert!(original.contains(from), "{DOCUMENT} has no {from}");
    scratch.write(DOCUMENT, original.replacen(from, replacement, 1))
}

/// The errors of a `--format json` run: (file, code, line, column).
fn errors(run: &crate::harness::Run) -> Vec<(String, String, usize, usize)> {
    run.report()
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == "error")
        .map(|d| (d.file, d.code, d.line.unwrap_or(0), d.column.unwrap_or(0)))
        .collect()
}

/// The errors `validate --document hangzhou-initiative` finds, which
/// fails.
fn document_errors(test: Test) -> Vec<(String, String, usize, usize)> {
    let test = test.args(&[
        "validate",
        "--document",
        "hangzhou-initiative",
        "--format",
        "json",
    ]);
    errors(&test.run().code(1))
}

#[test]
fn a_whole_number_written_as_a_decimal_is_reported_where_it_is() {
    // See: #13. It used to pass `validate` and leave `build` with only a
    // `catalog-dataset` error in data/catalog.json.
    let test = with_document("\"number\": 1,", "\"number\": 1.0,");
    let test = test.args(&[
        "validate",
        "--document",
        "hangzhou-initiative",
        "--color",
        "never",
    ]);
    let run = test.run().code(1);
    assert!(
        run.stdout.starts_with(
            "error[integer-form]: sec_1: the whole number 1 is not written as an integer
  --> data/hangzhou-initiative/document.json:50:17
   |
50 |       \"number\": 1.0,
   |                 ^
   |
   = note: at /sections/0/number
   = help: write `1`. JSON Schema (and so ajv and check-jsonschema) counts 1.0 and 1E2 as integers, but the model and the exports' integer types read only the integer form
"
        ),
        "{}",
        run.stdout
    );
    let run = test.args(&["build", "--format", "json"]).run().code(1);
    assert_eq!(
        errors(&run),
        [(DOCUMENT.to_owned(), "integer-form".to_owned(), 50, 17)]
    );
}

#[test]
fn an_exponent_is_reported_and_the_model_rules_still_run() {
    // See: #13
    let test = with_document("\"number\": 3,", "\"number\": 1E2,");
    let found: Vec<(String, usize, usize)> = document_errors(test)
        .into_iter()
        .map(|(_, code, line, column)| (code, line, column))
        .collect();
    let at = |code: &str, line, column| (code.to_owned(), line, column);
    assert_eq!(
        found,
        [
            at("id-position", 83, 13),
            at("integer-form", 84, 17),
            at("section-number", 84, 17),
            at("id-position", 91, 17),
        ]
    );
}

/// A draft translation into `language`, complete enough to export.
fn draft(language: &str) -> String {
    format!(
        r#"{{
  "document": "hangzhou-initiative",
  "language": "{language}",
  "pivot": "en",
  "status": "draft",
  "translators": [{{"name": "Ana"}}],
  "units": {{
    "title": {{
      "source": "Hangzhou Initiative on AI and Education",
      "translation": "Hangzhou Initiative on AI and Education (signed)"
    }}
  }}
}}
"#
    )
}

#[test]
fn a_language_the_exports_cannot_name_is_refused_by_template() {
    // See: #13. `qaa` and `sgn` used to get a template, pass `validate`,
    // then stop `build --include-drafts` with exit 2 and no location.
    for tag in ["qaa", "sgn", "QAA"] {
        let run = Test::scratch_repo()
            .args(&["translation", "template", "--lang", tag])
            .run()
            .code(2)
            .stdout("");
        assert_eq!(
            run.stderr,
            format!(
                "initiative: error: `{tag}` has no ISO 639-3 code, which the Akoma Ntoso and DCAT-AP exports name each language version by: use the tag of one language, e.g. `ase` (American Sign Language) rather than the collection `sgn`; a private-use tag (`qaa`–`qtz`) cannot be published\n"
            )
        );
    }
    Test::scratch_repo()
        .args(&["translation", "template", "--lang", "ase"])
        .run()
        .code(0);
}

#[test]
fn a_language_the_exports_cannot_name_is_refused_by_validate_and_build() {
    // See: #13
    for tag in ["qaa", "sgn"] {
        let path = format!("data/hangzhou-initiative/translations/{tag}.json");
        let test = Test::scratch_repo().write(&path, draft(tag));
        let test = test.args(&["validate", "--format", "json"]);
        let run = test.run().code(1);
        assert_eq!(
            errors(&run),
            [(path.clone(), "no-iso639-3".to_owned(), 3, 15)]
        );
        let diagnostics = run.report().diagnostics;
        assert!(
            diagnostics.iter().any(|d| d.message
                == format!("`{tag}` has no ISO 639-3 code, which the Akoma Ntoso and DCAT-AP exports name each language version by")),
            "{diagnostics:?}"
        );
        let run = test
            .args(&["build", "--include-drafts", "--format", "json"])
            .run()
            .code(1);
        assert_eq!(run.stderr, "");
        assert_eq!(errors(&run), [(path, "no-iso639-3".to_owned(), 3, 15)]);
    }
}

#[test]
fn an_official_language_the_exports_cannot_name_is_refused() {
    // See: #13
    let test = with_document("\"languages\": [", "\"languages\": [\"sgn\", ");
    let found: Vec<(String, usize, usize)> = document_errors(test)
        .into_iter()
        .filter(|(_, code, _, _)| code == "no-iso639-3")
        .map(|(file, _, line, column)| (file, line, column))
        .collect();
    assert_eq!(found, [(DOCUMENT.to_owned(), 5, 17)]);
}

#[test]
fn tag_suggestions_are_in_bcp_47_case_and_taken_by_the_tool() {
    // See: #13. `-u-ca-` was suggested as `-u-CA-`, and `x-k0` as `x-K0`,
    // which the tool then refused.
    let refused = |tag: &str| {
        Test::scratch_repo()
            .args(&["translation", "template", "--lang", tag])
            .run()
            .code(2)
            .stderr
    };
    assert_eq!(
        refused("zh-hans-cn-u-ca-chinese"),
        "initiative: error: `zh-hans-cn-u-ca-chinese` has subtags translations do not take (an extension such as -u-…, or private use -x-…): write a language, then a script, region or variant if needed (e.g. `fr`, `pt-BR`, `zh-Hant`)\n"
    );
    assert_eq!(
        refused("x-k0"),
        "initiative: error: `x-k0` has subtags translations do not take (an extension such as -u-…, or private use -x-…): write a language, then a script, region or variant if needed (e.g. `fr`, `pt-BR`, `zh-Hant`)\n"
    );
    assert_eq!(
        refused("ZH-hant-tw"),
        "initiative: error: `ZH-hant-tw` is not a BCP 47 language tag in canonical form: did you mean `zh-Hant-TW`?\n"
    );
    for tag in ["zh-Hans-CN-u-ca-chinese", "x-k0"] {
        let path = "data/hangzhou-initiative/translations/fr.json";
        let test = Test::scratch_repo();
        let original = std::fs::read_to_string(test.dir().join(path))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let run = test
            .write(
                path,
                original.replacen(
                    "\"language\": \"fr\"",
                    &format!("\"language\": \"{tag}\""),
                    1,
                ),
            )
            .args(&["validate", path, "--format", "json"])
            .run()
            .code(1);
        let report = run.report();
        let pattern = report
            .diagnostics
            .iter()
            .find(|d| d.code == "schema-pattern")
            .unwrap_or_else(|| panic!("{tag}: no schema-pattern\n{}", run.stdout));
        assert_eq!((pattern.line, pattern.column), (Some(4), Some(15)));
        assert_eq!(
            pattern.hint.as_deref(),
            Some(
                "write a language, then a script, region or variant if needed, e.g. `en`, `zh-Hans`, `pt-BR`; extensions (-u-…) and private use (-x-…) are not taken"
            ),
            "{tag}"
        );
    }
}
