//! Owns the corpus pipeline: finding the data files of a project, checking
//! each document with its translations a batch at a time, merging the
//! translations that may be published into the documents, and running the
//! catalog rules once every document is seen.
//!
//! [`discover_project`], [`discover`], [`files_of`] and [`select`] list the
//! files of a run; [`Checking`] checks them, streamed, so memory does not
//! grow with the corpus; [`check`] runs it from start to finish. The CLI's
//! `validate`, `build`, `export` and `translation` commands are this
//! pipeline with their flags and reports.
//!
//! # Validating a data folder
//!
//! ```
//! use std::path::Path;
//!
//! use initiative::corpus::{Checking, Drafts, Keep, discover_project};
//!
//! let files = discover_project(Path::new("data"))?;
//! let mut checking = Checking::new(&files, Keep::Findings, Drafts::Exclude)?;
//! assert!(checking.catalog().is_some(), "data/catalog.json passed its schema");
//! let mut ids = Vec::new();
//! while let Some(documents) = checking.next_batch()? {
//!     // Each batch's documents passed their schema; only their metadata
//!     // stays in memory once the batch is dropped.
//!     ids.extend(documents.iter().map(|d| d.id.to_string()));
//! }
//! let checked = checking.finish()?;
//! let mut errors = 0;
//! for report in &checked.reports {
//!     for d in &report.diagnostics {
//!         println!("{}:{}:{}: {}[{}] {}", d.file.display(), d.line.unwrap_or(1),
//!                  d.column.unwrap_or(1), d.severity.as_str(), d.code, d.message);
//!     }
//!     errors += usize::from(!report.is_valid());
//! }
//! assert_eq!(ids, ["hangzhou-initiative"]);
//! assert_eq!(errors, 0);
//! // Files with nothing to report are only named.
//! assert!(checked.clean.contains(&Path::new("data/hangzhou-initiative/document.json").into()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Exporting each batch
//!
//! A batch's documents carry the translations that may be published (the
//! reviewed ones, or drafts too when asked), ready for [`crate::export`]:
//!
//! ```
//! use std::path::Path;
//!
//! use initiative::corpus::{Checking, Drafts, Keep, discover_project};
//! use initiative::export::{Context, render};
//!
//! let files = discover_project(Path::new("data"))?;
//! let mut checking = Checking::new(&files, Keep::Findings, Drafts::Include)?;
//! let catalog = checking.catalog().cloned();
//! let mut exported = Vec::new();
//! while let Some(documents) = checking.next_batch()? {
//!     // The French translation is a draft: it is merged because drafts
//!     // were asked for.
//!     assert!(documents.iter().all(|d| !d.community_languages.is_empty()));
//!     let context = Context {
//!         catalog: catalog.as_ref(),
//!         base_iri: &initiative::model::Iri::default_base(),
//!         csv_bom: false,
//!         csv_excel_safe: false,
//!         created: None,
//!     };
//!     exported.extend(render(&context, &documents, &["json".to_owned()])?);
//! }
//! assert!(checking.finish()?.reports.iter().all(|r| r.is_valid()));
//! assert!(exported.iter().any(|f| f.path.as_str() == "json/hangzhou-initiative.json"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod checking;
mod discover;
mod group;

use std::path::{Path, PathBuf};

pub use checking::{Checked, Checking, Drafts, Keep, Purpose, check};
pub use discover::{discover, discover_project, files_of, select};

/// The errors that stop a run (not problems in the data, which are
/// diagnostics in its reports).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read, or the schemas do not compile.
    #[error(transparent)]
    Validate(#[from] crate::validate::Error),
    /// A folder could not be listed.
    #[error("cannot read folder {}: {source}", path.display())]
    ReadFolder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A document asked for by id has no files in the data folder.
    #[error("no document `{id}` under {}/", data.display())]
    NoDocument {
        /// The id asked for.
        id: String,
        /// The data folder.
        data: PathBuf,
    },
    /// A folder was named where a data file was meant (`data/x.json/`).
    #[error("{} is a folder, not a data file", .0.display())]
    FolderNotFile(PathBuf),
    /// A folder named holds no data files.
    #[error(
        "{} holds no data files (catalog.json, */document.json, */translations/*.json)",
        .0.display()
    )]
    NoDataFiles(PathBuf),
}

impl Error {
    /// Makes an I/O error listing `path` an [`Error::ReadFolder`].
    fn read_folder(path: &Path) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.to_path_buf();
        move |source| Self::ReadFolder { path, source }
    }
}
