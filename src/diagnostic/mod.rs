//! Defines `Diagnostic`, the one shape every problem takes (encoding, syntax,
//! schema and rule findings alike), and the renderers that print them.

mod github;
mod human;
mod json;

use std::path::{Path, PathBuf};

pub use github::render_github;
pub use human::{HumanRenderer, SourceText, render_human};
pub use json::{Report, render_json};

/// How serious a diagnostic is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The data is invalid: the run exits 1.
    Error,
    /// Worth fixing, but the data is accepted.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// One problem found in one file. Serde gives every field, for the build
/// cache; the JSON report has its own shape ([`render_json`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// The file, as the user named it (written lossily in the JSON report).
    pub file: PathBuf,
    /// 1-based line, if the problem has a place in the text.
    pub line: Option<usize>,
    /// 1-based column in characters.
    pub column: Option<usize>,
    /// The JSON Pointer of the value concerned (`""` for the whole file).
    pub pointer: String,
    /// The text unit concerned (`sec_2__para_1`), where there is one.
    pub unit: Option<String>,
    /// `error` or `warning`.
    pub severity: Severity,
    /// The stable rule code (`duplicate-id`, `schema-required`, …).
    pub code: String,
    /// What is wrong, in one line.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// Byte offset of the position, for drawing the snippet (not in the
    /// JSON report).
    pub offset: Option<usize>,
}

impl Diagnostic {
    /// A diagnostic with no position yet.
    pub fn new(
        severity: Severity,
        code: impl Into<String>,
        file: &Path,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.to_path_buf(),
            line: None,
            column: None,
            pointer: pointer.into(),
            unit: None,
            severity,
            code: code.into(),
            message: message.into(),
            hint: None,
            offset: None,
        }
    }

    /// Sets the line and column.
    #[must_use]
    pub fn with_position(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Sets the byte offset used to draw the snippet.
    #[must_use]
    pub fn with_offset(mut self, offset: usize) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Sets the hint.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Sets the unit.
    #[must_use]
    pub fn with_unit(mut self, unit: Option<String>) -> Self {
        self.unit = unit;
        self
    }

    /// `file:line:column`, or just the file when there is no position.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", self.file.display()),
            _ => self.file.display().to_string(),
        }
    }

    /// The message with the unit in front, as every renderer prints it.
    pub fn headline(&self) -> String {
        match &self.unit {
            Some(unit) => format!("{unit}: {}", self.message),
            None => self.message.clone(),
        }
    }
}
