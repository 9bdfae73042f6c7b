//! Snapshots of every export of the real document, so a change to any byte
//! shows up in review as a diff of the export it changes. See: #3

use initiative::export::{Context, DEFAULT_BASE_IRI, render};
use initiative::model::Document;

use crate::harness::repo;

#[test]
fn every_export_of_the_hangzhou_initiative() {
    let path = repo().join("data/hangzhou-initiative/document.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let document: Document = serde_json::from_str(&text).unwrap();
    let documents = [document];
    let catalog_text =
        std::fs::read_to_string(repo().join("data/catalog.json")).expect("data/catalog.json");
    let catalog: initiative::model::Catalog = serde_json::from_str(&catalog_text).unwrap();
    let context = Context {
        catalog: Some(&catalog),
        base_iri: DEFAULT_BASE_IRI,
        csv_bom: false,
        csv_excel_safe: false,
        created: None,
    };
    let files = render(&context, &documents, &[]).unwrap();
    let names: Vec<String> = files.iter().map(|f| f.path.to_string()).collect();
    insta::assert_snapshot!("files", names.join("\n"));
    for (file, name) in files.iter().zip(&names) {
        let text = String::from_utf8(file.bytes.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        insta::assert_snapshot!(name.replace('/', "__"), text);
    }
}
