//! Every bad-input fixture gives its exit code, rule codes and exact
//! `line:column`. See: #2

use crate::harness::Test;

/// (fixture, exit code, [(code, line, column)]).
/// (code, line, column) of one expected diagnostic.
type Expected = (&'static str, usize, usize);

const CASES: &[(&str, i32, &[Expected])] = &[
    ("wrong-type.json", 1, &[("schema-type", 60, 17)]),
    ("missing-field.json", 1, &[("schema-required", 1, 1)]),
    (
        "unknown-field.json",
        1,
        &[("schema-additional-properties", 5, 3)],
    ),
    ("bad-date.json", 1, &[("schema-format", 13, 14)]),
    ("bad-kind.json", 1, &[("schema-enum", 4, 11)]),
    (
        "bad-language-tag.json",
        1,
        &[
            ("missing-language", 44, 18),
            ("schema-property-names", 46, 9),
        ],
    ),
    (
        "unregistered-language.json",
        1,
        &[
            ("missing-language", 44, 18),
            ("schema-property-names", 45, 9),
        ],
    ),
    ("duplicate-key.json", 1, &[("duplicate-key", 63, 9)]),
    (
        "duplicate-id.json",
        1,
        &[("id-position", 67, 17), ("duplicate-id", 67, 17)],
    ),
    (
        "id-position.json",
        1,
        &[("id-position", 33, 13), ("dangling-reference", 85, 9)],
    ),
    (
        "section-gap.json",
        1,
        &[
            ("id-position", 59, 13),
            ("section-number", 60, 17),
            ("id-position", 67, 17),
        ],
    ),
    ("missing-language.json", 1, &[("missing-language", 68, 19)]),
    (
        "unexpected-language.json",
        1,
        &[("unexpected-language", 70, 13)],
    ),
    (
        "dangling-reference.json",
        1,
        &[("dangling-reference", 21, 13)],
    ),
    ("editorial-note.json", 1, &[("editorial-note", 96, 20)]),
    ("bidi-control.json", 1, &[("bidi-control", 52, 32)]),
    (
        "control-character.json",
        1,
        &[("control-character", 69, 31)],
    ),
    ("xml-character.json", 1, &[("xml-character", 70, 29)]),
    ("whitespace.json", 1, &[("whitespace", 62, 22)]),
    ("not-nfc.json", 1, &[("not-nfc", 81, 20)]),
    // See: #13
    (
        "integer-form.json",
        1,
        &[("integer-form", 43, 17), ("integer-form", 60, 17)],
    ),
    ("malformed-json.json", 1, &[("json-syntax", 60, 19)]),
    ("trailing-comma.json", 1, &[("json-syntax", 89, 15)]),
    ("lone-surrogate.json", 1, &[("json-syntax", 45, 28)]),
    ("empty-file.json", 1, &[("empty-file", 1, 1)]),
    ("not-utf8.json", 1, &[("encoding", 62, 19)]),
    ("utf16.json", 1, &[("encoding", 1, 1)]),
    ("bom-prefixed.json", 0, &[("byte-order-mark", 1, 1)]),
    (
        "document-location/document.json",
        1,
        &[("document-location", 3, 9)],
    ),
    (
        "catalog/catalog.json",
        1,
        &[
            ("catalog-licence", 1, 1),
            ("catalog-recommended", 1, 1),
            ("catalog-placeholder", 3, 15),
            ("catalog-placeholder", 4, 19),
            ("catalog-recommended", 13, 16),
            ("catalog-placeholder", 14, 12),
            ("catalog-placeholder", 23, 14),
            ("catalog-recommended", 30, 5),
            ("catalog-dataset", 31, 19),
        ],
    ),
    (
        "catalog-geometry/catalog.json",
        1,
        &[
            ("catalog-licence", 1, 1),
            ("catalog-recommended", 1, 1),
            ("catalog-placeholder", 3, 15),
            ("catalog-placeholder", 4, 19),
            ("catalog-recommended", 13, 16),
            ("catalog-placeholder", 14, 12),
            ("catalog-placeholder", 23, 14),
            ("catalog-geometry", 30, 11),
            ("catalog-geometry", 31, 15),
            ("catalog-geometry", 32, 19),
            ("catalog-recommended", 36, 5),
            ("catalog-dataset", 37, 19),
        ],
    ),
    (
        "catalog-iri/catalog.json",
        1,
        &[
            ("catalog-licence", 1, 1),
            ("catalog-recommended", 1, 1),
            ("catalog-placeholder", 3, 15),
            ("catalog-iri", 4, 19),
            ("catalog-recommended", 13, 16),
            ("catalog-placeholder", 14, 12),
            ("catalog-placeholder", 23, 14),
            ("catalog-recommended", 30, 5),
            ("catalog-dataset", 31, 19),
        ],
    ),
];

#[test]
fn every_fixture_reports_its_codes_at_exact_positions() {
    for (file, code, expected) in CASES {
        let path = format!("tests/fixtures/invalid/{file}");
        let run = Test::in_repo()
            .args(&["validate", &path, "--format", "json"])
            .run();
        assert_eq!(run.code, *code, "{file}: exit code\n{}", run.stdout);
        let report = run.report();
        let found: Vec<(&str, usize, usize)> = report
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.line.unwrap_or(0), d.column.unwrap_or(0)))
            .collect();
        assert_eq!(found, *expected, "{file}");
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.file == path && d.hint.is_some()),
            "{file}"
        );
    }
}

#[test]
fn every_fixture_is_covered() {
    let mut on_disk: Vec<String> =
        std::fs::read_dir(crate::harness::repo().join("tests/fixtures/invalid"))
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .map(|name| {
                if std::path::Path::new(&name)
                    .extension()
                    .is_some_and(|e| e == "json")
                {
                    name
                } else if name.starts_with("catalog") {
                    format!("{name}/catalog.json")
                } else {
                    format!("{name}/document.json")
                }
            })
            .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|(f, _, _)| (*f).to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn the_minimal_fixture_is_valid() {
    Test::in_repo()
        .args(&["validate", "tests/fixtures/valid/minimal/document.json"])
        .run()
        .code(0)
        .stdout("1 file checked: 0 errors, 0 warnings\n");
}

#[test]
fn every_rule_code_has_a_fixture() {
    let listed = Test::in_repo().args(&["rules"]).run().code(0).stdout;
    let mut fixture_codes: Vec<&str> = CASES
        .iter()
        .flat_map(|(_, _, c)| c.iter().map(|(code, _, _)| *code))
        .collect();
    fixture_codes.extend(crate::hostile::GENERATED_CODES);
    fixture_codes.extend(
        crate::hostile::CORPUS
            .iter()
            .flat_map(|(_, _, codes, _)| codes.iter().copied()),
    );
    fixture_codes.extend(
        crate::translation::TRANSLATION_CASES
            .iter()
            .chain(crate::translation::OTHER_TRANSLATION_CASES)
            .flat_map(|(_, _, c)| c.iter().map(|(_, code, _, _)| *code)),
    );
    for line in listed.lines() {
        let code = line.split_whitespace().next().unwrap_or_default();
        if code == "schema-*" {
            continue;
        }
        assert!(fixture_codes.contains(&code), "no fixture for `{code}`");
    }
}
