//! `initiative import`: makes a document from texts a person holds:
//! Markdown files in the layout of the Markdown export, or a web page
//! saved as text.

use std::path::{Path, PathBuf};

use super::new::{document_id, languages};
use super::output::{ReportArgs, eprint_reports, print_reports};
use super::{Error, Outcome, output};
use crate::diagnostic::Diagnostic;
use crate::fsx::{self, Links};
use crate::import::{self, Facts, Imported, Input};
use crate::model::{Document, DocumentId, DocumentKind, Language, ReferenceId};
use crate::scaffold;
use crate::source::SourceFile;
use crate::validate::{CATALOG_FILE, FileReport};

/// Make a document from one Markdown file per official language, or from
/// a web page saved as text (--from capture).
///
/// Each file is in the layout `initiative build` writes under
/// exports/markdown/ID/: `# ` and the title, the date of adoption, the
/// preamble paragraphs, then `## ` sections numbered in the language's
/// style (I. / 一、 / 1. / Article 1 / 第一条), one unit per paragraph.
/// Anchors are optional, but an anchor must carry its unit's id. The
/// languages come from --lang, in file order, or from the file names
/// (`en.md`); the first is the one the others must align with.
///
/// What Markdown cannot say (kind, place, issuer, publication, references,
/// related items, editorial notes) comes from the flags, then from the
/// existing document with that id (kept, and said so), or is a `TODO: …`
/// placeholder the command lists. The result is validated with every rule
/// before it is written to data/ID/document.json (which must not exist,
/// unless --force) and described in data/catalog.json. Exits 0 when it
/// is valid, 1 when the input or the result has errors (nothing written),
/// 2 on a usage or I/O error.
///
/// A capture (one file) is in the layout of the shipped capture: the page
/// chrome (tag line, headline, `发布时间:… 来源:… 阅读:N`), then each
/// language's text (title, date line, preamble, numbered sections), then
/// the trailing links (`更多精彩`, `»《…》`). The publication and related
/// items come from the chrome; --utc-offset and --related-id say what it
/// does not. Spaces the capture lost are restored, each recorded as an
/// editorial note; a join it is not sure of is a warning.
///
/// Example: initiative import exports/markdown/hangzhou-initiative/zh-Hans.md exports/markdown/hangzhou-initiative/en.md --id hangzhou-initiative --out -
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The files, one per language, the first the reference
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The document's id
    #[arg(long)]
    id: String,
    /// What the files are [default: markdown for `.md` files, capture for one `.txt` file]
    #[arg(long, value_enum)]
    from: Option<From>,
    /// The language of each file, in file order [default: from the file names]
    #[arg(long = "lang", value_name = "LANG")]
    langs: Vec<String>,
    /// Write the document here instead of data/ID/document.json (`-`: stdout)
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Replace an existing document
    #[arg(long)]
    force: bool,
    /// The kind of document: initiative, declaration, framework, statement or plan
    #[arg(long, value_parser = parse_kind)]
    kind: Option<DocumentKind>,
    /// Where it was adopted: NAME@LANG,…,COUNTRY (`杭州@zh-Hans,Hangzhou@en,CN`)
    #[arg(long, value_parser = import::parse_place)]
    place: Option<crate::model::Place>,
    /// The id of the body that issued it (a reference)
    #[arg(long, value_name = "ID")]
    issuer: Option<String>,
    /// The publisher's UTC offset, for a capture's local publication time (`+08:00`)
    #[arg(long, value_name = "OFFSET", value_parser = parse_offset)]
    utc_offset: Option<String>,
    /// The id of a capture's related item, one per item in page order
    #[arg(long = "related-id", value_name = "SLUG")]
    related_ids: Vec<String>,
    #[command(flatten)]
    report: ReportArgs,
}

/// What the input files are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum From {
    /// Markdown in the layout of the Markdown export
    Markdown,
    /// A web page saved as text, in the layout of the shipped capture
    Capture,
}

/// What the files are: `--from`, or what their names say (`.md` files are
/// Markdown, one `.txt` file a capture).
fn from(args: &Args) -> Result<From, Error> {
    if let Some(from) = args.from {
        return Ok(from);
    }
    let extension = |p: &PathBuf| {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
    };
    let extensions: Vec<Option<String>> = args.paths.iter().map(extension).collect();
    match extensions.as_slice() {
        [Some(txt)] if txt == "txt" => Ok(From::Capture),
        all if all.iter().all(|e| e.as_deref() == Some("md")) => Ok(From::Markdown),
        _ => Err(Error::Usage(
            "say what the files are with --from markdown (one `.md` file per language) or --from capture (one web page saved as text)".into(),
        )),
    }
}

fn parse_kind(text: &str) -> Result<DocumentKind, String> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|_| {
        format!("`{text}` is not a kind: initiative, declaration, framework, statement or plan")
    })
}

