//! Every IRI the exports give a thing, in one place, so the JSON-LD, the
//! DCAT record, the CSVW metadata's templates and the reading page name the
//! same things alike.
//!
//! After the base IRI: the document (an ELI `LegalResource`) is `<id>`, a
//! language version (an ELI expression) `<id>/<language>`, a unit
//! `<id>#<unit-id>`, a reference `<id>#ref-<reference-id>`, a related item
//! `<id>#related-<related-id>`, the body that adopted the text
//! `<id>#passed-by`, the page that published it `<id>#publication`. Unit
//! ids never start with `ref-` or `related-` and never contain `-`, so no
//! two of these meet. The reading page is `html/<id>.html`, the DCAT dataset
//! `datasets/<id>`, a file's distribution `distributions/<path>` and its
//! download `<path>`.

use crate::export::{Error, FileMeta, Scope};
use crate::model::{Document, Language};

/// The EU Publications Office's authority tables (languages, file types,
/// data themes).
pub(crate) const AUTHORITY: &str = "http://publications.europa.eu/resource/authority";
/// The IANA media type registry, whose entries name media types as IRIs.
pub(crate) const MEDIA_TYPES: &str = "http://www.iana.org/assignments/media-types";

/// The document `id` under `base`.
pub(crate) fn document(base: &str, id: &str) -> String {
    format!("{base}{id}")
}

/// A language version of the document whose IRI is `document`.
pub(crate) fn expression(document: &str, language: &Language) -> String {
    format!("{document}/{language}")
}

/// A unit (`preamble`, a section, a paragraph) of the document.
pub(crate) fn unit(document: &str, unit: &str) -> String {
    format!("{document}#{unit}")
}

/// A reference of the document.
pub(crate) fn reference(document: &str, id: &str) -> String {
    format!("{document}#ref-{id}")
}

/// An item the publication lists beside the document.
pub(crate) fn related(document: &str, id: &str) -> String {
    format!("{document}#related-{id}")
}

/// The body that adopted the document (see the JSON-LD export).
pub(crate) fn passed_by(document: &str) -> String {
    format!("{document}#passed-by")
}

/// The page that published the document.
pub(crate) fn publication(document: &str) -> String {
    format!("{document}#publication")
}

/// The reading page of document `id`.
pub(crate) fn page(base: &str, id: &str) -> String {
    format!("{base}html/{id}.html")
}

/// The DCAT dataset of document `id`.
pub(crate) fn dataset(base: &str, id: &str) -> String {
    format!("{base}datasets/{id}")
}

/// The DCAT distribution of the exported file at `path`.
pub(crate) fn distribution(base: &str, path: &str) -> String {
    format!("{base}distributions/{path}")
}

/// Where the exported file at `path` is downloaded.
pub(crate) fn download(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

/// An IANA media type as an IRI.
pub(crate) fn media_type(media_type: &str) -> String {
    format!("{MEDIA_TYPES}/{media_type}")
}

/// A language in the EU language authority table (`…/language/ENG`), by
/// its ISO 639-3 code.
pub(crate) fn language(language: &Language) -> Result<String, Error> {
    let code = language
        .iso639_3()
        .ok_or_else(|| Error::NoIso639(language.to_string()))?;
    Ok(format!(
        "{AUTHORITY}/language/{}",
        code.to_ascii_uppercase()
    ))
}

/// The files that are `document`'s downloads, among `files`: its own, then
/// those that hold every document. The DCAT dataset lists them as its
/// distributions and the JSON-LD as the document's encodings.
pub(crate) fn downloads<'a>(
    document: &Document,
    files: &'a [FileMeta],
) -> impl Iterator<Item = &'a FileMeta> {
    let own = Scope::Document(document.id.to_string());
    let (own_files, corpus): (Vec<_>, Vec<_>) = files
        .iter()
        .filter(|f| f.info.scope == own || f.info.scope == Scope::Corpus)
        .partition(|f| f.info.scope == own);
    own_files.into_iter().chain(corpus)
}
