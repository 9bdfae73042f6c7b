//! `initiative schema`: writes the JSON Schemas generated from the model, or
//! checks that the committed ones are current.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::output::print_stdout;
use super::{Error, Outcome};
use crate::fsx;
use crate::schema::schema_files;

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

/// Compares every schema under `dir` with the generated one.
pub(super) fn check(dir: &Path) -> Result<Outcome, Error> {
    let mut report = String::new();
    for file in schema_files() {
        let path = dir.join(file.name);
        let expected = file.text;
        match std::fs::read_to_string(&path) {
            Ok(actual) if actual == expected => {}
            Ok(actual) => {
                let _ = writeln!(
                    report,
                    "{}: differs from the generated schema",
                    path.display()
                );
                report.push_str(&short_diff(&actual, &expected));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let _ = writeln!(report, "{}: missing", path.display());
            }
            Err(e) => return Err(Error::io("cannot read", &path)(e)),
        }
    }
    if report.is_empty() {
        return Ok(Outcome::Ok);
    }
    report.push_str("run `initiative schema` to regenerate, and commit the result\n");
    print_stdout(&report);
    Ok(Outcome::Invalid)
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
