//! Any text and any JSON Pointer: mapping the pointer to an offset and the
//! offset to `line:column` never panics and stays inside the text.
#![no_main]

use initiative::source::{LineIndex, SpanIndex, Target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str, u8)| {
    let (text, pointer, n) = input;
    let index = SpanIndex::new(text);
    for target in [
        Target::Value,
        Target::Key,
        Target::Char(usize::from(n)),
        Target::DuplicateKey(usize::from(n)),
    ] {
        let offset = index.offset(pointer, target);
        assert!(offset <= text.len());
        let lines = LineIndex::new(text);
        let position = lines.position(text, offset);
        assert!(position.line >= 1 && position.column >= 1);
    }
});
