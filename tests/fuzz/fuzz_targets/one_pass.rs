//! Any bytes as a document and as a translation: the one-pass reader and
//! the full validator give the same report, and the one-pass reader takes
//! a file only when the full validator found nothing while reading it.
//! The seed corpus is the committed documents and translations, so the
//! mutations start from files the one-pass reader takes. See: #20
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use initiative::source::load_bytes;
use initiative::validate::{DOCUMENT_RULES, Validator};
use libfuzzer_sys::fuzz_target;

/// Compiled once: the schemas do not change between inputs.
static VALIDATOR: OnceLock<Option<Validator>> = OnceLock::new();

const PATHS: [&str; 2] = [
    "data/fuzz/document.json",
    "data/fuzz/translations/fr.json",
];

fuzz_target!(|bytes: &[u8]| {
    let Some(validator) = VALIDATOR.get_or_init(|| Validator::new().ok()) else {
        return;
    };
    for path in PATHS {
        let path = Path::new(path);
        let fast = validator.validate_loaded(load_bytes(path, bytes));
        let full = validator.validate_full(load_bytes(path, bytes));
        assert_eq!(fast.diagnostics, full.diagnostics);
        assert_eq!(fast.document, full.document);
        assert_eq!(fast.translation, full.translation);
        let clean = full.diagnostics.iter().all(|d| {
            d.code == "byte-order-mark" || DOCUMENT_RULES.iter().any(|r| r.code() == d.code)
        });
        assert_eq!(fast.one_pass, clean, "{:?}", full.diagnostics);
    }
});
