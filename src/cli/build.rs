//! `initiative build`: the main job. Regenerates the schemas, validates all
//! data, and writes every export.

use super::output::print_reports;
use super::{Color, Error, Format, Outcome, export, schema};

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
    /// Output format for diagnostics
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// When to colour human output
    #[arg(long, value_enum, default_value_t)]
    pub color: Color,
    #[command(flatten)]
    pub publish: export::Publish,
    #[command(flatten)]
    pub lock: export::Lock,
}

/// Runs `build`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let project = super::project()?;
    let schema_dir = &project.schema();
    let mut outcome = Outcome::Ok;
    if args.check {
        outcome = schema::check(schema_dir)?;
    } else {
        schema::write(schema_dir)?;
    }
    let exported = export::export_data(
        &[],
        &project.exports(),
        args.check,
        &args.publish,
        args.lock.wait()?,
        |reports, clean| print_reports(reports, clean, args.format, args.color),
    )?;
    Ok(if exported == Outcome::Invalid {
        Outcome::Invalid
    } else {
        outcome
    })
}
