//! `initiative schema`: writes the JSON Schemas generated from the model, or
//! checks that the committed ones are current.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::output::print_stdout;
use super::{Error, Outcome};
use crate::fsx;
use crate::schema::{SchemaDrift, schema_files};

/// Generate the JSON Schemas from the model into schema/.
///
/// With --check nothing is written: the command exits 1 and names every file
/// that is missing or differs, with a short diff. CI runs it to catch a model
/// change committed without its regenerated schema.
///
/// Example: initiative schema --check
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Folder to write the schemas to [default: the project's schema/]
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Write nothing; exit 1 if a schema file is missing or out of date
    #[arg(long)]
    pub check: bool,
}

/// Runs `schema`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let out = match &args.out {
        Some(out) => out.clone(),
        None => super::project()?.schema(),
    };
    if args.check {
        check(&out)
    } else {
        write(&out)?;
        Ok(Outcome::Ok)
    }
}

/// Writes every schema under `dir`; files already current are left alone.
pub(super) fn write(dir: &Path) -> Result<(), Error> {
    for file in schema_files() {
        let path = dir.join(file.name);
        let text = file.text;
        if !fsx::same_content(&path, text.as_bytes()).map_err(Error::io("cannot read", &path))? {
            fsx::write_atomic(&path, text.as_bytes()).map_err(Error::io("cannot write", &path))?;
            crate::cli::output::note(&format!("wrote {}", path.display()));
        }
    }
    Ok(())
}

/// Compares every schema under `dir` with the generated one and prints
/// each difference with a short diff.
pub(super) fn check(dir: &Path) -> Result<Outcome, Error> {
    let drift = drift(dir)?;
    if drift.is_empty() {
        return Ok(Outcome::Ok);
    }
    print_stdout(&describe(&drift));
    Ok(Outcome::Invalid)
}

/// The schema files under `dir` that are not what the model generates.
pub(super) fn drift(dir: &Path) -> Result<Vec<SchemaDrift>, Error> {
    crate::schema::drift(dir).map_err(Error::io("cannot read", dir))
}

/// The drift for people: each file, what is wrong, a short diff.
pub(super) fn describe(drift: &[SchemaDrift]) -> String {
    let mut report = String::new();
    for file in drift {
        match &file.committed {
            Some(committed) => {
                let _ = writeln!(
                    report,
                    "{}: differs from the generated schema",
                    file.path.display()
                );
                report.push_str(&short_diff(committed, &file.generated));
            }
            None => {
                let _ = writeln!(report, "{}: missing", file.path.display());
            }
        }
    }
    report.push_str("run `initiative schema` to regenerate, and commit the result\n");
    report
}

/// A unified diff with two lines of context, cut after 40 lines.
pub(super) fn short_diff(actual: &str, expected: &str) -> String {
    const MAX_LINES: usize = 40;
    let diff = similar::TextDiff::from_lines(actual, expected);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header("committed", "generated")
        .to_string();
    let mut lines: Vec<&str> = text.lines().collect();
    let cut = lines.len() > MAX_LINES;
    lines.truncate(MAX_LINES);
    let mut out = lines.join("\n");
    out.push('\n');
    if cut {
        out.push_str("…\n");
    }
    out
}
