//! Any text as an XLIFF file to import into the French translation: it is
//! read or refused, never a panic.
#![no_main]

use initiative::model::{Document, Translation};
use initiative::translation::xliff;
use libfuzzer_sys::fuzz_target;

const DOCUMENT: &str = include_str!("../../../data/hangzhou-initiative/document.json");
const FRENCH: &str = include_str!("../../../data/hangzhou-initiative/translations/fr.json");

fuzz_target!(|text: &str| {
    let (Ok(document), Ok(french)) = (
        serde_json::from_str::<Document>(DOCUMENT),
        serde_json::from_str::<Translation>(FRENCH),
    ) else {
        return;
    };
    if let Ok(imported) = xliff::import(text, &french, &document) {
        assert_eq!(imported.document, french.document);
    }
});
