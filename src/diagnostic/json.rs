//! Renders diagnostics as one JSON report for machines (`--format json`).

use serde::Serialize;

use super::{Diagnostic, Severity};

/// The machine-readable report of one run. Field names are stable.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The report format's version; bumped on any incompatible change.
    pub version: u32,
    /// Whether no error was found.
    pub valid: bool,
    /// How many files were checked.
    pub files: usize,
    /// How many errors were found.
    pub errors: usize,
    /// How many warnings were found.
    pub warnings: usize,
    /// Every diagnostic, in file and position order.
    pub diagnostics: &'a [Diagnostic],
}

/// The JSON report, pretty-printed, with a trailing newline.
pub fn render_json(files: usize, diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let report = Report {
        version: 1,
        valid: errors == 0,
        files,
        errors,
        warnings: diagnostics.len() - errors,
        diagnostics,
    };
    // Strings (paths written lossily) and numbers: serializing them cannot
    // fail, and if it did the message would still be JSON.
    let mut out = serde_json::to_string_pretty(&report)
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string());
    out.push('\n');
    out
}
