//! Defines the `initiative` command line: one file per subcommand, one
//! dispatch `match`, and the exit-code contract (0 valid, 1 invalid data or
//! drift, 2 usage or I/O error).

mod build;
mod completions;
mod export;
mod import;
mod init;
mod man;
mod new;
mod output;
mod rules;
mod schema;
mod translation;
mod validate;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use output::{Color, Format};

/// Turn a policy text into validated, standards-conforming open data.
///
/// Run `initiative build` from the repository root: it regenerates the
/// schema, validates everything under data/ and writes the exports.
#[derive(Debug, Parser)]
#[command(name = "initiative", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print errors only: no warnings, no summary, no notes
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print a line for every file checked
    #[arg(short, long, global = true)]
    verbose: bool,
    /// Threads to validate and export with [default: all cores]
    #[arg(short, long, global = true, value_name = "N")]
    jobs: Option<usize>,
}

#[derive(Debug, Subcommand)]
enum Command {
    Schema(schema::Args),
    Validate(validate::Args),
    Build(build::Args),
    Export(export::Args),
    Init(init::Args),
    New(new::Args),
    Import(import::Args),
    Rules(rules::Args),
    Translation(translation::Args),
    Completions(completions::Args),
    Man(man::Args),
}

/// How a command ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Everything is valid and up to date: exit 0.
    Ok,
    /// The data is invalid, or generated files drifted: exit 1.
    Invalid,
}

/// The errors that stop a command: exit 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done (`cannot write`).
        action: &'static str,
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The data files could not be listed or checked.
    #[error(transparent)]
    Corpus(#[from] crate::corpus::Error),
    /// The command needs a project and there is none here.
    #[error(transparent)]
    Project(#[from] crate::project::Error),
    /// An export could not be produced or written.
    #[error(transparent)]
    Export(#[from] crate::export::Error),
    /// A project or document could not be made.
    #[error(transparent)]
    Scaffold(#[from] crate::scaffold::Error),
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// A report could not be written as JSON: a bug, not a problem in the
    /// data.
    #[error("cannot write the report as JSON: {0}")]
    Json(serde_json::Error),
    /// `SOURCE_DATE_EPOCH` is set but is not a time exports can carry.
    #[error(
        "SOURCE_DATE_EPOCH is `{0}`: it must be a whole number of seconds since 1970-01-01 UTC, before the year 10000"
    )]
    SourceDateEpoch(String),
}

impl Error {
    pub(crate) fn io(
        action: &'static str,
        path: &std::path::Path,
    ) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.to_path_buf();
        move |source| Self::Io {
            action,
            path,
            source,
        }
    }
}

/// The project the working directory is in (see [`crate::project`]); with
/// `-v`, says once which root it is.
pub(crate) fn project() -> Result<crate::project::Project, Error> {
    static SAID: std::sync::Once = std::sync::Once::new();
    let project = crate::project::Project::discover()?;
    SAID.call_once(|| {
        output::verbose(&format!("project root: {}", project.absolute().display()));
    });
    Ok(project)
}

/// The data files `paths` name (see [`crate::corpus::files_of`]), or every
/// data file of the project when there are none.
pub(crate) fn files_of(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    if paths.is_empty() {
        return Ok(crate::corpus::discover_project(&project()?.data())?);
    }
    Ok(crate::corpus::files_of(paths)?)
}

/// Parses the command line, runs the command and maps the result to an exit
/// code. Usage errors exit 2 (clap's convention), as do I/O errors.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match run(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Invalid) => ExitCode::from(1),
        Err(e) => {
            eprintln!("initiative: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Prints a command-line parse error in the tool's one error style
/// (`initiative: error: …`), or `--help` and `--version` as they are.
fn usage_error(mut e: clap::Error) -> ExitCode {
    if !e.use_stderr() {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    // For an unknown flag, clap's one free-form tip is to pass it as a
    // value after `--`, which misleads here: no command takes a path that
    // starts with `-`. (A "did you mean" is kept: it is another context.)
    if e.kind() == clap::error::ErrorKind::UnknownArgument {
        e.remove(clap::error::ContextKind::Suggested);
    }
    let rendered = if std::io::stderr().is_terminal() {
        e.render().ansi().to_string()
    } else {
        e.render().to_string()
    };
    eprint!("initiative: {rendered}");
    ExitCode::from(2)
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, Error> {
    output::set_verbosity(if cli.quiet {
        output::Verbosity::Quiet
    } else if cli.verbose {
        output::Verbosity::Verbose
    } else {
        output::Verbosity::Normal
    });
    // A pool of the run's own, not rayon's global one: building it can fail
    // (too little memory for the threads), and that is a usage error here
    // rather than a panic later.
    let threads = cli.jobs.map_or(0, |jobs| jobs.max(1));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| {
            Error::Usage(format!(
                "cannot start {} threads: {e}; give a smaller --jobs",
                cli.jobs
                    .map_or_else(|| "the default number of".into(), |n| n.to_string())
            ))
        })?;
    pool.install(|| dispatch(cli.command))
}

/// Runs one subcommand.
fn dispatch(command: Command) -> Result<Outcome, Error> {
    match command {
        Command::Schema(args) => schema::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Init(args) => init::run(&args),
        Command::New(args) => new::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Rules(args) => rules::run(&args),
        Command::Translation(args) => translation::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
    }
}
