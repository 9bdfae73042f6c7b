//! Micro-benchmarks of the per-document hot paths, so that a regression
//! shows in isolation: reading one file, validating a document, checking a
//! translation against it, and each format rendering it.
//!
//! `cargo bench --bench micro` measures; `cargo test --bench micro` runs
//! each benchmark once, which is what `.ci/run` does so they cannot rot.
//! The input is the shipped data: `data/hangzhou-initiative/` and its
//! French translation.

// A benchmark reads the shipped data: if it cannot, there is nothing to measure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use initiative::export::{Context, render_with, shipped_formats};
use initiative::model::{Catalog, Document};
use initiative::source::load_bytes;
use initiative::validate::{Purpose, Validator, check_translation};

fn main() {
    divan::main();
}

const DOCUMENT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/hangzhou-initiative/document.json"
);
const TRANSLATION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/hangzhou-initiative/translations/fr.json"
);
const CATALOG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/catalog.json");

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn validator() -> Validator {
    Validator::new().unwrap()
}

fn document() -> Document {
    serde_json::from_slice(&read(DOCUMENT)).unwrap()
}

/// Reading: UTF-8, JSON with duplicate keys noted.
#[divan::bench]
fn load(bencher: divan::Bencher) {
    let bytes = read(DOCUMENT);
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| load_bytes(Path::new(DOCUMENT), &bytes));
}

/// The schema, the text rules and the document rules on a parsed file.
#[divan::bench]
fn validate_document(bencher: divan::Bencher) {
    let validator = validator();
    let bytes = read(DOCUMENT);
    bencher
        .with_inputs(|| load_bytes(Path::new(DOCUMENT), &bytes))
        .bench_values(|loaded| validator.validate_loaded(loaded));
}

/// A translation file validated and checked against its document with
/// every translation rule.
#[divan::bench]
fn check_translation_against_document(bencher: divan::Bencher) {
    let validator = validator();
    let bytes = read(TRANSLATION);
    let document = document();
    bencher
        .with_inputs(|| load_bytes(Path::new(TRANSLATION), &bytes))
        .bench_values(|loaded| {
            let mut report = validator.validate_loaded(loaded);
            check_translation(&mut report, &document, Purpose::Publish);
            report
        });
}

/// One document rendered by each format.
#[divan::bench(args = ["json", "csv", "xml", "jsonld", "akn", "html", "dcat"])]
fn export(bencher: divan::Bencher, format: &str) {
    let document = document();
    let catalog: Catalog = serde_json::from_slice(&read(CATALOG)).unwrap();
    let documents = [document];
    let context = Context {
        catalog: Some(&catalog),
        base_iri: &initiative::model::Iri::default_base(),
        csv_bom: false,
        csv_excel_safe: false,
        created: None,
    };
    // One document through the format alone (its opening and closing
    // stages included): a registry of that one format.
    let registry = [shipped_formats()
        .into_iter()
        .find(|f| f.name() == format)
        .unwrap_or_else(|| panic!("no format {format}"))];
    bencher.bench(|| render_with(&registry, &context, &documents, &[]).unwrap());
}
