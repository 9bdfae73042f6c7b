//! `initiative validate`: checks data files against the schema and the rules.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::output::{ReportArgs, print_reports};
use super::{Error, Outcome};
use crate::model::{Catalog, Document, TranslationStatus};
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
    #[command(flatten)]
    pub report: ReportArgs,
    /// Check only this document and its translations (repeatable)
    #[arg(long = "document", value_name = "ID")]
    pub documents: Vec<String>,
}

/// Runs `validate`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let paths = if args.documents.is_empty() {
        args.paths.clone()
    } else {
        selected(&args.documents)?
    };
    let mut checking = Checking::new(&files_of(&paths)?, Keep::Findings, false)?;
    while checking.next_batch()?.is_some() {}
    let checked = checking.finish()?;
    let invalid = print_reports(
        &checked.reports,
        &checked.clean,
        args.report.format,
        args.report.color,
    );
    Ok(if invalid {
        Outcome::Invalid
    } else {
        Outcome::Ok
    })
}

/// The files of the documents `ids` under `data/`: each `document.json`
/// and its translations.
fn selected(ids: &[String]) -> Result<Vec<PathBuf>, Error> {
    let data = super::project()?.data();
    let files = discover(&data, false)?;
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
                "no document `{id}` under {}/",
                data.display()
            )));
        }
    }
    Ok(files
        .into_iter()
        .filter(|f| !crate::validate::is_catalog(f))
        .filter(|f| folder_of(f).is_some_and(|folder| ids.contains(&folder)))
        .collect())
}

