//! Reads data files: bytes to text, then either straight into the model
//! (the one-pass reader, for valid files) or to a JSON value, with every problem along
//! the way (encoding, syntax, duplicate keys) reported as a diagnostic, and
//! positions in the text found for any JSON Pointer.

mod load;
mod parse;
pub mod pointer;
mod position;
mod span;
mod typed;

pub use load::{
    DEFAULT_MAX_FILE_BYTES, Loaded, MAX_FILE_BYTES_VAR, SourceFile, load, load_bytes,
    max_file_bytes, read_json,
};
pub use parse::{DuplicateKey, SyntaxError, ValuePath, parse_json};
pub use position::{LineIndex, Position};
pub use span::{SpanIndex, Target};
pub use typed::read_checked;
