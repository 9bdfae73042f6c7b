//! `initiative completions <shell>`: shell completion scripts, generated
//! from the same clap definitions as the commands themselves.

use clap::CommandFactory;

use super::{Cli, Error, Outcome};

/// Print a completion script for a shell.
///
/// Example: `initiative completions bash > /etc/bash_completion.d/initiative`
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The shell to complete in
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Runs `completions`.
#[allow(clippy::unnecessary_wraps)] // every command shares one signature
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "initiative", &mut script);
    super::output::print_stdout(&String::from_utf8_lossy(&script));
    Ok(Outcome::Ok)
}