/// The data files `paths` name: folders searched, every document under
/// `data/` when empty.
pub(super) fn files_of(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    if paths.is_empty() {
        return discover(&super::project()?.data(), true);
    }
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() && path.extension().is_some_and(|e| e == "json") {
            return Err(Error::Usage(format!(
                "{} is a folder, not a data file",
                path.display()
            )));
        }
        if path.is_dir() {
            let found = discover(path, false)?;
            if found.is_empty() {
                return Err(Error::Usage(format!(
                    "{} holds no data files (catalog.json, */document.json, */translations/*.json)",
                    path.display()
                )));
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Validates `paths` (every document under `data/` when empty) and keeps
/// every report whole, with its document, translation or catalog.
pub(super) fn validate_paths(paths: &[PathBuf]) -> Result<Vec<FileReport>, Error> {
    let mut checking = Checking::new(&files_of(paths)?, Keep::Everything, false)?;
    while checking.next_batch()?.is_some() {}
    Ok(checking.finish()?.reports)
}

/// What a run keeps of each report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Keep {
    /// The reports with diagnostics, without the parsed data, and only the
    /// path of a file with nothing to report: memory stays flat however
    /// many files pass.
    Findings,
    /// Everything, for commands that work on the parsed data.
    Everything,
}

/// A document file and its translations: what is checked together.
#[derive(Debug)]
struct Group {
    /// The document the translations translate.
    document: PathBuf,
    /// Whether the document itself was asked for (else it is only the
    /// translations' reference, checked quietly).
    reported: bool,
    translations: Vec<PathBuf>,
}

/// A validation run streamed a batch of documents at a time: each document
/// is checked with its translations, in parallel (`--jobs`), and then only
/// its diagnostics and its metadata stay in memory. The catalog is checked
/// first against its schema, and against the documents once all are seen.
pub(super) struct Checking {
    validator: Validator,
    keep: Keep,
    include_drafts: bool,
    groups: std::vec::IntoIter<Group>,
    catalogs: Vec<FileReport>,
    reports: Vec<FileReport>,
    clean: Vec<PathBuf>,
    /// The metadata of each document that passed its schema, merged with
    /// its translations, in path order.
    metadata: Vec<Document>,
    /// Where each document's metadata is in `metadata`, by path.
    described: HashMap<PathBuf, usize>,
    valid: bool,
}

impl Checking {
    /// Starts a run over `files`. Translations that pass and are reviewed
    /// (or drafts, with `include_drafts`) are merged into the documents the
    /// batches return.
    pub(super) fn new(files: &[PathBuf], keep: Keep, include_drafts: bool) -> Result<Self, Error> {
        let validator = Validator::new()?;
        let mut groups: BTreeMap<PathBuf, Group> = BTreeMap::new();
        let mut catalogs = Vec::new();
        for path in files {
            if crate::validate::is_catalog(path) {
                catalogs.push(if exists(path) {
                    validator.validate_path(path)?
                } else {
                    crate::validate::missing_catalog(path)
                });
                continue;
            }
            let translation = crate::validate::is_translation(path);
            let document = if translation {
                path.parent()
                    .and_then(Path::parent)
                    .unwrap_or(Path::new("."))
                    .join(crate::validate::rules::DOCUMENT_FILE)
            } else {
                path.clone()
            };
            let group = groups.entry(document.clone()).or_insert_with(|| Group {
                document,
                reported: false,
                translations: Vec::new(),
            });
            if translation {
                group.translations.push(path.clone());
            } else {
                group.reported = true;
            }
        }
        let valid = catalogs.iter().all(FileReport::is_valid);
        Ok(Self {
            validator,
            keep,
            include_drafts,
            groups: groups.into_values().collect::<Vec<_>>().into_iter(),
            catalogs,
            reports: Vec::new(),
            clean: Vec::new(),
            described: HashMap::new(),
            metadata: Vec::new(),
            valid,
        })
    }

    /// Publishes under `iri` instead of the catalog's `base_iri`: the
    /// catalog rules then judge the IRI the exports will carry. Returns
    /// the catalog's own value when it differs.
    pub(super) fn override_base_iri(&mut self, iri: &str) -> Option<String> {
        let catalog = self.catalogs.iter_mut().find_map(|r| r.catalog.as_mut())?;
        (catalog.base_iri != iri).then(|| std::mem::replace(&mut catalog.base_iri, iri.to_owned()))
    }

    /// The catalog, if one was given and passed its schema (its rules run
    /// at [`Checking::finish`]).
    pub(super) fn catalog(&self) -> Option<&Catalog> {
        self.catalogs.iter().find_map(|r| r.catalog.as_ref())
    }

    /// Whether no file checked so far has an error.
    pub(super) fn is_valid(&self) -> bool {
        self.valid
    }

    /// Checks the next batch of documents with their translations, and
    /// returns the documents that passed their schema, merged with their
    /// translations, in path order; `None` when every file is checked.
    pub(super) fn next_batch(&mut self) -> Result<Option<Vec<Document>>, Error> {
        let batch: Vec<Group> = self
            .groups
            .by_ref()
            .take(crate::export::batch_size())
            .collect();
        if batch.is_empty() {
            return Ok(None);
        }
        let checked = batch
            .par_iter()
            .map(|group| self.check_group(group))
            .collect::<Result<Vec<_>, Error>>()?;
        let mut documents = Vec::new();
        for (group, (reports, document)) in batch.iter().zip(checked) {
            for report in reports {
                self.keep(report);
            }
            if let Some(document) = document {
                self.described
                    .insert(group.document.clone(), self.metadata.len());
                self.metadata.push(document.metadata());
                documents.push(document);
            }
        }
        Ok(Some(documents))
    }

    /// Checks one document and its translations. Returns their reports
    /// (the document's only if it was asked for) and the document, merged
    /// with its translations, if it passed its schema.
    fn check_group(&self, group: &Group) -> Result<(Vec<FileReport>, Option<Document>), Error> {
        let mut document = if group.reported || group.document.is_file() {
            Some(self.validator.validate_path(&group.document)?)
        } else {
            None
        };
        let reference = document
            .as_ref()
            .filter(|r| r.is_valid())
            .and_then(|r| r.document.as_ref());
        let mut translations = Vec::with_capacity(group.translations.len());
        for path in &group.translations {
            let mut report = self.validator.validate_path(path)?;
            match (&document, reference) {
                (_, Some(reference)) => check_translation(&mut report, reference),
                // The document has errors: the translation is reported on
                // its own and waits.
                (Some(_), None) => report.translation = None,
                (None, None) => crate::validate::missing_document(&mut report, &group.document),
            }
            translations.push(report);
        }
        let mut merged = None;
        if group.reported
            && let Some(report) = &mut document
        {
            // A run that keeps only findings no longer needs the report's
            // copy of the document.
            let parsed = if self.keep == Keep::Findings {
                report.document.take()
            } else {
                report.document.clone()
            };
            if let Some(parsed) = parsed {
                let mut own: Vec<&crate::model::Translation> = translations
                    .iter()
                    .filter(|r| r.is_valid())
                    .filter_map(|r| r.translation.as_ref())
                    .filter(|t| self.include_drafts || t.status == TranslationStatus::Reviewed)
                    .collect();
                own.sort_by(|a, b| a.language.cmp(&b.language));
                merged = Some(crate::translation::merge(parsed, &own));
            }
        }
        let mut reports: Vec<FileReport> =
            document.filter(|_| group.reported).into_iter().collect();
        reports.extend(translations);
        Ok((reports, merged))
    }

    /// Keeps what `self.keep` says of a report.
    fn keep(&mut self, mut report: FileReport) {
        self.valid &= report.is_valid();
        if self.keep == Keep::Findings {
            if report.diagnostics.is_empty() {
                self.clean.push(report.source.path);
                return;
            }
            report.lighten();
        }
        self.reports.push(report);
    }

    /// Runs the catalog rules against the documents beside each catalog,
    /// and returns what the run found.
    pub(super) fn finish(mut self) -> Result<Checked, Error> {
        for mut catalog in std::mem::take(&mut self.catalogs) {
            let documents = self.beside(&catalog.source.path)?;
            check_catalog(&mut catalog, &documents);
            self.keep(catalog);
        }
        let mut reports = self.reports;
        reports.sort_by(|a, b| a.source.path.cmp(&b.source.path));
        self.clean.sort();
        Ok(Checked {
            reports,
            clean: self.clean,
            metadata: self.metadata,
        })
    }

    /// The documents that passed their schema in the folders beside a
    /// catalog: from this run, or checked quietly when the run left them out.
    fn beside(&self, catalog: &Path) -> Result<Vec<Document>, Error> {
        let dir = catalog.parent().unwrap_or(Path::new("."));
        let mut documents = Vec::new();
        for path in discover(dir, false)? {
            if crate::validate::is_catalog(&path) || crate::validate::is_translation(&path) {
                continue;
            }
            match self
                .described
                .get(&path)
                .and_then(|&i| self.metadata.get(i))
            {
                Some(document) => documents.push(document.clone()),
                None => documents.extend(
                    self.validator
                        .validate_path(&path)?
                        .document
                        .map(|d| d.metadata()),
                ),
            }
        }
        Ok(documents)
    }
}

/// What a run found.
pub(super) struct Checked {
    /// The reports, in path order: every one, or with [`Keep::Findings`]
    /// those with diagnostics.
    pub reports: Vec<FileReport>,
    /// With [`Keep::Findings`], the files with nothing to report, in path
    /// order.
    pub clean: Vec<PathBuf>,
    /// The metadata of each document checked (see [`Document::metadata`]),
    /// with its community languages, in path order.
    pub metadata: Vec<Document>,
}

/// Whether something is at `path`: a file named like a data file that is a
/// FIFO, folder or broken link is still found, so reading it reports it
/// instead of passing over it in silence.
fn exists(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// Finds `*/document.json`, `*/translations/*.json` and `catalog.json`
/// under a data folder, in path order, so reports come out in the same
/// order on every machine. A project's data folder (`project`) lists its
/// `catalog.json` even when it is missing, so the run reports it.
pub(super) fn discover(dir: &Path, project: bool) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(Error::io("cannot read folder", dir))?;
    let mut files = Vec::new();
    let catalog = dir.join(CATALOG_FILE);
    if project || exists(&catalog) {
        files.push(catalog);
    }
    for entry in entries {
        let entry = entry.map_err(Error::io("cannot read folder", dir))?;
        if !entry.path().is_dir() {
            continue;
        }
        let document = entry.path().join(crate::validate::rules::DOCUMENT_FILE);
        if exists(&document) {
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
