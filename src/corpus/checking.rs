//! Checks a corpus a batch of documents at a time: each document with its
//! translations, in parallel; reviewed translations merged into the
//! documents; the catalog rules once every document is seen.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::Error;
use super::discover::{discover, exists};
use super::group::{Group, sort};
use crate::model::{
    Catalog, Document, DocumentSummary, Translation, TranslationStatus, WithheldTranslation,
};
use crate::validate::{
    FileReport, Validator, check_catalog, check_translation, is_catalog, is_translation,
    missing_catalog, missing_document,
};

pub use crate::validate::Purpose;

/// What a run keeps of each report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// The reports with diagnostics, without the parsed data, and only the
    /// path of a file with nothing to report: memory stays flat however
    /// many files pass.
    Findings,
    /// Everything, for commands that work on the parsed data.
    Everything,
    /// Every translation whole (its text and parsed data, which the
    /// checks across files compare), and of the other files what
    /// [`Keep::Findings`] keeps.
    Translations,
}

/// Which community translations a run merges into the documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drafts {
    /// Only reviewed translations, as the exports publish by default.
    Exclude,
    /// Drafts as well (`--include-drafts`).
    Include,
}

/// A validation run streamed a batch of documents at a time: each document
/// is checked with its translations, in parallel (on the current rayon
/// pool), and then only its diagnostics and its metadata stay in memory.
/// The catalog is checked first against its schema, and against the
/// documents once all are seen.
pub struct Checking {
    validator: Validator,
    keep: Keep,
    drafts: Drafts,
    purpose: Purpose,
    groups: std::vec::IntoIter<Group>,
    catalogs: Vec<FileReport>,
    reports: Vec<FileReport>,
    clean: Vec<PathBuf>,
    /// The metadata of each document that passed its schema, merged with
    /// its translations, in path order.
    metadata: Vec<DocumentSummary>,
    /// Where each document's metadata is in `metadata`, by path.
    described: HashMap<PathBuf, usize>,
    valid: bool,
}

/// What a run found.
#[derive(Debug)]
pub struct Checked {
    /// The reports, in path order: every one, or with [`Keep::Findings`]
    /// those with diagnostics.
    pub reports: Vec<FileReport>,
    /// With [`Keep::Findings`], the files with nothing to report, in path
    /// order.
    pub clean: Vec<PathBuf>,
    /// The summary of each document checked,
    /// with its community languages, in path order.
    pub metadata: Vec<DocumentSummary>,
}

/// Checks `files` (see [`Checking`]) from start to finish, drafts left out,
/// for `purpose`, and returns what the run found.
pub fn check(files: &[PathBuf], keep: Keep, purpose: Purpose) -> Result<Checked, Error> {
    let mut checking = Checking::new(files, keep, Drafts::Exclude)?;
    checking.purpose = purpose;
    while checking.next_batch()?.is_some() {}
    checking.finish()
}

