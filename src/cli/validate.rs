//! `initiative validate`: checks data files against the schema and the rules.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::output::print_reports;
use super::{Color, Error, Format, Outcome};
use crate::model::{Catalog, Document};
use crate::validate::{
    CATALOG_FILE, FileReport, TRANSLATIONS_DIR, Validator, check_catalog, check_translation,
};

/// Check data files against the generated schema and the semantic rules.
///
/// Every problem in every file is reported in one run, each with
/// `file:line:column`, its JSON Pointer, a rule code and a hint. Exits 0 when
/// the data is valid, 1 when it is not, 2 when a file cannot be read.
///
/// Example: initiative validate data/hangzhou-initiative/document.json --format github
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Files or folders to check [default: every document under data/]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// When to colour human output
    #[arg(long, value_enum, default_value_t)]
    pub color: Color,
    /// Check only this document and its translations (repeatable)
    #[arg(long = "document", value_name = "ID")]
    pub documents: Vec<String>,
}

/// The folder that holds the data, relative to the working directory.
pub(super) const DATA_DIR: &str = "data";

/// Runs `validate`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let paths = if args.documents.is_empty() {
        args.paths.clone()
    } else {
        selected(&args.documents)?
    };
    let reports = validate_paths(&paths)?;
    let invalid = print_reports(&reports, args.format, args.color);
    Ok(if invalid {
        Outcome::Invalid
    } else {
        Outcome::Ok
    })
}

/// The files of the documents `ids` under `data/`: each `document.json`
/// and its translations.
fn selected(ids: &[String]) -> Result<Vec<PathBuf>, Error> {
    let files = discover(Path::new(DATA_DIR))?;
    let folder_of = |path: &Path| {
        let folder = if crate::validate::is_translation(path) {
            path.parent().and_then(Path::parent)
        } else {
            path.parent()
        };
        folder
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
    };
    for id in ids {
        if !files
            .iter()
            .any(|f| folder_of(f).as_deref() == Some(id.as_str()))
        {
            return Err(Error::Usage(format!(
                "no document `{id}` under {DATA_DIR}/"
            )));
        }
    }
    Ok(files
        .into_iter()
        .filter(|f| !crate::validate::is_catalog(f))
        .filter(|f| folder_of(f).is_some_and(|folder| ids.contains(&folder)))
        .collect())
}

