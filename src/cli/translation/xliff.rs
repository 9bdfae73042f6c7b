//! `initiative translation xliff export|import`: XLIFF 2.0 for CAT tools.

use std::path::{Path, PathBuf};

use super::{
    Error, Outcome, document, import_target, language, read_import, refuse_import, save_import,
    translation_or_template, translation_path, write_or_print,
};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{LineIndex, SpanIndex, Target};
use crate::translation::exchange::{self, Changes};
use crate::translation::xliff;

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
/// Every unit is listed in reading order, then the name of each reference
/// the text cites (`name.<reference-id>`); those already translated carry
/// their `<target>`. A language without a translation file yet gets an
/// XLIFF with sources only. A text holding a character XML 1.0 cannot
/// carry (U+0000, U+FFFE, a control other than tab or a line end) is
/// refused with its unit (exit 1).
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
/// Each unit's targets, its segments joined in order, become its
/// translation; nothing else changes. A file is refused whole, and nothing
/// is written, when it cannot be read without losing text (exit 1, with
/// its line and column) or names a unit the document does not have
/// (exit 2).
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
    let translation = translation_or_template(&document, &target)?;
    let bytes = match xliff::export(&translation, &document) {
        Ok(bytes) => bytes,
        Err(xliff::ExportError::Io(e)) => {
            return Err(Error::Usage(format!("cannot write XLIFF: {e}")));
        }
        Err(refused) => {
            eprintln!(
                "initiative: error: {}: {refused}; nothing was written\n  = help: remove the character from the translation file",
                where_refused(&path, &refused)
            );
            return Ok(Outcome::Invalid);
        }
    };
    write_or_print(args.out.as_deref(), &bytes)?;
    Ok(Outcome::Ok)
}

/// Where in the translation file at `path` the character an export
/// refused is, as `file:line:column`; just the file for a source text
/// (which comes from the document) or a file that cannot be read again.
fn where_refused(path: &Path, refused: &xliff::ExportError) -> String {
    let xliff::ExportError::Character {
        unit,
        part: "translation",
        index,
        ..
    } = refused
    else {
        return path.display().to_string();
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return path.display().to_string();
    };
    let pointer = format!("/units/{unit}/translation");
    let offset = SpanIndex::new(&text).offset(&pointer, Target::Char(index.saturating_sub(1)));
    let at = LineIndex::new(&text).position(&text, offset);
    format!("{}:{}:{}", path.display(), at.line, at.column)
}

fn import(args: &ImportArgs) -> Result<Outcome, Error> {
    let document = document(args.document.as_deref())?;
    let file = &args.file;
    let bytes = read_import(file)?;
    let text = match xliff::decode(&bytes) {
        Ok(text) => text,
        Err(e) => return Ok(refuse(file, None, &e)),
    };
    let read = match xliff::read(&text) {
        Ok(read) => read,
        Err(e) => return Ok(refuse(file, Some(text), &e)),
    };
    let (path, translation) = import_target(&document, &language(&read.target_language)?)?;
    let imported = match xliff::merge(&read, &translation, &document) {
        Ok(imported) => imported,
        Err(xliff::Error::UnknownUnit { id, position }) => {
            let message = exchange::unknown(&id);
            let diagnostic = Diagnostic::new(Severity::Error, "xliff-unknown-unit", file, "", message)
                .with_position(position.line, position.column)
                .with_offset(position.offset)
                .with_hint("export the XLIFF again (`initiative translation xliff export`): a unit's id must stay as exported");
            return Ok(refuse_import(file, Some(text), &diagnostic));
        }
        Err(e) => return Err(Error::Usage(format!("{}: {e}", file.display()))),
    };
    let changed = Changes::between(&translation, &imported);
    save_import(file, &path, &imported, &document, (changed, ""))
}

/// Prints why the XLIFF file `file` (whose `text` is known once it was
/// decoded) is refused, as a diagnostic with its place; the run exits 1
/// having written nothing.
fn refuse(file: &Path, text: Option<String>, e: &xliff::ReadError) -> Outcome {
    let diagnostic = Diagnostic::new(Severity::Error, e.code(), file, "", e.to_string())
        .with_position(e.position.line, e.position.column)
        .with_offset(e.position.offset)
        .with_hint(e.hint());
    refuse_import(file, text, &diagnostic)
}
