//! `initiative translation xliff export|import`: XLIFF 2.0 for CAT tools.

use std::path::PathBuf;

use super::{Error, Outcome, document, language, read_translation, translation_path};
use crate::cli::output::print_stdout;
use crate::translation::{default_pivot, template, to_json, xliff};

/// Exchange translations with CAT tools (`OmegaT`, Okapi, Weblate) as XLIFF 2.0.
///
/// Example: initiative translation xliff export --lang fr --out fr.xlf
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    Export(ExportArgs),
    Import(ImportArgs),
}

/// Write a translation as an XLIFF 2.0 file.
///
/// Every unit is listed in reading order; units already translated carry
/// their `<target>`. A language without a translation file yet gets an
/// XLIFF with sources only.
///
/// Example: initiative translation xliff export --lang fr --out fr.xlf
#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// The translation's language
    #[arg(long)]
    lang: String,
    /// The document [default: the only document]
    #[arg(long)]
    document: Option<String>,
    /// Where to write the XLIFF [default: standard output]
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Read a translated XLIFF 2.0 file back into its translation file.
///
/// Each unit's `<target>` becomes its translation; nothing else changes.
/// A file naming a unit the document does not have is refused whole.
///
/// Example: initiative translation xliff import fr.xlf
#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The XLIFF file
    file: PathBuf,
    /// The document [default: the only document]
    #[arg(long)]
    document: Option<String>,
}

/// Runs `translation xliff`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    match &args.command {
        Command::Export(args) => export(args),
        Command::Import(args) => import(args),
    }
}

fn export(args: &ExportArgs) -> Result<Outcome, Error> {
    let document = document(args.document.as_deref())?;
    let target = language(&args.lang)?;
    let path = translation_path(&document, &target)?;
    let translation = if path.exists() {
        read_translation(&path)?
    } else {
        let pivot = default_pivot(&document)
            .ok_or_else(|| Error::Usage("the document has no official language".into()))?;
        template(&document, &target, &pivot)
    };
    let bytes = xliff::export(&translation, &document)
        .map_err(|e| Error::Usage(format!("cannot write XLIFF: {e}")))?;
    match &args.out {
        Some(out) => {
            crate::fsx::write_atomic(out, &bytes).map_err(Error::io("cannot write", out))?;
            crate::cli::output::note(&format!("wrote {}", out.display()));
        }
        None => print_stdout(&String::from_utf8_lossy(&bytes)),
    }
    Ok(Outcome::Ok)
}

fn import(args: &ImportArgs) -> Result<Outcome, Error> {
    let document = document(args.document.as_deref())?;
    let text = std::fs::read_to_string(&args.file).map_err(Error::io("cannot read", &args.file))?;
    let language_tag = trg_lang(&text).ok_or_else(|| {
        Error::Usage(format!(
            "{}: no trgLang on <xliff>: is it an XLIFF 2.0 file?",
            args.file.display()
        ))
    })?;
    let target = language(&language_tag)?;
    let path = translation_path(&document, &target)?;
    if !path.exists() {
        return Err(Error::Usage(format!(
            "{} does not exist: run `initiative translation template --lang {target}` first",
            path.display()
        )));
    }
    let translation = read_translation(&path)?;
    let imported = xliff::import(&text, &translation, &document)
        .map_err(|e| Error::Usage(format!("{}: {e}", args.file.display())))?;
    let changed = imported
        .units
        .iter()
        .filter(|(id, unit)| translation.units.get(*id) != Some(*unit))
        .count();
    crate::fsx::write_atomic(&path, &to_json(&imported, &document))
        .map_err(Error::io("cannot write", &path))?;
    crate::cli::output::note(&format!(
        "imported {} into {}: {changed} units changed; run `initiative translation check {}`",
        args.file.display(),
        path.display(),
        path.display()
    ));
    Ok(Outcome::Ok)
}

/// The `trgLang` of the XLIFF root, read loosely: the import checks the
/// whole file properly.
fn trg_lang(text: &str) -> Option<String> {
    let start = text.find("trgLang=")? + "trgLang=".len();
    let quote = text[start..].chars().next()?;
    let rest = &text[start + 1..];
    rest.find(quote).map(|end| rest[..end].to_owned())
}