impl Checking {
    /// Starts a run over `files`: documents, translations and catalogs, in
    /// any order. Translations that pass and are reviewed (or drafts, with
    /// [`Drafts::Include`]) are merged into the documents the batches return.
    /// The catalogs are checked against their schema here.
    pub fn new(files: &[PathBuf], keep: Keep, drafts: Drafts) -> Result<Self, Error> {
        let validator = Validator::new()?;
        let sorted = sort(files);
        let mut catalogs = Vec::with_capacity(sorted.catalogs.len());
        for path in &sorted.catalogs {
            catalogs.push(if exists(path) {
                validator.validate_path(path)?
            } else {
                missing_catalog(path)
            });
        }
        let valid = catalogs.iter().all(FileReport::is_valid);
        Ok(Self {
            validator,
            keep,
            drafts,
            purpose: Purpose::Publish,
            groups: sorted.groups.into_iter(),
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
    pub fn override_base_iri(&mut self, iri: &str) -> Option<String> {
        let catalog = self.catalogs.iter_mut().find_map(|r| r.catalog.as_mut())?;
        (catalog.base_iri != iri).then(|| std::mem::replace(&mut catalog.base_iri, iri.to_owned()))
    }

    /// The catalog, if one was given and passed its schema (its rules run
    /// at [`Checking::finish`]).
    pub fn catalog(&self) -> Option<&Catalog> {
        self.catalogs.iter().find_map(|r| r.catalog.as_ref())
    }

    /// Whether no file checked so far has an error.
    pub fn is_valid(&self) -> bool {
        self.valid
    }

    /// Checks the next batch of documents (see
    /// [`crate::export::batch_size`]) with their translations, and returns
    /// the documents that passed their schema, merged with their
    /// translations, in path order; `None` when every file is checked.
    pub fn next_batch(&mut self) -> Result<Option<Vec<Document>>, Error> {
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
                self.metadata.push(DocumentSummary::from(&document));
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
        let translations = self.check_translations(group, document.as_ref())?;
        let mut merged = None;
        if group.reported
            && let Some(report) = &mut document
        {
            // A run that keeps only findings no longer needs the report's
            // copy of the document.
            let parsed = if self.keep == Keep::Everything {
                report.document.clone()
            } else {
                report.document.take()
            };
            merged = parsed.map(|parsed| self.merge(parsed, &translations));
        }
        let mut reports: Vec<FileReport> =
            document.filter(|_| group.reported).into_iter().collect();
        reports.extend(translations);
        Ok((reports, merged))
    }

    /// Checks the translations of a group against its document's report
    /// (`None` when there is no document).
    fn check_translations(
        &self,
        group: &Group,
        document: Option<&FileReport>,
    ) -> Result<Vec<FileReport>, Error> {
        let reference = document
            .filter(|r| r.is_valid())
            .and_then(|r| r.document.as_ref());
        let mut translations = Vec::with_capacity(group.translations.len());
        for path in &group.translations {
            let mut report = self.validator.validate_path(path)?;
            match (document, reference) {
                (_, Some(reference)) => check_translation(&mut report, reference, self.purpose),
                // The document has errors: the translation is reported on
                // its own and waits.
                (Some(_), None) => report.translation = None,
                (None, None) => missing_document(&mut report, &group.document),
            }
            translations.push(report);
        }
        Ok(translations)
    }

    /// `document` with the translations that passed and are reviewed (or
    /// drafts, with [`Drafts::Include`]), in language order. A translation
    /// with stale units (its original was corrected since) is left out
    /// whole: every export presents a language version as complete, and
    /// one that mixes old and new would say something the official text no
    /// longer does.
    fn merge(&self, document: Document, translations: &[FileReport]) -> Document {
        let chosen = translations
            .iter()
            .filter(|r| r.is_valid())
            .filter_map(|r| r.translation.as_ref())
            .filter(|t| self.drafts == Drafts::Include || t.status == TranslationStatus::Reviewed);
        let mut own: Vec<&Translation> = Vec::new();
        let mut withheld = Vec::new();
        for translation in chosen {
            let stale_units = translation.stale_units(&document);
            if stale_units.is_empty() {
                own.push(translation);
            } else {
                let translation = crate::translation::credit(translation);
                withheld.push(WithheldTranslation {
                    translation,
                    stale_units,
                });
            }
        }
        own.sort_by(|a, b| a.language.cmp(&b.language));
        withheld.sort_by(|a, b| a.translation.language.cmp(&b.translation.language));
        let mut merged = crate::translation::merge(document, &own);
        merged.withheld_translations = withheld;
        merged
    }

    /// Keeps what `self.keep` says of a report.
    fn keep(&mut self, mut report: FileReport) {
        self.valid &= report.is_valid();
        let whole = match self.keep {
            Keep::Everything => true,
            Keep::Translations => report.translation.is_some(),
            Keep::Findings => false,
        };
        if !whole {
            if report.diagnostics.is_empty() {
                self.clean.push(report.source.path);
                return;
            }
            report.lighten();
        }
        self.reports.push(report);
    }

    /// Runs the catalog rules against the documents beside each catalog,
    /// and for a translator's run the checks across translation files, and
    /// returns what the run found.
    pub fn finish(mut self) -> Result<Checked, Error> {
        for mut catalog in std::mem::take(&mut self.catalogs) {
            let documents = self.beside(&catalog.source.path)?;
            check_catalog(&mut catalog, &documents);
            self.keep(catalog);
        }
        let mut reports = self.reports;
        reports.sort_by(|a, b| a.source.path.cmp(&b.source.path));
        // A translator's run keeps every translation: compare them.
        if self.purpose == Purpose::Translate {
            crate::validate::check_across(&mut reports);
        }
        self.clean.sort();
        Ok(Checked {
            reports,
            clean: self.clean,
            metadata: self.metadata,
        })
    }

    /// The documents that passed their schema in the folders beside a
    /// catalog: from this run, or checked quietly when the run left them
    /// out. When they are exactly this run's documents (the usual case),
    /// this run's summaries are lent, not copied: at 10 000 documents a
    /// copy would be the largest thing in memory.
    fn beside(&self, catalog: &Path) -> Result<Cow<'_, [DocumentSummary]>, Error> {
        let dir = catalog.parent().unwrap_or(Path::new("."));
        let mut found: Vec<Result<usize, PathBuf>> = Vec::new();
        for path in discover(dir)? {
            if is_catalog(&path) || is_translation(&path) {
                continue;
            }
            found.push(self.described.get(&path).copied().ok_or(path));
        }
        if found
            .iter()
            .map(|f| f.as_ref().ok().copied())
            .eq((0..self.metadata.len()).map(Some))
        {
            return Ok(Cow::Borrowed(&self.metadata));
        }
        let mut documents = Vec::new();
        for place in found {
            match place {
                Ok(i) => documents.extend(self.metadata.get(i).cloned()),
                Err(path) => documents.extend(
                    self.validator
                        .validate_path(&path)?
                        .document
                        .map(|d| DocumentSummary::from(&d)),
                ),
            }
        }
        Ok(Cow::Owned(documents))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_without_its_document_is_reported_where_it_is() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let folder = dir.path().join("x/translations");
        std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
        let source = Path::new("data/hangzhou-initiative/translations/fr.json");
        std::fs::copy(source, folder.join("fr.json")).unwrap_or_else(|e| panic!("{e}"));
        let files = discover(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let checked =
            check(&files, Keep::Findings, Purpose::Publish).unwrap_or_else(|e| panic!("{e}"));
        let [report] = checked.reports.as_slice() else {
            panic!("{:?}", checked.reports);
        };
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert!(codes.contains(&"translation-location"), "{codes:?}");
        assert!(checked.metadata.is_empty());
    }
}
