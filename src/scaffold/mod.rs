//! Makes what a new project or document starts from: a project
//! (`initiative init`: `data/`, the catalog template, `schema/`), a skeleton
//! document and its catalog entry (`initiative new`), and the placeholders
//! these and the import leave for an editor to replace.
//!
//! Nothing is written before every check has passed, never through a
//! symbolic link, and never over a file the command did not make unless
//! asked to.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use crate::fsx::{self, Links};
use crate::model::{
    Date, Document, DocumentId, DocumentKind, Language, LocalizedText, Paragraph, Place,
    Publication, Reference, ReferenceId, ReferenceKind, Section, UnitId,
};
use crate::project::{DATA_DIR, SCHEMA_DIR};
use crate::validate::{CATALOG_FILE, FileReport, Validator};

/// What every placeholder text starts with, so an editor finds them all.
pub const PLACEHOLDER: &str = "TODO";

/// The `$schema` of a document in `data/<id>/document.json`.
pub const DOCUMENT_SCHEMA_REF: &str = "../../schema/initiative.schema.json";

/// The catalog a new project starts from: every value a publisher must set
/// is a placeholder that validation warns about.
const CATALOG_TEMPLATE: &str = include_str!("catalog.template.json");

/// Why a project or document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The target is not this command's to write.
    #[error("refusing to write {}: {why}", path.display())]
    Refused {
        /// The file or folder.
        path: PathBuf,
        /// Why it is refused.
        why: String,
    },
    /// Reading or writing failed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What was being done (`write`).
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The catalog cannot be read as JSON with a list of datasets.
    #[error("cannot add to {}: {why}; run `initiative validate` and fix it first", path.display())]
    Catalog {
        /// The catalog.
        path: PathBuf,
        /// What is wrong with it.
        why: String,
    },
    /// The schemas do not compile (a bug, not a problem in the data).
    #[error(transparent)]
    Validate(#[from] crate::validate::Error),
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> Error {
    let path = path.to_path_buf();
    move |source| Error::Io {
        action,
        path,
        source,
    }
}

/// Makes a project in `dir`: a missing folder (whose parent exists), or
/// an existing folder holding neither `data/` nor `schema/`. Returns the
/// files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    match dir.symlink_metadata() {
        Ok(meta) if meta.is_symlink() => return refuse(dir, "it is a symbolic link"),
        Ok(meta) if !meta.is_dir() => {
            return refuse(
                dir,
                &format!("it is {}, not a folder", fsx::kind_name(&meta.file_type())),
            );
        }
        Ok(_) => {
            for name in [DATA_DIR, SCHEMA_DIR] {
                if dir.join(name).symlink_metadata().is_ok() {
                    return refuse(
                        dir,
                        &format!(
                            "it already holds {name}/, so it is a project or holds files a new one would overwrite"
                        ),
                    );
                }
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir(dir).map_err(io_error("create", dir))?;
        }
        Err(e) => return Err(io_error("read", dir)(e)),
    }
    let data = dir.join(DATA_DIR);
    let schema = dir.join(SCHEMA_DIR);
    for folder in [&data, &schema] {
        fs::create_dir(folder).map_err(io_error("create", folder))?;
    }
    let mut written = Vec::new();
    for file in crate::schema::schema_files() {
        let path = schema.join(file.name);
        fsx::write_atomic(&path, file.text.as_bytes()).map_err(io_error("write", &path))?;
        written.push(path);
    }
    let catalog = data.join(CATALOG_FILE);
    fsx::write_atomic(&catalog, CATALOG_TEMPLATE.as_bytes())
        .map_err(io_error("write", &catalog))?;
    written.push(catalog);
    Ok(written)
}

fn refuse<T>(path: &Path, why: &str) -> Result<T, Error> {
    Err(Error::Refused {
        path: path.to_path_buf(),
        why: why.to_owned(),
    })
}

/// A text in every one of `languages`: `TODO: <what>`.
pub fn placeholder(languages: &[Language], what: &str) -> LocalizedText {
    LocalizedText::from_pairs(
        languages
            .iter()
            .map(|l| (l.to_string(), format!("{PLACEHOLDER}: {what}"))),
    )
}

/// A place to be named: `ZZ`, the ISO 3166 code for an unknown country.
pub fn placeholder_place(languages: &[Language]) -> Place {
    Place {
        name: placeholder(languages, "the place of adoption"),
        country: "ZZ".to_owned(),
    }
}

/// The issuer `id`, named by a placeholder.
pub fn placeholder_issuer(id: ReferenceId, languages: &[Language]) -> Reference {
    Reference {
        id,
        kind: ReferenceKind::Organization,
        name: placeholder(languages, "the name of the issuing body"),
        cited_by: Vec::new(),
    }
}

/// A publication record to be filled in: midnight UTC on the day of
/// adoption.
pub fn placeholder_publication(adopted: &Date, languages: &[Language]) -> Publication {
    Publication {
        published_at: crate::model::DateTime::new(format!("{adopted}T00:00:00Z")),
        channel: placeholder(languages, "where the text was published"),
        headline: placeholder(languages, "the headline it was published under"),
    }
}

