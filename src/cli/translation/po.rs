//! `initiative translation po export|import`: gettext PO files for
//! translation platforms (Weblate, Crowdin, Pontoon, Transifex) and Poedit.

use std::path::{Path, PathBuf};

use super::{
    Error, Outcome, document, import_target, language, read_import, refuse_import, save_import,
    translation_or_template, write_or_print,
};
use crate::diagnostic::{Diagnostic, Severity};
use crate::translation::po::{self, Catalog, DOCUMENT_HEADER, PoError, language_from_header};

/// Exchange translations with Weblate, Crowdin, Pontoon or Poedit as gettext PO.
///
/// Example: initiative translation po export --lang es --out es.po
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

/// Write a translation as a PO file.
///
/// One entry per unit, in reading order: `msgctxt` the unit id, `msgid`
/// the original, `msgstr` the translation; then one per name the text
/// cites, `msgctxt` `name.<reference-id>`. A unit whose original changed
/// since it was translated is `#, fuzzy`. A language without a
/// translation file yet gets a PO file with empty translations.
///
/// Example: initiative translation po export --lang es --out es.po
#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// The translation's language
    #[arg(long)]
    lang: String,
    /// The document [default: the only document]
    #[arg(long)]
    document: Option<String>,
    /// Where to write the PO file [default: standard output]
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Read a translated PO file back into its translation file.
///
/// The language and the document come from the PO header. Each entry's
/// `msgstr` becomes its unit's translation; a fuzzy entry keeps the unit
/// stale; an empty `msgstr` changes nothing. A file naming a unit the
/// document does not have is refused whole, with its line.
///
/// Example: initiative translation po import es.po
#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The PO file
    file: PathBuf,
    /// The document [default: the one the PO header names]
    #[arg(long)]
    document: Option<String>,
}

/// Runs `translation po`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    match &args.command {
        Command::Export(args) => export(args),
        Command::Import(args) => import(args),
    }
}

fn export(args: &ExportArgs) -> Result<Outcome, Error> {
    let document = document(args.document.as_deref())?;
    let translation = translation_or_template(&document, &language(&args.lang)?)?;
    let text = po::export(&translation, &document);
    write_or_print(args.out.as_deref(), text.as_bytes())?;
    Ok(Outcome::Ok)
}

fn import(args: &ImportArgs) -> Result<Outcome, Error> {
    let file = &args.file;
    let text = String::from_utf8(read_import(file)?).map_err(|_| {
        Error::Usage(format!(
            "{}: not UTF-8: save the PO file as UTF-8 (`msgconv --to-code=UTF-8`)",
            file.display()
        ))
    })?;
    let catalog = match po::parse(&text) {
        Ok(catalog) => catalog,
        Err(e) => return Ok(refused(file, &text, &e)),
    };
    let (tag, id) = match header_target(&catalog, file, args.document.as_deref()) {
        Ok(found) => found,
        Err(e) => return Ok(refused(file, &text, &e)),
    };
    let document = document(id.as_deref())?;
    let (path, translation) = import_target(&document, &language(&tag)?)?;
    let imported = match po::import(&catalog, &translation, &document) {
        Ok(imported) => imported,
        Err(e) => return Ok(refused(file, &text, &e)),
    };
    let kept = match imported.kept {
        0 => String::new(),
        n => format!(" ({n} translated units left empty in the PO file were kept)"),
    };
    let counts = (imported.changed, kept.as_str());
    save_import(file, &path, &imported.translation, &document, counts)
}

/// The language (from the `Language` header, checked against the file's
/// name when that is a language) and the document (from `--document` or
/// the header) a PO file is for.
fn header_target(
    catalog: &Catalog,
    file: &Path,
    document: Option<&str>,
) -> Result<(String, Option<String>), PoError> {
    let at = |message: String| PoError {
        code: "po-header",
        line: catalog.header_line.max(1),
        column: 1,
        message,
    };
    let tag = catalog
        .header("Language")
        .filter(|l| !l.is_empty())
        .map(language_from_header)
        .ok_or_else(|| at("the header has no `Language`: set the language the file is translated into (e.g. `Language: es`)".into()))?;
    // A name that is not UTF-8 reads as ``, no language: only the header
    // says the language then.
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if looks_like_language(stem) && !language_from_header(stem).eq_ignore_ascii_case(&tag) {
        return Err(at(format!(
            "the header says `Language: {tag}`, but the file is named for `{stem}`: rename the file or fix the header"
        )));
    }
    let named = catalog.header(DOCUMENT_HEADER).map(str::to_owned);
    if let (Some(given), Some(named)) = (document, &named)
        && given != named
    {
        return Err(at(format!(
            "the header says the file translates `{named}`, not `{given}`"
        )));
    }
    Ok((tag, document.map(str::to_owned).or(named)))
}

/// Whether a file name is a language tag (`es`, `pt_BR`, `zh-Hans`), as
/// translation platforms name their files.
fn looks_like_language(stem: &str) -> bool {
    let mut parts = stem.split(['-', '_']);
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Prints why `file` (whose `text` is known) was refused, at its line and
/// column, and says the data is invalid (exit 1): nothing was written.
fn refused(file: &Path, text: &str, e: &PoError) -> Outcome {
    let diagnostic = Diagnostic::new(Severity::Error, e.code, file, "", e.message.clone())
        .with_position(e.line, e.column)
        .with_offset(offset(text, e.line, e.column))
        .with_hint(e.hint());
    refuse_import(file, Some(text.to_owned()), &diagnostic)
}

/// The byte offset of 1-based `line` and `column` (in characters).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = text.get(start..).unwrap_or_default();
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}
