//! `initiative translation …`: the commands a translator and a maintainer
//! use on contributed translations. One file per subcommand.

mod check;
mod po;
mod status;
mod template;
mod xliff;

use std::path::{Path, PathBuf};

use super::{Error, Outcome, files_of};
use crate::corpus::{self, Keep};
use crate::model::{Document, Language, Translation, conventional_case};
use crate::translation::exchange::Changes;
use crate::validate::rules::{NO_ISO639_3_HINT, no_iso639_3_message};

/// Work with contributed translations: template, check, status, XLIFF, PO.
///
/// A translation lives in data/<document>/translations/<language>.json.
///
/// Example: initiative translation template --lang es
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    Template(template::Args),
    Check(check::Args),
    Status(status::Args),
    Xliff(xliff::Args),
    Po(po::Args),
}

/// Runs `translation`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    match &args.command {
        Command::Template(args) => template::run(args),
        Command::Check(args) => check::run(args),
        Command::Status(args) => status::run(args),
        Command::Xliff(args) => xliff::run(args),
        Command::Po(args) => po::run(args),
    }
}

/// The valid document `id`, or the only document when `id` is `None`.
fn document(id: Option<&str>) -> Result<Document, Error> {
    let reports = corpus::check(
        &files_of(&[])?,
        Keep::Everything,
        corpus::Purpose::Translate,
    )?
    .reports;
    let documents: Vec<Document> = reports.into_iter().filter_map(|r| r.document).collect();
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    let Some(id) = id else {
        return match documents.as_slice() {
            [only] => Ok(only.clone()),
            _ => Err(Error::Usage(format!(
                "there are {} valid documents ({}): choose one with --document",
                documents.len(),
                ids.join(", ")
            ))),
        };
    };
    let found = documents.iter().find(|d| d.id.as_str() == id);
    found.cloned().ok_or_else(|| {
        Error::Usage(format!(
            "no valid document `{id}` under data/ (valid documents: {}); run `initiative validate` to see why",
            ids.join(", ")
        ))
    })
}

/// `tag` as a language, if it is a tag the tool takes (a registered BCP 47
/// tag in canonical case, in a language with an ISO 639-3 code); otherwise
/// a usage error that says why and suggests a fix the tool would take.
fn language(tag: &str) -> Result<Language, Error> {
    if Language::is_usable(tag) {
        return Ok(Language::new(tag));
    }
    let cased = conventional_case(&tag.replace('_', "-"));
    Err(Error::Usage(if let Some(s) = Language::suggestion(tag) {
        format!("`{tag}` is not a BCP 47 language tag in canonical form: did you mean `{s}`?")
    } else if Language::matches_pattern(&cased) && Language::is_registered(&cased) {
        format!("{}: {NO_ISO639_3_HINT}", no_iso639_3_message(tag))
    } else if Language::is_registered(&cased) {
        format!(
            "`{tag}` has subtags translations do not take (an extension such as -u-…, or private use -x-…): write a language, then a script, region or variant if needed (e.g. `fr`, `pt-BR`, `zh-Hant`)"
        )
    } else {
        format!("`{tag}` is not a registered BCP 47 language tag (e.g. `fr`, `es`, `ar`, `pt-BR`)")
    }))
}

/// Where the translation of `document` into `language` is kept.
fn translation_path(document: &Document, language: &Language) -> Result<PathBuf, Error> {
    Ok(super::project()?
        .data()
        .join(document.id.as_str())
        .join(crate::validate::TRANSLATIONS_DIR)
        .join(format!("{language}.json")))
}

/// The translation of `document` into `target` as its file holds it, or,
/// for a language without a file yet, an empty one from the default pivot.
fn translation_or_template(document: &Document, target: &Language) -> Result<Translation, Error> {
    let path = translation_path(document, target)?;
    if path.exists() {
        return read_translation(&path);
    }
    let pivot = crate::translation::default_pivot(document)
        .ok_or_else(|| Error::Usage("the document has no official language".into()))?;
    Ok(crate::translation::template(document, target, &pivot))
}