/// A valid skeleton document: a title, one preamble paragraph and one
/// section of one paragraph, every text and every fact a placeholder.
pub fn skeleton(id: DocumentId, languages: Vec<Language>, adopted: Date) -> Document {
    let issuer = ReferenceId::new("issuer");
    Document {
        schema: Some(DOCUMENT_SCHEMA_REF.to_owned()),
        id,
        kind: DocumentKind::Initiative,
        title: placeholder(&languages, "the title"),
        place: placeholder_place(&languages),
        issuer: issuer.clone(),
        publication: placeholder_publication(&adopted, &languages),
        adopted,
        preamble: vec![Paragraph {
            id: UnitId::preamble_paragraph(1),
            text: placeholder(&languages, "the first paragraph of the preamble"),
        }],
        sections: vec![Section {
            id: UnitId::section(1),
            number: 1,
            heading: placeholder(&languages, "the heading of the first section"),
            paragraphs: vec![Paragraph {
                id: UnitId::section_paragraph(1, 1),
                text: placeholder(&languages, "the first paragraph of the first section"),
            }],
        }],
        references: vec![placeholder_issuer(issuer, &languages)],
        related: Vec::new(),
        editorial_notes: Vec::new(),
        community_languages: Vec::new(),
        withheld_translations: Vec::new(),
        languages,
    }
}

/// A document as a data file: pretty JSON, final newline.
pub fn to_json(document: &Document) -> Vec<u8> {
    // A `Document` has string keys and no value serde_json cannot write, so
    // serializing it cannot fail; the empty output would fail validation.
    let mut bytes = serde_json::to_vec_pretty(document).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Validates a data file about to be written at `path`, with every rule.
pub fn validate(path: &Path, bytes: &[u8]) -> Result<FileReport, Error> {
    let loaded = crate::source::load_bytes(path, bytes);
    Ok(Validator::new()?.validate_loaded(loaded))
}

/// The catalog at `path` with an entry describing `id` in each of
/// `languages` (placeholders where it had none), or `None` when it already
/// has one.
pub fn catalog_with(
    path: &Path,
    id: &DocumentId,
    languages: &[Language],
) -> Result<Option<Vec<u8>>, Error> {
    let bytes = fsx::read_regular(path, Links::Refuse).map_err(io_error("read", path))?;
    let bad = |why: String| Error::Catalog {
        path: path.to_path_buf(),
        why,
    };
    let mut catalog: Value = serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))?;
    let datasets = catalog
        .get_mut("datasets")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| bad("it has no list of datasets".to_owned()))?;
    let position = datasets
        .iter()
        .position(|d| d.get("document").and_then(Value::as_str) == Some(id.as_str()));
    let entry = if let Some(i) = position {
        datasets.get_mut(i)
    } else {
        datasets.push(json!({ "document": id.as_str(), "description": {}, "keywords": [] }));
        datasets.last_mut()
    };
    let description = entry
        .and_then(|e| e.get_mut("description"))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| bad(format!("the entry of `{id}` has no description object")))?;
    let before = description.len();
    for language in languages {
        if !description.contains_key(language.as_str()) {
            let text = format!("{PLACEHOLDER}: what the dataset of `{id}` holds");
            description.insert(language.to_string(), Value::String(text));
        }
    }
    if position.is_some() && description.len() == before {
        return Ok(None);
    }
    sort_keys(description);
    let mut out = serde_json::to_vec_pretty(&catalog).map_err(|e| bad(e.to_string()))?;
    out.push(b'\n');
    Ok(Some(out))
}

/// Orders a localized text's languages as the model writes them.
fn sort_keys(map: &mut Map<String, Value>) {
    let mut entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    map.extend(entries);
}

/// Whether `id` is a document id the tool takes: a slug of at most
/// [`crate::model::SLUG_MAX_LENGTH`] characters.
pub fn is_slug(id: &str) -> bool {
    let length = u64::try_from(id.len()).unwrap_or(u64::MAX);
    !id.is_empty()
        && length <= crate::model::SLUG_MAX_LENGTH
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The data file of document `id` under `data`, once it is this command's
/// to write: its folder a real folder or missing, the file missing or, with
/// `force`, a regular file to replace.
pub fn document_path(data: &Path, id: &DocumentId, force: bool) -> Result<PathBuf, Error> {
    let folder = data.join(id.as_str());
    match folder.symlink_metadata() {
        Ok(meta) if meta.is_symlink() => return refuse(&folder, "it is a symbolic link"),
        Ok(meta) if !meta.is_dir() => {
            return refuse(
                &folder,
                &format!("it is {}, not a folder", fsx::kind_name(&meta.file_type())),
            );
        }
        _ => {}
    }
    let path = folder.join(crate::validate::rules::DOCUMENT_FILE);
    match path.symlink_metadata() {
        Ok(meta) if !meta.is_file() => refuse(
            &path,
            &format!(
                "it is {}, not a regular file",
                fsx::kind_name(&meta.file_type())
            ),
        ),
        Ok(_) if !force => refuse(
            &path,
            "it already exists: edit it, or pass --force to replace it",
        ),
        _ => Ok(path),
    }
}

/// Writes a document's data file (and its folder) and then, if given, the
/// catalog's new bytes, each atomically.
pub fn write(path: &Path, document: &[u8], catalog: Option<(&Path, &[u8])>) -> Result<(), Error> {
    if let Some(folder) = path.parent()
        && folder.symlink_metadata().is_err()
    {
        fs::create_dir(folder).map_err(io_error("create", folder))?;
    }
    fsx::write_atomic(path, document).map_err(io_error("write", path))?;
    if let Some((catalog, bytes)) = catalog {
        fsx::write_atomic(catalog, bytes).map_err(io_error("write", catalog))?;
    }
    Ok(())
}