fn parse_offset(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let ok = text == "Z"
        || (bytes.len() == 6
            && matches!(bytes.first(), Some(b'+' | b'-'))
            && bytes.get(3) == Some(&b':')
            && [1, 2, 4, 5]
                .iter()
                .all(|&i| bytes.get(i).is_some_and(u8::is_ascii_digit)));
    if ok {
        Ok(text.to_owned())
    } else {
        Err(format!(
            "`{text}` is not a UTC offset: `+08:00`, `-05:00` or `Z`"
        ))
    }
}

/// Where the document goes.
enum Destination {
    /// `data/<id>/document.json`, with the catalog beside it.
    Data { path: PathBuf, catalog: PathBuf },
    /// A file named by `--out`.
    File(PathBuf),
    /// Standard output.
    Stdout,
}

impl Destination {
    /// The path the result is validated under, and named by in messages.
    fn path(&self, id: &DocumentId) -> PathBuf {
        match self {
            Self::Data { path, .. } | Self::File(path) => path.clone(),
            Self::Stdout => Path::new("data").join(id.as_str()).join("document.json"),
        }
    }
}

/// Runs `import`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let id = document_id(&args.id)?;
    let facts = Facts {
        kind: args.kind,
        place: args.place.clone(),
        issuer: args.issuer.as_deref().map(ReferenceId::new),
        utc_offset: args.utc_offset.clone(),
        related_ids: args.related_ids.iter().map(ReferenceId::new).collect(),
    };
    let (destination, existing) = destination(args, &id)?;
    let (imported, mut reports) = match from(args)? {
        From::Markdown => {
            let inputs = inputs(&args.paths, &args.langs)?;
            let texts = match import::texts(&inputs) {
                Ok(texts) => texts,
                Err(problems) => return Ok(refuse_input(args, &inputs, &problems)),
            };
            let imported = import::assemble(id.clone(), texts, &facts, existing.as_ref());
            (imported, Vec::new())
        }
        From::Capture => match capture(args, id.clone(), &facts, existing.as_ref())? {
            Ok(done) => done,
            Err(outcome) => return Ok(outcome),
        },
    };
    let bytes = scaffold::to_json(&imported.document);
    reports.push(scaffold::validate(&destination.path(&id), &bytes)?);
    let stdout = matches!(destination, Destination::Stdout);
    let invalid = print(args, reports, stdout);
    if invalid {
        return Ok(Outcome::Invalid);
    }
    tell(&imported, existing.is_some(), &destination.path(&id));
    write(&destination, &imported.document, &bytes)?;
    Ok(Outcome::Ok)
}

/// Reads a capture and assembles its document, with a report of its
/// warnings; or refuses it (the outcome), its problems reported.
fn capture(
    args: &Args,
    id: DocumentId,
    facts: &Facts,
    existing: Option<&Document>,
) -> Result<Result<(Imported, Vec<FileReport>), Outcome>, Error> {
    let [path] = args.paths.as_slice() else {
        return Err(Error::Usage(format!(
            "{} files: `--from capture` reads one capture, which holds every language",
            args.paths.len()
        )));
    };
    if !args.langs.is_empty() {
        return Err(Error::Usage(
            "--lang is for Markdown: a capture's languages come from the scripts of its texts"
                .into(),
        ));
    }
    let input = Input {
        path: path.clone(),
        language: Language::new("und"),
        text: read_text(path)?,
    };
    let capture = match import::capture::read(path, &input.text) {
        Ok(capture) => capture,
        Err(problems) => return Ok(Err(refuse_input(args, &[input], &problems))),
    };
    let warnings = capture.warnings.clone();
    let imported = import::assemble_capture(id, capture, facts, existing);
    let report = FileReport {
        source: SourceFile::new(input.path.clone(), input.text),
        diagnostics: warnings,
        document: None,
        catalog: None,
        translation: None,
        one_pass: false,
    };
    Ok(Ok((imported, vec![report])))
}

/// Prints the reports that have something to say (on stderr when stdout
/// carries the document); returns whether any has errors.
fn print(args: &Args, reports: Vec<FileReport>, stdout: bool) -> bool {
    let invalid = reports.iter().any(|r| !r.is_valid());
    let reports: Vec<FileReport> = reports
        .into_iter()
        .filter(|r| !r.diagnostics.is_empty())
        .collect();
    if reports.is_empty() {
        return invalid;
    }
    if stdout {
        eprint_reports(&reports, args.report.format, args.report.color)
    } else {
        print_reports(&reports, &[], args.report.format, args.report.color)
    }
}

/// The text of `path`, which must be UTF-8.
fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = fsx::read_regular(path, Links::Follow).map_err(Error::io("cannot read", path))?;
    String::from_utf8(bytes).map_err(|_| {
        Error::Usage(format!(
            "{} is not UTF-8: save it as UTF-8 and import it again",
            path.display()
        ))
    })
}

