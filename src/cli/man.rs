//! `initiative man`: the manual page (roff), generated from the same clap
//! definitions as the commands, so it cannot fall behind them.

use clap::CommandFactory;

use super::{Cli, Error, Outcome};

/// Print the manual page in roff.
///
/// Example: `initiative man > initiative.1 && man ./initiative.1`
#[derive(Debug, clap::Args)]
pub(super) struct Args {}

/// Runs `man`.
pub(super) fn run(_: &Args) -> Result<Outcome, Error> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Error::Usage(format!("cannot render the manual page: {e}")))?;
    super::output::print_stdout(&String::from_utf8_lossy(&page));
    Ok(Outcome::Ok)
}
