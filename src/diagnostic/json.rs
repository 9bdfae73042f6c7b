//! Renders diagnostics as one JSON report for machines (`--format json`).

use serde_json::{Map, Value};

use super::{Diagnostic, Severity};

/// The machine-readable report of one run. Field names are stable.
#[derive(Debug)]
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

impl Report<'_> {
    /// The report as a JSON value, its fields in the order above. It holds
    /// strings, numbers and booleans only, so writing it cannot fail.
    pub fn to_json(&self) -> Value {
        let mut report = Map::new();
        report.insert("version".into(), self.version.into());
        report.insert("valid".into(), self.valid.into());
        report.insert("files".into(), self.files.into());
        report.insert("errors".into(), self.errors.into());
        report.insert("warnings".into(), self.warnings.into());
        let diagnostics = self.diagnostics.iter().map(diagnostic_json).collect();
        report.insert("diagnostics".into(), diagnostics);
        Value::Object(report)
    }
}

/// One diagnostic in the report: every field but the byte offset, `unit`
/// and `hint` only when there is one, and the file name written lossily (a
/// name that is not UTF-8 shows U+FFFD where its bytes are, and never drops
/// the report).
fn diagnostic_json(d: &Diagnostic) -> Value {
    let mut json = Map::new();
    json.insert("file".into(), d.file.to_string_lossy().into());
    json.insert("line".into(), d.line.into());
    json.insert("column".into(), d.column.into());
    json.insert("pointer".into(), d.pointer.as_str().into());
    if let Some(unit) = &d.unit {
        json.insert("unit".into(), unit.as_str().into());
    }
    json.insert("severity".into(), d.severity.as_str().into());
    json.insert("code".into(), d.code.as_str().into());
    json.insert("message".into(), d.message.as_str().into());
    if let Some(hint) = &d.hint {
        json.insert("hint".into(), hint.as_str().into());
    }
    Value::Object(json)
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
    format!("{:#}\n", report.to_json())
}
