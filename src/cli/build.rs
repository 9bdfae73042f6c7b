//! `initiative build`: the main job. Regenerates the schemas, validates all
//! data, and writes every export.

use super::output::{Drifted, ReportArgs, print_report};
use super::{Error, Outcome, export, schema};

/// Regenerate schemas, validate all data and write the exports.
///
/// With --check nothing is written: it fails (exit 1) if a schema or an
/// export is out of date, or the data is invalid. This is what CI runs.
///
/// Example: initiative build --check --format github
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Write nothing; exit 1 on any drift or invalid data
    #[arg(long)]
    pub check: bool,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub publish: export::Publish,
    #[command(flatten)]
    pub lock: export::Lock,
}

/// Runs `build`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let project = super::project()?;
    let schema_dir = project.schema();
    let schema = if args.check {
        schema::drift(&schema_dir)?
    } else {
        schema::write(&schema_dir)?;
        Vec::new()
    };
    let out = project.exports();
    let action = export::action(args.check);
    let exported = export::check_and_export(&[], &out, action, &args.publish, args.lock.wait()?)?;
    let drifted = Drifted {
        schema,
        exports: Some((out, exported.drift)),
        command: "initiative build",
    };
    let checked = &exported.checked;
    let invalid = print_report(
        &checked.reports,
        &checked.clean,
        &drifted,
        args.report.format,
        args.report.color,
    );
    Ok(if invalid {
        Outcome::Invalid
    } else {
        Outcome::Ok
    })
}
