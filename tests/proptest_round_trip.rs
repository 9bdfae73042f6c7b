//! Property tests: any valid model survives every lossless export. Each
//! case builds a document with random texts (markup characters, quotes,
//! CJK, Arabic, commas and CR-free line content included), random section
//! and paragraph counts and a community translation, exports it in
//! process, parses the JSON, XML and CSV back, and compares. See: #6
//!
//! The Markdown rendition is read back by the import (`import --from
//! markdown`), which gives the official languages' texts, ids and numbering
//! and keeps the rest from the document it replaces. See: #18

use std::collections::BTreeMap;
use std::path::Path;

use initiative::export::{Context, OutputFile, render};
use initiative::import::{Facts, Input};
use initiative::model::{Document, LocalizedText};
use proptest::prelude::*;
use serde_json::{Value, json};

/// A text no validation rule would refuse: no control or invisible
/// characters, no leading or trailing space, NFC.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 <>&\"',;:.!?\\]\\[=+@杭州倡议 مبادرة é*_#`|~$()\\\\-]{0,24}"
        .prop_map(|s| format!("x{}x", s.trim()))
}

/// Texts in the two official languages and French.
fn texts() -> impl Strategy<Value = Value> {
    (text(), text(), text()).prop_map(|(en, zh, fr)| json!({ "en": en, "zh-Hans": zh, "fr": fr }))
}

fn document() -> impl Strategy<Value = Document> {
    (
        texts(),
        prop::collection::vec(texts(), 0..3),
        prop::collection::vec((texts(), prop::collection::vec(texts(), 1..3)), 1..4),
        text(),
    )
        .prop_map(|(title, preamble, sections, name)| {
            let preamble: Vec<Value> = preamble
                .into_iter()
                .enumerate()
                .map(|(i, text)| json!({ "id": format!("preamble__para_{}", i + 1), "text": text }))
                .collect();
            let sections: Vec<Value> = sections
                .into_iter()
                .enumerate()
                .map(|(i, (heading, paragraphs))| {
                    let n = i + 1;
                    json!({
                        "id": format!("sec_{n}"),
                        "number": n,
                        "heading": heading,
                        "paragraphs": paragraphs.into_iter().enumerate().map(|(j, text)| json!({
                            "id": format!("sec_{n}__para_{}", j + 1),
                            "text": text,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let value = json!({
                "id": "generated",
                "kind": "declaration",
                "languages": ["zh-Hans", "en"],
                "title": title,
                "adopted": "2026-05-12",
                "place": { "name": { "en": name }, "country": "CN" },
                "issuer": "body",
                "publication": {
                    "published_at": "2026-05-12T22:39:00+08:00",
                    "channel": { "en": "web" },
                    "headline": { "en": name },
                },
                "preamble": preamble,
                "sections": sections,
                "references": [{
                    "id": "body",
                    "kind": "organization",
                    "name": { "en": name },
                    "cited_by": ["sec_1__para_1"],
                }],
                "related": [],
                "editorial_notes": [],
                "community_languages": [{
                    "language": "fr",
                    "pivot": "en",
                    "status": "reviewed",
                    "translators": [{ "name": name, "role": "translation" }],
                }],
            });
            serde_json::from_value(value).unwrap()
        })
}

fn exports(document: &Document) -> BTreeMap<String, Vec<u8>> {
    let documents = [document.clone()];
    let catalog: initiative::model::Catalog = serde_json::from_slice(
        &std::fs::read(crate::harness::repo().join("data/catalog.json")).unwrap_or_default(),
    )
    .unwrap();
    let context = Context {
        catalog: Some(&catalog),
        base_iri: &initiative::model::Iri::default_base(),
        csv_bom: false,
        csv_excel_safe: false,
        created: None,
    };
    let formats = ["json", "xml", "csv", "markdown"].map(str::to_owned);
    render(&context, &documents, &formats)
        .unwrap()
        .into_iter()
        .map(|OutputFile { path, bytes, .. }| (path.to_string(), bytes))
        .collect()
}

/// The document the Markdown renditions give back through the import,
/// beside the one expected: the original's official languages, with what
/// Markdown does not carry kept from the original.
fn from_markdown(files: &BTreeMap<String, Vec<u8>>, document: &Document) -> (Document, Document) {
    let inputs: Vec<Input> = document
        .languages
        .iter()
        .map(|language| {
            let path = format!("markdown/generated/{language}.md");
            Input {
                text: String::from_utf8(files[&path].clone()).unwrap(),
                path: path.into(),
                language: language.clone(),
            }
        })
        .collect();
    let texts = initiative::import::texts(&inputs).unwrap_or_else(|e| panic!("{e:#?}"));
    let mut imported = initiative::import::assemble(
        document.id.clone(),
        texts,
        &Facts::default(),
        Some(document),
    )
    .document;
    imported.schema = None;
    let mut expected = document.clone();
    expected.community_languages.clear();
    let official = |text: &mut LocalizedText| {
        *text = LocalizedText::from_pairs(
            text.iter()
                .filter(|(l, _)| document.languages.contains(l))
                .map(|(l, t)| (l.to_string(), t.to_owned())),
        );
    };
    official(&mut expected.title);
    for paragraph in &mut expected.preamble {
        official(&mut paragraph.text);
    }
    for section in &mut expected.sections {
        official(&mut section.heading);
        for paragraph in &mut section.paragraphs {
            official(&mut paragraph.text);
        }
    }
    (imported, expected)
}

proptest! {
    // A failing case is printed, minimised, in the test output; nothing is
    // written into the repository.
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn json_xml_and_csv_give_back_the_model(document in document()) {
        let files = exports(&document);

        let mut from_json: Document = serde_json::from_slice(&files["json/generated.json"])
            .unwrap();
        from_json.schema = None;
        prop_assert_eq!(&from_json, &document);

        let xml = String::from_utf8_lossy(&files["xml/generated.xml"]).into_owned();
        let from_xml = crate::xml_round_trip::rebuild(&crate::xml_round_trip::parse(&xml));
        prop_assert_eq!(&from_xml, &document);

        let tables: BTreeMap<&str, Vec<_>> = crate::csv_round_trip::TABLES
            .iter()
            .map(|name| {
                let path = Path::new("csv").join(format!("{name}.csv"));
                (*name, crate::csv_round_trip::parse_table(&files[path.to_string_lossy().as_ref()]))
            })
            .collect();
        prop_assert_eq!(crate::csv_round_trip::rebuild_all(&tables), vec![document.clone()]);

        let (imported, expected) = from_markdown(&files, &document);
        prop_assert_eq!(imported, expected);
    }
}
