//! Prints validation results in the format the user chose, to stdout, and
//! exits quietly when the reader goes away (a closed pipe is not an error).

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

/// Prints every report's diagnostics; returns whether any is an error.
pub(super) fn print_reports(reports: &[FileReport], format: Format, color: Color) -> bool {
    let diagnostics: Vec<_> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().cloned())
        .collect();
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
            reports.len(),
        ),
        Format::Json => render_json(reports.len(), &diagnostics),
        Format::Github => render_github(&diagnostics),
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