/// The files and their languages.
fn inputs(paths: &[PathBuf], langs: &[String]) -> Result<Vec<Input>, Error> {
    if !langs.is_empty() && langs.len() != paths.len() {
        return Err(Error::Usage(format!(
            "{} files but {} --lang: give one --lang per file, in file order, or none to take each language from its file name",
            paths.len(),
            langs.len()
        )));
    }
    let tags: Vec<String> = if langs.is_empty() {
        paths
            .iter()
            .map(|p| language_of(p))
            .collect::<Result<_, _>>()?
    } else {
        langs.to_vec()
    };
    let languages = languages(&tags)?;
    paths
        .iter()
        .zip(languages)
        .map(|(path, language)| {
            Ok(Input {
                path: path.clone(),
                language,
                text: read_text(path)?,
            })
        })
        .collect()
}

/// The language a file's name gives (`en.md`).
fn language_of(path: &Path) -> Result<String, Error> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_owned)
        .ok_or_else(|| Error::Usage(format!("{}: give its language with --lang", path.display())))
}

/// Where the document goes, once it is this command's to write, and the
/// document already there with that id.
fn destination(args: &Args, id: &DocumentId) -> Result<(Destination, Option<Document>), Error> {
    let project = match &args.out {
        None => Some(super::project()?),
        Some(_) => crate::project::Project::discover().ok(),
    };
    let existing = project
        .as_ref()
        .map_or(Ok(None), |p| existing(&p.data(), id))?;
    let destination = match (&args.out, &project) {
        (Some(out), _) if out.as_os_str() == "-" => Destination::Stdout,
        (Some(out), _) => match out.symlink_metadata() {
            Ok(meta) if !meta.is_file() || !args.force => {
                return Err(Error::Usage(format!(
                    "{} already exists{}: pass --force to replace it",
                    out.display(),
                    if meta.is_file() {
                        ""
                    } else {
                        " and is not a regular file, so it is never replaced;"
                    }
                )));
            }
            _ => Destination::File(out.clone()),
        },
        (None, _) => {
            // Without --out the project was required above.
            let data = super::project()?.data();
            let path = scaffold::document_path(&data, id, args.force)?;
            Destination::Data {
                path,
                catalog: data.join(CATALOG_FILE),
            }
        }
    };
    Ok((destination, existing))
}

/// The document `data/<id>/document.json`, if there is one.
fn existing(data: &Path, id: &DocumentId) -> Result<Option<Document>, Error> {
    let path = data.join(id.as_str()).join("document.json");
    if path.symlink_metadata().is_err() {
        return Ok(None);
    }
    let bytes = fsx::read_regular(&path, Links::Refuse).map_err(Error::io("cannot read", &path))?;
    serde_json::from_slice(&bytes).map(Some).map_err(|e| {
        Error::Usage(format!(
            "{} does not read as a document ({e}): run `initiative validate` and fix it, so import can keep what Markdown does not carry",
            path.display()
        ))
    })
}

/// Reports the problems of the input files; nothing is written.
fn refuse_input(args: &Args, inputs: &[Input], problems: &[Diagnostic]) -> Outcome {
    let reports: Vec<FileReport> = inputs
        .iter()
        .map(|input| FileReport {
            source: SourceFile::new(input.path.clone(), input.text.clone()),
            diagnostics: problems
                .iter()
                .filter(|d| d.file == input.path)
                .cloned()
                .collect(),
            document: None,
            catalog: None,
            translation: None,
            one_pass: false,
        })
        .collect();
    let stdout = args.out.as_ref().is_some_and(|o| o.as_os_str() == "-");
    if stdout {
        eprint_reports(&reports, args.report.format, args.report.color);
    } else {
        print_reports(&reports, &[], args.report.format, args.report.color);
    }
    Outcome::Invalid
}

/// Says where the fields the input does not carry came from.
fn tell(imported: &Imported, existed: bool, path: &Path) {
    if existed && !imported.kept.is_empty() {
        output::note(&format!(
            "kept from the existing {}: {}",
            path.display(),
            imported.kept.join(", ")
        ));
    }
    if !imported.placeholders.is_empty() {
        output::note(&format!(
            "left for the editor (`TODO: …` placeholders): {}",
            imported.placeholders.join(", ")
        ));
    }
}

/// Writes the document, and for data/ the catalog entry.
fn write(destination: &Destination, document: &Document, bytes: &[u8]) -> Result<(), Error> {
    match destination {
        Destination::Stdout => output::print_stdout(&String::from_utf8_lossy(bytes)),
        Destination::File(path) => {
            fsx::write_atomic(path, bytes).map_err(Error::io("cannot write", path))?;
            output::note(&format!("wrote {}", path.display()));
        }
        Destination::Data { path, catalog } => {
            let languages: Vec<Language> = document.languages.clone();
            let entry = scaffold::catalog_with(catalog, &document.id, &languages)?;
            scaffold::write(
                path,
                bytes,
                entry.as_deref().map(|b| (catalog.as_path(), b)),
            )?;
            output::note(&format!(
                "wrote {}{}",
                path.display(),
                if entry.is_some() {
                    format!(" and described `{}` in {}", document.id, catalog.display())
                } else {
                    String::new()
                }
            ));
        }
    }
    Ok(())
}
