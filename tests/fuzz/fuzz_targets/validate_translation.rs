//! Any bytes as a translation of the Hangzhou Initiative: the schema, the
//! text rules and every translation rule run without panicking.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use initiative::model::Document;
use initiative::source::load_bytes;
use initiative::validate::{Purpose, Validator, check_translation};
use libfuzzer_sys::fuzz_target;

const DOCUMENT: &str = include_str!("../../../data/hangzhou-initiative/document.json");

/// Built once: the schemas and the document do not change between inputs.
static SETUP: OnceLock<Option<(Validator, Document)>> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let Some((validator, document)) =
        SETUP.get_or_init(|| Some((Validator::new().ok()?, serde_json::from_str(DOCUMENT).ok()?)))
    else {
        return;
    };
    let path = Path::new("data/hangzhou-initiative/translations/fr.json");
    let mut report = validator.validate_loaded(load_bytes(path, bytes));
    check_translation(&mut report, document, Purpose::Translate);
});
