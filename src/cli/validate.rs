//! `initiative validate`: checks data files against the schema and the rules.

use std::path::PathBuf;

use super::output::{ReportArgs, print_reports};
use super::{Error, Outcome};
use crate::corpus::{self, Keep};

/// Check data files against the generated schema and the semantic rules.
///
/// Every problem in every file is reported in one run, each with
/// `file:line:column`, its JSON Pointer, a rule code and a hint. Exits 0 when
/// the data is valid, 1 when it is not, 2 when a file cannot be read.
///
/// Example: initiative validate data/hangzhou-initiative/document.json --format github
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Files or folders to check [default: every document under data/]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub report: ReportArgs,
    /// Check only this document and its translations (repeatable)
    #[arg(long = "document", value_name = "ID")]
    pub documents: Vec<String>,
}

/// Runs `validate`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let files = if args.documents.is_empty() {
        super::files_of(&args.paths)?
    } else {
        corpus::select(&super::project()?.data(), &args.documents)?
    };
    let checked = corpus::check(&files, Keep::Findings, corpus::Purpose::Publish)?;
    let invalid = print_reports(
        &checked.reports,
        &checked.clean,
        args.report.format,
        args.report.color,
    );
    Ok(if invalid {
        Outcome::Invalid
    } else {
        Outcome::Ok
    })
}
