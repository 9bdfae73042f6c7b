//! Reads a data file from disk and turns its bytes into a JSON value,
//! reporting encoding and syntax problems with their exact position.

use std::io;
use std::path::{Path, PathBuf};
use std::string::FromUtf8Error;
use std::sync::OnceLock;

use serde_json::Value;

use super::{DuplicateKey, LineIndex, SyntaxError, parse_json};
use crate::diagnostic::{Diagnostic, Severity, SourceText};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of one data file, kept for locating and showing diagnostics.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as the user gave it (or as found under `data/`).
    pub path: PathBuf,
    /// The text, without a byte-order mark.
    pub text: String,
    /// Line starts of `text`: indexed the first time a diagnostic is
    /// placed, so a valid file is never indexed.
    lines: OnceLock<LineIndex>,
}

impl SourceFile {
    /// The file at `path` holding `text`.
    pub fn new(path: PathBuf, text: String) -> Self {
        Self {
            path,
            text,
            lines: OnceLock::new(),
        }
    }

    /// The line starts of the text.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }
}

impl SourceText for SourceFile {
    fn text(&self) -> &str {
        &self.text
    }

    fn line_of(&self, offset: usize) -> usize {
        self.lines().line_of(offset)
    }

    fn line_start(&self, line: usize) -> Option<usize> {
        self.lines().line_start(line)
    }
}

/// What loading a file gave: its source, whether the text is there to be
/// read, and any problems met on the way. The text is not parsed yet: the
/// validator reads a valid file straight into the model, and parses it as
/// JSON ([`read_json`]) only to find and place problems.
#[derive(Debug)]
pub struct Loaded {
    /// The file's text.
    pub source: SourceFile,
    /// Whether the text can be read as JSON: it is UTF-8, not empty, and
    /// within the size limit.
    pub readable: bool,
    /// Encoding diagnostics, located.
    pub diagnostics: Vec<Diagnostic>,
}

/// The largest data file read by default: 64 MiB, far above any policy
/// text, small enough that a stray dump or `/dev/zero` is refused at once.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The environment variable that sets another size limit, in bytes.
pub const MAX_FILE_BYTES_VAR: &str = "INITIATIVE_MAX_FILE_BYTES";

/// The size limit in force: [`MAX_FILE_BYTES_VAR`] when it is a number,
/// else [`DEFAULT_MAX_FILE_BYTES`].
pub fn max_file_bytes() -> u64 {
    std::env::var(MAX_FILE_BYTES_VAR)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_MAX_FILE_BYTES)
}

/// Reads and parses `path`. Only an I/O failure is an `Err`; anything wrong
/// with the content is a diagnostic. Only a regular file (or a link to one)
/// is read: a FIFO, device or folder is an error of kind
/// [`io::ErrorKind::InvalidInput`], never a wait. A file over the size
/// limit is refused from its metadata, and reading stops at the limit
/// whatever the metadata said, so memory stays bounded.
pub fn load(path: &Path) -> io::Result<Loaded> {
    let limit = max_file_bytes();
    let file = crate::fsx::open_regular(path, crate::fsx::Links::Follow)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Ok(too_large(path, &format!("{size} bytes"), limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    io::Read::read_to_end(&mut io::Read::take(file, limit + 1), &mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(too_large(path, "larger than it said", limit));
    }
    Ok(load_owned(path, bytes))
}

/// What loading `path` gives when the file is over the size `limit`: its
/// size, as `size` says it, in a `file-too-large` error, and no text.
fn too_large(path: &Path, size: &str, limit: u64) -> Loaded {
    let diagnostic = Diagnostic::new(
        Severity::Error,
        "file-too-large",
        path,
        "",
        format!("file is {size}; the limit is {limit} bytes"),
    )
    .with_position(1, 1)
    .with_hint(format!(
        "a data file holds one document; if this one really is larger, raise the limit with {MAX_FILE_BYTES_VAR}"
    ));
    loaded(path, String::new(), false, vec![diagnostic])
}

/// Parses file content already in memory.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Loaded {
    load_owned(path, bytes.to_vec())
}

/// Parses file content read into `bytes`, keeping them as the text when
/// they are UTF-8 (no copy).
fn load_owned(path: &Path, mut bytes: Vec<u8>) -> Loaded {
    let mut diagnostics = Vec::new();
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        diagnostics.push(at_start(
            path,
            "encoding",
            Severity::Error,
            "file is UTF-16; data files must be UTF-8",
            "save the file as \"UTF-8\" (not \"Unicode\" or \"UTF-16\") in your editor",
        ));
        return loaded(path, String::new(), false, diagnostics);
    }
    let bom = bytes.starts_with(UTF8_BOM);
    if bom {
        diagnostics.push(at_start(
            path,
            "byte-order-mark",
            Severity::Warning,
            "file starts with a UTF-8 byte-order mark",
            "it is accepted, but save as \"UTF-8\" without BOM to keep diffs clean",
        ));
        bytes.drain(..UTF8_BOM.len());
    }
    // Checked by a vectorized validator and copied (both many times faster
    // than the standard check on non-ASCII text); the standard check runs
    // only to describe a file that is not UTF-8.
    let checked = simdutf8::basic::from_utf8(&bytes).map(str::to_owned);
    let text = match checked.or_else(|_| String::from_utf8(bytes)) {
        Ok(text) => text,
        Err(e) => {
            let (prefix, diagnostic) = invalid_utf8(path, &e, bom);
            diagnostics.push(diagnostic);
            return loaded(path, prefix, false, diagnostics);
        }
    };
    if text.trim().is_empty() {
        diagnostics.push(at_start(
            path,
            "empty-file",
            Severity::Error,
            "file is empty",
            "a data file holds one JSON object; start from an existing file or a template",
        ));
        return loaded(path, text, false, diagnostics);
    }
    loaded(path, text, true, diagnostics)
}

