//! `initiative init`: makes a new project.

use std::path::PathBuf;

use super::{Error, Outcome, output};

/// Make a new project: data/ with a catalog to fill in, and schema/.
///
/// DIR (default: the current folder) may be missing, if the folder it is
/// in exists, or a folder holding neither data/ nor schema/. Anything else,
/// a project or a symbolic link included, is refused and nothing is
/// written. Next: `initiative new ID --languages zh-Hans,en`.
///
/// Example: initiative init policy-texts
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The folder to make the project in [default: the current folder]
    dir: Option<PathBuf>,
}

/// Runs `init`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let written = crate::scaffold::init(&dir)?;
    output::note(&format!(
        "made a project in {}: data/catalog.json (a template: set the publisher's values, which validation warns about) and schema/ ({} files)",
        dir.display(),
        written.len().saturating_sub(1)
    ));
    output::note("next: `initiative new ID --languages zh-Hans,en` in it starts a document");
    Ok(Outcome::Ok)
}
