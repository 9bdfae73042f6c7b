//! Any bytes as `data/<id>/document.json`: loading and validating never
//! panics, and every diagnostic has a position inside the text.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use initiative::source::load_bytes;
use initiative::validate::Validator;
use libfuzzer_sys::fuzz_target;

/// Compiled once: the schemas do not change between inputs.
static VALIDATOR: OnceLock<Option<Validator>> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let Some(validator) = VALIDATOR.get_or_init(|| Validator::new().ok()) else {
        return;
    };
    let report = validator.validate_loaded(load_bytes(Path::new("data/fuzz/document.json"), bytes));
    let lines = report.source.text.lines().count().max(1);
    for d in &report.diagnostics {
        assert!(d.line.unwrap_or(1) <= lines + 1, "{d:?}");
    }
});