/// Validates `paths` (every document under `data/` when empty).
pub(super) fn validate_paths(paths: &[PathBuf]) -> Result<Vec<FileReport>, Error> {
    let files = if paths.is_empty() {
        discover(Path::new(DATA_DIR))?
    } else {
        let mut files = Vec::new();
        for path in paths {
            if path.is_dir() {
                files.extend(discover(path)?);
            } else {
                files.push(path.clone());
            }
        }
        files
    };
    let validator = Validator::new()?;
    // Files are checked in parallel (`--jobs`); collecting keeps their
    // order, so the output is the same whatever the thread count.
    let mut reports = files
        .par_iter()
        .map(|path| validator.validate_path(path).map_err(Error::from))
        .collect::<Result<Vec<_>, _>>()?;
    // The cross-file checks: found from all reports, then run in parallel.
    let checks = reports
        .par_iter()
        .map(|report| {
            Ok(if report.catalog.is_some() {
                Some(Check::Catalog(described_documents(
                    &validator,
                    &reports,
                    &report.source.path,
                )?))
            } else if report.translation.is_some() {
                Some(translation_reference(
                    &validator,
                    &reports,
                    &report.source.path,
                )?)
            } else {
                None
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    reports
        .par_iter_mut()
        .zip(checks)
        .for_each(|(report, check)| {
            if let Some(check) = check {
                check.apply(report);
            }
        });
    Ok(reports)
}

/// The cross-file check a catalog or translation report still needs.
enum Check {
    /// A catalog, with the valid documents beside it.
    Catalog(Vec<Document>),
    /// A translation, with the valid document it translates.
    Translation(Box<Document>),
    /// A translation whose document has errors: reported on its own; the
    /// translation waits.
    Wait,
    /// A translation with no document where it should be.
    NoDocument(PathBuf),
}

impl Check {
    fn apply(self, report: &mut FileReport) {
        match self {
            Self::Catalog(documents) => check_catalog(report, &documents),
            Self::Translation(document) => check_translation(report, &document),
            Self::Wait => report.translation = None,
            Self::NoDocument(path) => {
                let finding = crate::validate::Finding::error(
                    "translation-location",
                    "/document",
                    format!(
                        "there is no {} for this translation to translate",
                        path.display()
                    ),
                )
                .hint("keep translations in data/<document-id>/translations/");
                crate::validate::add_findings(report, vec![finding], &serde_json::Value::Null);
            }
        }
    }
}

/// What the translation at `path` is checked against: the document in the
/// folder above it, taken from `reports` or checked quietly. Only a
/// document without errors is a reference.
fn translation_reference(
    validator: &Validator,
    reports: &[FileReport],
    path: &Path,
) -> Result<Check, Error> {
    let document_path = path
        .parent()
        .and_then(Path::parent)
        .unwrap_or(Path::new("."))
        .join(crate::validate::rules::DOCUMENT_FILE);
    let valid_document =
        |report: &FileReport| report.document.clone().filter(|_| report.is_valid());
    let document = match reports.iter().find(|r| r.source.path == document_path) {
        Some(report) => valid_document(report),
        None if document_path.is_file() => {
            valid_document(&validator.validate_path(&document_path)?)
        }
        None => return Ok(Check::NoDocument(document_path)),
    };
    Ok(document.map_or(Check::Wait, |d| Check::Translation(Box::new(d))))
}

/// The valid documents a catalog describes: those in the folders beside
/// it, taken from `reports` when they were checked in this run and checked
/// quietly otherwise.
fn described_documents(
    validator: &Validator,
    reports: &[FileReport],
    catalog: &Path,
) -> Result<Vec<Document>, Error> {
    let dir = catalog.parent().unwrap_or(Path::new("."));
    let mut documents = Vec::new();
    for path in discover(dir)? {
        if crate::validate::is_catalog(&path) || crate::validate::is_translation(&path) {
            continue;
        }
        let report = match reports.iter().find(|r| r.source.path == path) {
            Some(report) => report.document.clone(),
            None => validator.validate_path(&path)?.document,
        };
        documents.extend(report);
    }
    Ok(documents)
}

/// Finds `*/document.json`, `*/translations/*.json` and `catalog.json`
/// under a data folder, in path
/// order, so reports come out in the same order on every machine.
pub(super) fn discover(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(Error::io("cannot read folder", dir))?;
    let mut files = Vec::new();
    let catalog = dir.join(CATALOG_FILE);
    if catalog.is_file() {
        files.push(catalog);
    }
    for entry in entries {
        let entry = entry.map_err(Error::io("cannot read folder", dir))?;
        let document = entry.path().join(crate::validate::rules::DOCUMENT_FILE);
        if document.is_file() {
            files.push(document);
        }
        let translations = entry.path().join(TRANSLATIONS_DIR);
        if translations.is_dir() {
            let entries = std::fs::read_dir(&translations)
                .map_err(Error::io("cannot read folder", &translations))?;
            for entry in entries {
                let path = entry
                    .map_err(Error::io("cannot read folder", &translations))?
                    .path();
                if path.extension().is_some_and(|e| e == "json") {
                    files.push(path);
                }
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The valid documents and catalog of a run's reports.
///
/// Translations without errors are merged into their documents as
/// community languages when they are reviewed, or are drafts and
/// `include_drafts` is set; the rest stay out of the exports.
pub(super) fn into_data(
    reports: Vec<FileReport>,
    include_drafts: bool,
) -> (Vec<Document>, Option<Catalog>) {
    let mut documents = Vec::new();
    let mut catalog = None;
    let mut translations = Vec::new();
    for report in reports {
        let valid = report.is_valid();
        documents.extend(report.document);
        catalog = catalog.or(report.catalog);
        if let Some(translation) = report.translation.filter(|t| {
            valid && (include_drafts || t.status == crate::model::TranslationStatus::Reviewed)
        }) {
            translations.push(translation);
        }
    }
    translations.sort_by(|a, b| a.language.cmp(&b.language));
    let documents = documents
        .iter()
        .map(|document| {
            let own: Vec<&crate::model::Translation> = translations
                .iter()
                .filter(|t| t.document == document.id)
                .collect();
            crate::translation::merge(document, &own)
        })
        .collect();
    (documents, catalog)
}
