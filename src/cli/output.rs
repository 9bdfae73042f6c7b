//! Prints validation results in the format the user chose, to stdout, and
//! exits quietly when the reader goes away (a closed pipe is not an error).

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};

use clap::ValueEnum;

use crate::diagnostic::{HumanRenderer, render_github, render_human, render_json};
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

/// Prints every report's diagnostics; returns whether any is an error.
/// `clean` lists the other files checked, which had nothing to report.
/// With `-q` only errors are printed, without the summary line; with `-v`
/// each file checked gets a line first.
pub(super) fn print_reports(
    reports: &[FileReport],
    clean: &[std::path::PathBuf],
    format: Format,
    color: Color,
) -> bool {
    let quiet = verbosity() == Verbosity::Quiet;
    let diagnostics: Vec<_> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().cloned())
        .filter(|d| !quiet || d.severity == crate::diagnostic::Severity::Error)
        .collect();
    let checked = reports.len() + clean.len();
    if verbosity() == Verbosity::Verbose && format == Format::Human {
        let mut lines: Vec<(&std::path::Path, usize, usize)> = reports
            .iter()
            .map(|report| {
                let count = |s| {
                    report
                        .diagnostics
                        .iter()
                        .filter(|d| d.severity == s)
                        .count()
                };
                (
                    report.source.path.as_path(),
                    count(crate::diagnostic::Severity::Error),
                    count(crate::diagnostic::Severity::Warning),
                )
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
        eprint!("{text}");
    }
    let text = match format {
        Format::Human => render_human(
            HumanRenderer::new(color.enabled()),
            &diagnostics,
            |d| {
                reports
                    .iter()
                    .find(|r| r.source.path == d.file)
                    .map(|r| &r.source)
            },
            checked,
        ),
        Format::Json => render_json(checked, &diagnostics),
        Format::Github => render_github(&diagnostics),
    };
    let text = if quiet && format == Format::Human {
        // The summary line is the last; errors, if any, come before it.
        let body = text.trim_end_matches('\n');
        body.rsplit_once('\n')
            .map_or(String::new(), |(errors, _)| format!("{errors}\n"))
    } else {
        text
    };
    print_stdout(&text);
    diagnostics
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error)
}

/// Writes to stdout, ignoring a closed pipe (`initiative validate | head`).
pub(super) fn print_stdout(text: &str) {
    let mut out = io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
