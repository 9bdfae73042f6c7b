//! The catalog's licence reaches every export a portal reads it from: the
//! DCAT-AP record (catalog, each dataset, each distribution),
//! `datapackage.json`, the JSON-LD, the reading page and the Datasette
//! metadata. Without one, no export names a licence and `catalog-licence`
//! still warns.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::{Report, Test, read_tree};

const LICENCE: &str = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0";

/// The files `build` writes from a copy of the project whose catalog names
/// `license` (with its assumption about the licence dropped), or names none,
/// and the report it gives.
fn build(license: Option<&str>) -> (BTreeMap<PathBuf, Vec<u8>>, Report) {
    let mut test = Test::scratch_repo();
    if let Some(license) = license {
        let path = test.dir().join("data/catalog.json");
        let mut catalog: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        catalog["license"] = Value::from(license);
        let assumptions = catalog["assumptions"].as_array_mut().unwrap();
        let before = assumptions.len();
        assumptions.retain(|a| !a.as_str().unwrap_or_default().contains("licence"));
        assert_eq!(
            assumptions.len() + 1,
            before,
            "one assumption is about the licence"
        );
        let written = serde_json::to_string_pretty(&catalog).unwrap() + "\n";
        test = test.write("data/catalog.json", written);
    }
    let test = test.args(&["build", "--format", "json"]);
    let report = test.run().code(0).report();
    (read_tree(&test.dir().join("exports")), report)
}

fn text<'a>(files: &'a BTreeMap<PathBuf, Vec<u8>>, path: &str) -> &'a str {
    std::str::from_utf8(&files[Path::new(path)]).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(files: &BTreeMap<PathBuf, Vec<u8>>, path: &str) -> Value {
    serde_json::from_str(text(files, path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The subjects of the DCAT Turtle record, each as its class and its own
/// statements: a subject starts a block at the margin, `a <class>` is its
/// first statement, and its own statements are indented four spaces (those
/// of a nested blank node, eight).
fn turtle_subjects(turtle: &str) -> Vec<(&str, Vec<&str>)> {
    turtle
        .split("\n\n")
        .filter(|block| !block.starts_with("@prefix"))
        .map(|block| {
            let own: Vec<&str> = block
                .lines()
                .filter_map(|line| line.strip_prefix("    "))
                .filter(|line| !line.starts_with(' '))
                .collect();
            let class = own
                .first()
                .and_then(|first| first.strip_prefix("a "))
                .and_then(|types| types.split([',', ' ']).next())
                .unwrap_or_default();
            (class, own)
        })
        .collect()
}

/// Whether a subject's own statements give `license` as its `dct:license`.
fn states_licence(statements: &[&str], license: &str) -> bool {
    let statement = format!("dct:license <{license}>");
    statements
        .iter()
        .any(|s| s.strip_suffix(" ;").or(s.strip_suffix(" .")) == Some(statement.as_str()))
}

fn codes(report: &Report) -> Vec<&str> {
    report.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn a_licence_in_the_catalog_reaches_every_export_that_states_one() {
    let (files, report) = build(Some(LICENCE));
    assert!(!codes(&report).contains(&"catalog-licence"), "{report:?}");

    let subjects = turtle_subjects(text(&files, "dcat/catalog.ttl"));
    for class in ["dcat:Catalog", "dcat:Dataset", "dcat:Distribution"] {
        let typed: Vec<_> = subjects.iter().filter(|(c, _)| *c == class).collect();
        assert!(!typed.is_empty(), "no {class} in the record");
        for (_, statements) in typed {
            assert!(
                states_licence(statements, LICENCE),
                "{class}: {statements:#?}"
            );
        }
    }
    let record = json(&files, "dcat/catalog.jsonld");
    let datasets: Vec<&Value> = record["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|node| node["@type"][0] == "dcat:Dataset")
        .collect();
    assert!(!datasets.is_empty());
    for dataset in datasets {
        assert_eq!(dataset["dct:license"][0]["@id"], LICENCE);
    }

    let package = json(&files, "datapackage.json");
    assert_eq!(
        package["licenses"],
        serde_json::json!([{ "path": LICENCE }])
    );

    let graph = json(&files, "jsonld/hangzhou-initiative.jsonld");
    assert_eq!(graph["license"], serde_json::json!({ "@id": LICENCE }));
    assert_eq!(graph["@context"]["license"]["@id"], "schema:license");

    let page = text(&files, "html/hangzhou-initiative.html");
    let link = format!("<a rel=\"license\" href=\"{LICENCE}\">{LICENCE}</a>");
    assert!(page.contains(&link), "the reading page links the licence");
    assert!(
        page.contains(&format!("\"@id\": \"{LICENCE}\"")),
        "the page's JSON-LD"
    );

    let metadata = json(&files, "sqlite/metadata.json");
    assert_eq!(metadata["license"], LICENCE);
    assert_eq!(metadata["license_url"], LICENCE);
}

#[test]
fn without_a_licence_no_export_names_one_and_the_catalog_warns() {
    let (files, report) = build(None);
    assert!(codes(&report).contains(&"catalog-licence"), "{report:?}");
    for (path, bytes) in &files {
        let bytes = String::from_utf8_lossy(bytes);
        assert!(!bytes.contains("/licence/"), "{}", path.display());
    }
    assert!(!text(&files, "dcat/catalog.ttl").contains("dct:license"));
    assert!(!text(&files, "dcat/catalog.jsonld").contains("dct:license"));
    assert!(json(&files, "datapackage.json").get("licenses").is_none());
    let graph = json(&files, "jsonld/hangzhou-initiative.jsonld");
    assert!(graph.get("license").is_none() && graph["@context"].get("license").is_none());
    assert!(!text(&files, "html/hangzhou-initiative.html").contains("license"));
    assert!(
        json(&files, "sqlite/metadata.json")
            .get("license")
            .is_none()
    );
}
