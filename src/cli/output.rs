//! Prints validation results in the format the user chose, to stdout, and
//! exits quietly when the reader goes away (a closed pipe is not an error).

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::diagnostic::{
    Diagnostic, HumanRenderer, Severity, render_github, render_human, render_json,
};
use crate::export::Drift;
use crate::schema::SchemaDrift;
use crate::validate::FileReport;

/// How diagnostics are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: message, `file:line:column`, the line with a caret, a hint.
    #[default]
    Human,
    /// One JSON report with stable field names.
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…,col=…::…`).
    Github,
}

/// How a command that reports diagnostics prints them: shared by
/// `validate`, `build` and `translation check` (`export` has its own, since
/// its `--format` names export formats).
#[derive(Clone, Copy, Debug, clap::Args)]
pub(super) struct ReportArgs {
    /// How to print diagnostics and drift (`--format` is the older name)
    #[arg(
        long = "message-format",
        visible_alias = "format",
        value_enum,
        default_value_t
    )]
    pub format: Format,
    /// When to colour human output
    #[arg(long, value_enum, default_value_t)]
    pub color: Color,
}

/// When to colour human output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal, unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl Color {
    fn enabled(self) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && io::stdout().is_terminal()
            }
        }
    }
}

/// How much a command says beyond its results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Verbosity {
    /// Errors only: no warnings, no summary line, no notes of files written.
    Quiet,
    /// Results, a summary and notes of files written.
    #[default]
    Normal,
    /// Also one line per file checked.
    Verbose,
}

static VERBOSITY: std::sync::OnceLock<Verbosity> = std::sync::OnceLock::new();

/// Sets the verbosity for the rest of the run (the first call wins).
pub(super) fn set_verbosity(verbosity: Verbosity) {
    let _ = VERBOSITY.set(verbosity);
}

fn verbosity() -> Verbosity {
    // Not set (a caller of the library, not the command line): normal.
    VERBOSITY.get().copied().unwrap_or_default()
}

/// A note to the user on stderr (`wrote schema/…`), unless `-q`.
pub(super) fn note(message: &str) {
    if verbosity() != Verbosity::Quiet {
        eprintln!("{message}");
    }
}

/// A line on stderr only with `-v`.
pub(super) fn verbose(message: &str) {
    if verbosity() == Verbosity::Verbose {
        eprintln!("{message}");
    }
}

/// Generated files that do not match what the model and data give.
#[derive(Debug, Default)]
pub(super) struct Drifted {
    /// Schema files.
    pub schema: Vec<SchemaDrift>,
    /// The export folder, and how its files differ.
    pub exports: Option<(PathBuf, Drift)>,
    /// The command that regenerates the exports (`initiative build`).
    pub command: &'static str,
}

impl Drifted {
    /// Whether every generated file is as the model and data give it.
    pub(super) fn is_empty(&self) -> bool {
        self.schema.is_empty() && self.exports.as_ref().is_none_or(|(_, d)| d.is_empty())
    }

    /// The drift as error diagnostics, schemas first.
    fn diagnostics(&self) -> Vec<Diagnostic> {
        let schema = self.schema.iter().map(SchemaDrift::diagnostic);
        let exports = self
            .exports
            .iter()
            .flat_map(|(out, drift)| drift.diagnostics(out, self.command));
        schema.chain(exports).collect()
    }

    /// The export drift for people: a line per file, and what to run.
    fn describe_exports(&self) -> String {
        let mut text = String::new();
        let Some((out, drift)) = self.exports.as_ref().filter(|(_, d)| !d.is_empty()) else {
            return text;
        };
        for (label, paths) in [
            ("stale", &drift.stale),
            ("missing", &drift.missing),
            ("extra", &drift.extra),
        ] {
            for path in paths {
                let _ = writeln!(text, "{}: {label}", out.join(path).display());
            }
        }
        let _ = writeln!(
            text,
            "run `{}` to regenerate the exports, and commit the result",
            self.command
        );
        text
    }
}

/// Prints every report's diagnostics; returns whether any is an error.
/// `clean` lists the other files checked, which had nothing to report.
/// With `-q` only errors are printed, without the summary line; with `-v`
/// each file checked gets a line first.
pub(super) fn print_reports(
    reports: &[FileReport],
    clean: &[PathBuf],
    format: Format,
    color: Color,
) -> bool {
    print_report(reports, clean, &Drifted::default(), format, color)
}

/// [`print_reports`], with the drift of generated files: for people, as
/// today's lines around the diagnostics; for machines, as diagnostics of
/// their own, so a JSON report always parses and says `valid: false`, and
/// GitHub annotates each file. Returns whether anything is an error.
pub(super) fn print_report(
    reports: &[FileReport],
    clean: &[PathBuf],
    drifted: &Drifted,
    format: Format,
    color: Color,
) -> bool {
    let (text, invalid) = report_text(reports, clean, drifted, format, color);
    print_stdout(&text);
    invalid
}

/// [`print_reports`] onto stderr, for a command whose stdout carries its
/// result (`import --out -`). Colour follows stdout's terminal, as for
/// every report.
pub(super) fn eprint_reports(reports: &[FileReport], format: Format, color: Color) -> bool {
    let (text, invalid) = report_text(reports, &[], &Drifted::default(), format, color);
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
    invalid
}

/// The text [`print_report`] prints, and whether anything is an error.
fn report_text(
    reports: &[FileReport],
    clean: &[PathBuf],
    drifted: &Drifted,
    format: Format,
    color: Color,
) -> (String, bool) {
    let quiet = verbosity() == Verbosity::Quiet;
    let mut diagnostics: Vec<Diagnostic> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().cloned())
        .filter(|d| !quiet || d.severity == Severity::Error)
        .collect();
    let checked = reports.len() + clean.len();
    if verbosity() == Verbosity::Verbose && format == Format::Human {
        eprint!("{}", checked_lines(reports, clean));
    }
    let text = match format {
        Format::Human => {
            let mut text = if drifted.schema.is_empty() {
                String::new()
            } else {
                super::schema::describe(&drifted.schema)
            };
            text.push_str(&human(reports, &diagnostics, checked, color, quiet));
            text.push_str(&drifted.describe_exports());
            text
        }
        Format::Json => {
            diagnostics.splice(0..0, drifted.diagnostics());
            render_json(checked, &diagnostics)
        }
        Format::Github => {
            diagnostics.splice(0..0, drifted.diagnostics());
            render_github(&diagnostics)
        }
    };
    let invalid = !drifted.is_empty() || diagnostics.iter().any(|d| d.severity == Severity::Error);
    (text, invalid)
}

/// The diagnostics for people, each with its snippet, and the summary line
/// (left out with `-q`).
fn human(
    reports: &[FileReport],
    diagnostics: &[Diagnostic],
    checked: usize,
    color: Color,
    quiet: bool,
) -> String {
    let text = render_human(
        HumanRenderer::new(color.enabled()),
        diagnostics,
        |d| {
            reports
                .iter()
                .find(|r| r.source.path == d.file)
                .map(|r| &r.source)
        },
        checked,
    );
    if !quiet {
        return text;
    }
    // The summary line is the last; errors, if any, come before it.
    let body = text.trim_end_matches('\n');
    body.rsplit_once('\n')
        .map_or(String::new(), |(errors, _)| format!("{errors}\n"))
}

/// With `-v`: a line per file checked, with its counts, in path order.
fn checked_lines(reports: &[FileReport], clean: &[PathBuf]) -> String {
    let count = |report: &FileReport, severity| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let mut lines: Vec<(&Path, usize, usize)> = reports
        .iter()
        .map(|r| {
            let path = r.source.path.as_path();
            (path, count(r, Severity::Error), count(r, Severity::Warning))
        })
        .chain(clean.iter().map(|path| (path.as_path(), 0, 0)))
        .collect();
    lines.sort();
    let mut text = String::new();
    for (path, errors, warnings) in lines {
        let _ = writeln!(
            text,
            "checked {}: {errors} errors, {warnings} warnings",
            path.display()
        );
    }
    text
}

/// Writes to stdout, ignoring a closed pipe (`initiative validate | head`).
pub(super) fn print_stdout(text: &str) {
    let mut out = io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
