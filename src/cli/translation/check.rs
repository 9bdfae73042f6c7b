//! `initiative translation check`: validates translation files with the
//! same diagnostics as `validate`.

use std::path::PathBuf;

use super::{Error, Outcome};
use crate::cli::files_of;
use crate::cli::output::{ReportArgs, print_reports};
use crate::corpus::{self, Keep};
use crate::diagnostic::Severity;

/// Check translation files: schema, then every translation rule.
///
/// Each problem is reported at its `file:line:column` with the unit it is in,
/// a rule code and a hint. Errors fail (exit 1); warnings are listed and
/// fail only with --strict.
///
/// Example: initiative translation check data/hangzhou-initiative/translations/fr.json
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Translation files [default: every file under data/*/translations/]
    files: Vec<PathBuf>,
    #[command(flatten)]
    report: ReportArgs,
    /// Fail on warnings too
    #[arg(long)]
    strict: bool,
}

/// Runs `translation check`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    // A file named on the command line that is not where a translation
    // lives would be checked as something else and reported as nothing.
    if let Some(path) = args
        .files
        .iter()
        .find(|p| !p.is_dir() && !crate::validate::is_translation(p))
    {
        return Err(Error::Usage(format!(
            "{} is not a translation file: translations are data/<document>/translations/<language>.json (use `initiative validate` for documents and the catalog)",
            path.display()
        )));
    }
    // Documents are checked too (a translation is judged against its
    // document), but only their findings are kept: a translator's run
    // keeps the translations alone whole, to compare them across files.
    let checked = corpus::check(
        &files_of(&args.files)?,
        Keep::Translations,
        corpus::Purpose::Translate,
    )?;
    let is_translation = |path: &std::path::Path| crate::validate::is_translation(path);
    let reports: Vec<_> = checked
        .reports
        .into_iter()
        .filter(|r| is_translation(&r.source.path))
        .collect();
    let clean: Vec<PathBuf> = checked
        .clean
        .into_iter()
        .filter(|p| is_translation(p))
        .collect();
    let failed = print_reports(&reports, &clean, args.report.format, args.report.color);
    let warned = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity == Severity::Warning);
    Ok(if failed || (args.strict && warned) {
        Outcome::Invalid
    } else {
        Outcome::Ok
    })
}
