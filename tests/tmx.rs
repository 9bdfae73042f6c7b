//! The translation memory (`exports/tmx/`, TMX 1.4b): every text unit of
//! the document, then the name of every reference it cites
//! (`name.<reference-id>`), in every official language, with nothing
//! lost; reviewed community translations join it, drafts never do.
//! See: #16

use std::path::Path;

use crate::harness::{Test, read_tree, repo};
use crate::xml_round_trip::parse;
use initiative::model::Document;

/// One `<tuv>`: its unit id, language, origin note and segment text.
#[derive(Debug, PartialEq, Eq)]
struct Variant {
    tuid: String,
    lang: String,
    origin: Option<String>,
    seg: String,
}

/// Every variant of a TMX file, in file order.
fn variants(bytes: &[u8]) -> Vec<Variant> {
    let root = parse(std::str::from_utf8(bytes).unwrap());
    assert_eq!(root.name, "tmx");
    let body = root.one("body");
    body.all("tu")
        .flat_map(|tu| {
            tu.all("tuv").map(|tuv| Variant {
                tuid: tu.attribute("tuid").to_owned(),
                lang: tuv.attribute("xml:lang").to_owned(),
                origin: tuv.all("prop").next().map(|p| p.text.clone()),
                seg: tuv.one("seg").text.clone(),
            })
        })
        .collect()
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_unit_is_in_the_memory_in_every_official_language() {
    let document: Document = serde_json::from_slice(&read(
        &repo().join("data/hangzhou-initiative/document.json"),
    ))
    .unwrap();
    let tmx = read(&repo().join("exports/tmx/hangzhou-initiative.tmx"));
    assert!(tmx.starts_with(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header creationtool=\"initiative\""));
    let variant = |tuid: String, text: &initiative::model::LocalizedText| {
        document
            .languages
            .iter()
            .map(|language| Variant {
                tuid: tuid.clone(),
                lang: language.to_string(),
                origin: None,
                seg: text.get(language).unwrap().to_owned(),
            })
            .collect::<Vec<_>>()
    };
    let units = document
        .text_units()
        .into_iter()
        .flat_map(|(id, text)| variant(id.to_string(), text));
    let names = document
        .references
        .iter()
        .flat_map(|r| variant(format!("name.{}", r.id), &r.name));
    let expected: Vec<Variant> = units.chain(names).collect();
    // 13 text units and 7 names, in Chinese and English.
    assert_eq!(expected.len(), 40);
    assert_eq!(variants(&tmx), expected);
}

#[test]
fn markup_characters_survive_the_memory() {
    let test = Test::scratch_repo();
    let path = test.dir().join("data/hangzhou-initiative/document.json");
    let edited = String::from_utf8(read(&path)).unwrap().replacen(
        "Hangzhou Initiative on AI and Education\"",
        "Hangzhou Initiative on <AI> & \\\"Education\\\"\"",
        1,
    );
    let test = test
        .write("data/hangzhou-initiative/document.json", edited)
        .args(&["export", "--format", "tmx", "--out", "out"]);
    test.run().code(0);
    let tmx = read(&test.dir().join("out/tmx/hangzhou-initiative.tmx"));
    let title = variants(&tmx)
        .into_iter()
        .find(|v| v.tuid == "title" && v.lang == "en")
        .unwrap();
    assert_eq!(title.seg, "Hangzhou Initiative on <AI> & \"Education\"");
}

#[test]
fn reviewed_translations_join_the_memory_and_drafts_never_do() {
    let test = Test::scratch_repo().args(&["build", "--include-drafts"]);
    test.run().code(0);
    let files = read_tree(&test.dir().join("exports"));
    assert!(
        String::from_utf8_lossy(&files[Path::new("json/hangzhou-initiative.json")])
            .contains("\"fr\"")
    );
    let tmx = &files[Path::new("tmx/hangzhou-initiative.tmx")];
    assert!(variants(tmx).iter().all(|v| v.lang != "fr"));

    let path = test
        .dir()
        .join("data/hangzhou-initiative/translations/fr.json");
    let reviewed = String::from_utf8(read(&path))
        .unwrap()
        .replace("\"status\": \"draft\"", "\"status\": \"reviewed\"");
    let test = test
        .write("data/hangzhou-initiative/translations/fr.json", reviewed)
        .args(&["build"]);
    test.run().code(0);
    let tmx = read(&test.dir().join("exports/tmx/hangzhou-initiative.tmx"));
    let french: Vec<Variant> = variants(&tmx)
        .into_iter()
        .filter(|v| v.lang == "fr")
        .collect();
    assert_eq!(french.len(), 20);
    assert_eq!(french[0].tuid, "title");
    assert_eq!(
        french[0].seg,
        "Initiative de Hangzhou sur l’IA et l’éducation"
    );
    assert!(
        french
            .iter()
            .all(|v| v.origin.as_deref() == Some("community translation from en, reviewed"))
    );
    // A name in both languages, as the text gives it and as the
    // translation renders it.
    assert!(String::from_utf8_lossy(&tmx).contains("<tu tuid=\"name.global-digital-compact\">"));
    let compact: Vec<(String, String)> = variants(&tmx)
        .into_iter()
        .filter(|v| v.tuid == "name.global-digital-compact" && v.lang != "zh-Hans")
        .map(|v| (v.lang, v.seg))
        .collect();
    assert_eq!(
        compact,
        [
            ("en".to_owned(), "Global Digital Compact".to_owned()),
            ("fr".to_owned(), "Pacte numérique mondial".to_owned())
        ]
    );
}