/// Parses a loaded file's text as JSON: the value (first occurrence wins
/// for a repeated key) and the keys that repeat, or the located
/// `json-syntax` error when the text is not JSON.
pub fn read_json(source: &SourceFile) -> Result<(Value, Vec<DuplicateKey>), Box<Diagnostic>> {
    parse_json(&source.text)
        .map_err(|e| Box::new(syntax_diagnostic(&source.path, &source.text, &e)))
}

/// What loading `path` gave: its `text`, whether it can be read, and the
/// problems met.
fn loaded(path: &Path, text: String, readable: bool, diagnostics: Vec<Diagnostic>) -> Loaded {
    Loaded {
        source: SourceFile::new(path.to_path_buf(), text),
        readable,
        diagnostics,
    }
}

/// A diagnostic about the whole file, placed at its start.
fn at_start(
    path: &Path,
    code: &'static str,
    severity: Severity,
    message: &str,
    hint: &str,
) -> Diagnostic {
    Diagnostic::new(severity, code, path, "", message)
        .with_position(1, 1)
        .with_offset(0)
        .with_hint(hint)
}

/// The text before the first byte that is not UTF-8, and the `encoding`
/// error at that byte (counted in the file, BOM included when there was
/// one).
fn invalid_utf8(path: &Path, e: &FromUtf8Error, bom: bool) -> (String, Diagnostic) {
    let body = e.as_bytes();
    let valid_up_to = e.utf8_error().valid_up_to();
    // `valid_up_to` is at most the length: the slice is always there.
    let valid = body.get(..valid_up_to).unwrap_or_default();
    let prefix = String::from_utf8_lossy(valid).into_owned();
    let lines = LineIndex::new(&prefix);
    let p = lines.position(&prefix, prefix.len());
    let offset = valid_up_to + if bom { UTF8_BOM.len() } else { 0 };
    // A UTF-8 error is a byte that is not UTF-8, at `valid_up_to`.
    let bad = body.get(valid_up_to).copied().unwrap_or_default();
    let diagnostic = Diagnostic::new(
        Severity::Error,
        "encoding",
        path,
        "",
        format!("invalid UTF-8 at byte offset {offset} (byte 0x{bad:02X})"),
    )
    .with_position(p.line, p.column)
    .with_offset(p.offset)
    .with_hint("the file is not UTF-8: re-save it as UTF-8 in your editor");
    (prefix, diagnostic)
}

/// The `json-syntax` diagnostic for text that is not JSON: at the place
/// `serde_json` stopped (a trailing comma at the comma itself, not at the
/// bracket after it), with the offset the snippet is drawn from and the
/// pointer of the value being read.
fn syntax_diagnostic(path: &Path, text: &str, e: &SyntaxError) -> Diagnostic {
    let lines = LineIndex::new(text);
    let mut offset = lines.offset_of_byte_column(text, e.error.line(), e.error.column());
    if e.error.to_string().starts_with("trailing comma") {
        offset = comma_before(text, offset).unwrap_or(offset);
    }
    let p = lines.position(text, offset);
    Diagnostic::new(
        Severity::Error,
        "json-syntax",
        path,
        e.pointer.as_str(),
        syntax_message(&e.error),
    )
    .with_position(p.line, p.column)
    .with_offset(p.offset)
    .with_hint(syntax_hint(&e.error))
}

/// The offset of the comma before `offset`, with only white space between.
fn comma_before(text: &str, offset: usize) -> Option<usize> {
    let before = text
        .get(..offset)?
        .trim_end_matches([' ', '\t', '\n', '\r']);
    before.ends_with(',').then(|| before.len() - 1)
}

/// `serde_json`'s message without its own " at line L column C" suffix, since
/// the diagnostic carries the position.
fn syntax_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let message = full.split(" at line ").next().unwrap_or(&full);
    format!("invalid JSON: {message}")
}

fn syntax_hint(e: &serde_json::Error) -> &'static str {
    let text = e.to_string();
    if text.contains("trailing comma") {
        "remove this comma: JSON allows none after the last item"
    } else if text.contains("control character") {
        "a line break or tab inside a string must be written \\n or \\t"
    } else if text.contains("recursion limit exceeded") {
        "data files nest at most 128 levels of [ and {: the structure is far deeper than any document"
    } else if text.contains("EOF") {
        "the file ends too early: check that every { [ and \" is closed"
    } else if text.contains("key must be a string") {
        "object keys need double quotes: \"key\": value"
    } else if text.contains("lone leading surrogate")
        || text.contains("unexpected end of hex escape")
    {
        "a \\uD800-\\uDFFF escape must be half of a surrogate pair"
    } else {
        "check the punctuation just before this point: a missing comma, colon or quote"
    }
}
