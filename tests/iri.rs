//! IRIs are checked where they come in: a hostile `--base-iri` is a usage
//! error that writes nothing, a hostile IRI in `data/catalog.json` is a
//! located `catalog-iri` error, and a contact address becomes a
//! percent-encoded `mailto:` IRI.

use std::path::Path;

use crate::harness::{Test, read_tree, repo};

/// Each hostile IRI, the character (or scheme) it is refused for, and the
/// reason the message gives.
const HOSTILE: &[(&str, &str)] = &[
    (
        "https://example.org/{x}/",
        "is not an IRI: `{` is not allowed in an IRI; percent-encode it as %7B",
    ),
    (
        "https://example.org/}/",
        "is not an IRI: `}` is not allowed in an IRI; percent-encode it as %7D",
    ),
    (
        "https://example.org/a|b/",
        "is not an IRI: `|` is not allowed in an IRI; percent-encode it as %7C",
    ),
    (
        "https://example.org/\"/",
        "is not an IRI: `\"` is not allowed in an IRI; percent-encode it as %22",
    ),
    (
        "https://example.org/>/",
        "is not an IRI: `>` is not allowed in an IRI; percent-encode it as %3E",
    ),
    (
        "https://example.org/\\/",
        "is not an IRI: `\\` is not allowed in an IRI; percent-encode it as %5C",
    ),
    (
        "https://example.org/a\nb/",
        "is not an IRI: a line break is not allowed in an IRI; percent-encode it as %0A",
    ),
    (
        "https://example.org/a b/",
        "is not an IRI: a space is not allowed in an IRI; percent-encode it as %20",
    ),
    (
        "javascript:alert(1)",
        "is not a web IRI: the scheme `javascript:` is not allowed here; use `https:` or `http:`",
    ),
];

/// One SHA-256 over every path and byte of the project tree.
fn checksum(dir: &Path) -> String {
    let mut all = Vec::new();
    for (path, bytes) in read_tree(dir) {
        all.extend(path.display().to_string().into_bytes());
        all.push(0);
        all.extend(initiative::export::sha256_hex(&bytes).into_bytes());
    }
    initiative::export::sha256_hex(&all)
}

#[test]
fn a_hostile_base_iri_is_a_usage_error_that_writes_nothing() {
    let test = Test::scratch_repo();
    let before = checksum(test.dir());
    for (iri, reason) in HOSTILE {
        for command in ["export", "build"] {
            let run = test.run_with(&[command, "--base-iri", iri]).code(2);
            assert_eq!(
                run.stderr,
                format!("initiative: error: --base-iri: `{iri}` {reason}\n"),
                "{command} {iri:?}"
            );
            assert_eq!(checksum(test.dir()), before, "{command} {iri:?}");
        }
    }
}

#[test]
fn a_base_iri_must_end_in_a_slash() {
    Test::in_repo()
        .args(&["export", "--check", "--base-iri", "https://example.net/x"])
        .run()
        .code(2)
        .stderr("initiative: error: --base-iri: `https://example.net/x` is not a base IRI: it must end in `/`, so the exports' paths can follow it\n");
}

/// The shipped `data/catalog.json` with `line` replaced by `key` set to
/// `value`.
fn catalog_with(line: &str, key: &str, value: &str) -> String {
    let text = std::fs::read_to_string(repo().join("data/catalog.json")).unwrap();
    let json = serde_json::to_string(value).unwrap();
    assert!(text.contains(line), "{line}");
    text.replace(line, &format!("\"{key}\": {json}"))
}

#[test]
fn a_hostile_catalog_iri_is_a_located_error() {
    let test = Test::scratch_repo();
    let fields = [
        (
            "\"landing_page\": \"https://example.org/initiative/\"",
            "landing_page",
            "/landing_page",
            4,
            19,
        ),
        (
            "\"iri\": \"https://example.org/initiative/publisher\"",
            "iri",
            "/publisher/iri",
            14,
            12,
        ),
        // The shipped catalog names no licence: one is added after the
        // landing page, on line 5.
        (
            "\"landing_page\": \"https://example.org/initiative/\"",
            "license",
            "/license",
            5,
            14,
        ),
    ];
    for (line, key, pointer, row, column) in fields {
        for (iri, reason) in HOSTILE {
            let catalog = if key == "license" {
                catalog_with(line, key, iri).replacen(
                    "\"license\"",
                    "\"landing_page\": \"https://example.org/initiative/\",\n  \"license\"",
                    1,
                )
            } else {
                catalog_with(line, key, iri)
            };
            std::fs::write(test.dir().join("data/catalog.json"), catalog).unwrap();
            let run = test
                .run_with(&["export", "--message-format", "json"])
                .code(1);
            let found: Vec<_> = run
                .report()
                .diagnostics
                .into_iter()
                .filter(|d| d.code == "catalog-iri")
                .map(|d| (d.pointer, d.line, d.column, d.message, d.severity))
                .collect();
            assert_eq!(
                found,
                [(
                    pointer.to_owned(),
                    Some(row),
                    Some(column),
                    format!("`{iri}` {reason}"),
                    "error".to_owned()
                )],
                "{key} {iri:?}"
            );
            assert!(!test.dir().join("exports").exists(), "{key} {iri:?}");
        }
    }
}

#[test]
fn a_quoted_local_part_is_percent_encoded_in_the_mailto_iri() {
    let test = Test::scratch_repo();
    let catalog = catalog_with(
        "\"email\": \"open-data@example.org\"",
        "email",
        "\"a b\"@x.test",
    );
    let test = test.write("data/catalog.json", catalog);
    test.run_with(&["export", "--format", "dcat", "--out", "out"])
        .code(0);
    let files = read_tree(&test.dir().join("out"));
    let turtle = String::from_utf8_lossy(&files[Path::new("dcat/catalog.ttl")]).into_owned();
    assert!(
        turtle.contains("vcard:hasEmail <mailto:%22a%20b%22@x.test>"),
        "{turtle}"
    );
    let jsonld = String::from_utf8_lossy(&files[Path::new("dcat/catalog.jsonld")]).into_owned();
    assert!(
        jsonld.contains("\"@id\": \"mailto:%22a%20b%22@x.test\""),
        "{jsonld}"
    );
}