/// Writes an exported file to `out`, atomically, or to standard output.
/// A file inside the project's `data/`, `schema/` or `exports/` is
/// refused: those hold the project's own files.
fn write_or_print(out: Option<&Path>, bytes: &[u8]) -> Result<(), Error> {
    match out {
        Some(out) => {
            refuse_project_file(out)?;
            crate::fsx::write_atomic(out, bytes).map_err(Error::io("cannot write", out))?;
            crate::cli::output::note(&format!("wrote {}", out.display()));
        }
        None => crate::cli::output::print_stdout(&String::from_utf8_lossy(bytes)),
    }
    Ok(())
}

/// Refuses an output path inside a folder the project keeps, whether or
/// not that folder exists yet.
fn refuse_project_file(out: &Path) -> Result<(), Error> {
    let project = super::project()?;
    let root = resolved(project.absolute());
    let out_path = resolved(out);
    for name in ["data", "schema", "exports"] {
        if out_path.starts_with(root.join(name)) {
            return Err(Error::Usage(format!(
                "{} is inside {name}/, which holds the project's own files: write it elsewhere (e.g. `--out {}`)",
                out.display(),
                out.file_name()
                    .map_or("out".into(), |n| n.to_string_lossy()),
            )));
        }
    }
    Ok(())
}

/// `path` made absolute, with its longest existing part resolved (links,
/// `..`) and the rest, not yet made, kept as written.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::env::current_dir().map_or_else(|_| path.to_path_buf(), |d| d.join(path));
    for existing in absolute.ancestors() {
        if let Ok(real) = existing.canonicalize() {
            let rest = absolute.strip_prefix(existing).unwrap_or(Path::new(""));
            return real.join(rest);
        }
    }
    absolute
}

/// The translation file an import writes into, and what it holds: it
/// must exist, so that an import never starts a translation unnoticed.
fn import_target(document: &Document, target: &Language) -> Result<(PathBuf, Translation), Error> {
    let path = translation_path(document, target)?;
    if !path.exists() {
        return Err(Error::Usage(format!(
            "{} does not exist: run `initiative translation template --lang {target}` first",
            path.display()
        )));
    }
    let translation = read_translation(&path)?;
    Ok((path, translation))
}

/// Writes an imported translation to `path`, atomically, and says how
/// many units and names changed (`kept` adds what the file left as it
/// was).
fn save_import(
    file: &Path,
    path: &Path,
    imported: &Translation,
    document: &Document,
    (changed, kept): (Changes, &str),
) -> Result<Outcome, Error> {
    crate::fsx::write_atomic(path, &crate::translation::to_json(imported, document))
        .map_err(Error::io("cannot write", path))?;
    crate::cli::output::note(&format!(
        "imported {} into {}: {changed}{kept}; run `initiative translation check {}`",
        file.display(),
        path.display(),
        path.display()
    ));
    Ok(Outcome::Ok)
}

/// Reads a file a translator brings in: a regular file, or a link to one;
/// a folder, FIFO or device is refused before it is read, so the command
/// never waits on it.
fn read_import(file: &Path) -> Result<Vec<u8>, Error> {
    crate::fsx::read_regular(file, crate::fsx::Links::Follow)
        .map_err(Error::io("cannot read", file))
}

/// Prints why an imported file is refused, as a diagnostic at its place
/// with the line drawn when the file's `text` is known, and says nothing
/// was imported: the run exits 1.
fn refuse_import(
    file: &Path,
    text: Option<String>,
    diagnostic: &crate::diagnostic::Diagnostic,
) -> Outcome {
    use std::io::IsTerminal;
    let source = text.map(|text| crate::source::SourceFile::new(file.to_path_buf(), text));
    let renderer = crate::diagnostic::HumanRenderer::new(std::io::stderr().is_terminal());
    eprint!("{}", renderer.render(diagnostic, source.as_ref()));
    eprintln!("initiative: nothing was imported from {}", file.display());
    Outcome::Invalid
}

/// Reads a translation file that may not yet pass every check.
fn read_translation(path: &Path) -> Result<Translation, Error> {
    let text = std::fs::read_to_string(path).map_err(Error::io("cannot read", path))?;
    serde_json::from_str(&text).map_err(|e| {
        Error::Usage(format!(
            "{}: not a readable translation file ({e}); run `initiative translation check {}`",
            path.display(),
            path.display()
        ))
    })
}
