//! `initiative translation status`: how complete and how current each
//! translation is, as a table, JSON, or a Markdown table for a README or a
//! CI summary.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Error, Outcome};
use crate::cli::files_of;
use crate::cli::output::print_stdout;
use crate::corpus::{self, Keep};
use crate::diagnostic::Severity;
use crate::model::{Document, Translation};
use crate::translation::progress;

/// Show each translation's status, coverage, stale units and problems.
///
/// Example: `initiative translation status --format markdown >> "$GITHUB_STEP_SUMMARY"`
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    format: StatusFormat,
}

/// How the status is printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
enum StatusFormat {
    /// Aligned columns for a terminal.
    #[default]
    Table,
    /// One JSON object with a row per translation.
    Json,
    /// A Markdown table.
    Markdown,
}

/// The JSON status: a row per translation.
#[derive(Serialize)]
struct Report<'a> {
    translations: &'a [Row],
}

/// One translation's figures.
#[derive(Debug, Serialize)]
struct Row {
    document: String,
    language: String,
    status: String,
    translated: usize,
    total: usize,
    stale: usize,
    /// The ids of the stale units, in document order.
    stale_units: Vec<String>,
    errors: usize,
    warnings: usize,
    /// Whether `build` puts it in the exports.
    exported: bool,
}

/// Runs `translation status`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let reports = corpus::check(
        &files_of(&[])?,
        Keep::Everything,
        corpus::Purpose::Translate,
    )?
    .reports;
    let documents: Vec<&Document> = reports.iter().filter_map(|r| r.document.as_ref()).collect();
    let mut rows = Vec::new();
    for report in reports
        .iter()
        .filter(|r| crate::validate::is_translation(&r.source.path))
    {
        let Ok(translation) = serde_json::from_str::<Translation>(&report.source.text) else {
            continue;
        };
        let count = |s: Severity| {
            report
                .diagnostics
                .iter()
                .filter(|d| d.severity == s)
                .count()
        };
        let document = documents.iter().find(|d| d.id == translation.document);
        let figures = document.map(|d| progress(&translation, d));
        let (translated, total, stale) =
            figures.map_or((0, 0, 0), |p| (p.translated, p.total, p.stale));
        let stale_units: Vec<String> = document
            .map(|d| translation.stale_units(d))
            .into_iter()
            .flatten()
            .map(|id| id.to_string())
            .collect();
        rows.push(Row {
            document: translation.document.to_string(),
            language: translation.language.to_string(),
            status: translation.status.as_str().to_owned(),
            translated,
            total,
            stale,
            stale_units,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            // The exports leave out a translation with stale units.
            exported: report.is_valid()
                && translation.status == crate::model::TranslationStatus::Reviewed
                && stale == 0,
        });
    }
    print_stdout(&match args.format {
        StatusFormat::Json => {
            let report = Report {
                translations: &rows,
            };
            let mut text = serde_json::to_string_pretty(&report).map_err(Error::Json)?;
            text.push('\n');
            text
        }
        StatusFormat::Markdown => markdown(&rows),
        StatusFormat::Table => table(&rows),
    });
    Ok(Outcome::Ok)
}

fn percent(row: &Row) -> usize {
    row.translated * 100 / row.total.max(1)
}

fn cells(row: &Row) -> [String; 8] {
    [
        row.document.clone(),
        row.language.clone(),
        row.status.clone(),
        format!("{}/{} ({}%)", row.translated, row.total, percent(row)),
        row.stale.to_string(),
        row.errors.to_string(),
        row.warnings.to_string(),
        if row.exported { "yes" } else { "no" }.to_owned(),
    ]
}

const HEADER: [&str; 8] = [
    "document",
    "language",
    "status",
    "translated",
    "stale",
    "errors",
    "warnings",
    "exported",
];

fn table(rows: &[Row]) -> String {
    if rows.is_empty() {
        return "no translations under data/*/translations/\n".into();
    }
    let body: Vec<[String; 8]> = rows.iter().map(cells).collect();
    let widths: Vec<usize> = (0..8)
        .map(|i| {
            body.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .chain(HEADER.get(i).map(|h| h.len()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:w$}"))
            .collect();
        let _ = writeln!(out, "{}", padded.join("  ").trim_end());
    };
    line(HEADER.to_vec());
    for row in &body {
        line(row.iter().map(String::as_str).collect());
    }
    out
}

fn markdown(rows: &[Row]) -> String {
    let mut out = format!("| {} |\n|{}\n", HEADER.join(" | "), "---|".repeat(8));
    for row in rows {
        let _ = writeln!(out, "| {} |", cells(row).join(" | "));
    }
    out
}
