//! The formats the tool ships, one file each, and the list that registers
//! them. What they share (a document's one file, JSON's pretty form) is
//! here too; the contract they implement is in [`super`].

mod akn;
mod csv;
mod csvw;
mod csvw_terms;
mod datapackage;
mod dcat;
mod html;
mod json;
mod jsonld;
mod markdown;
mod sqlite;
mod sums;
mod tables;
mod tmx;
mod xml;

use crate::export::{Error, ExportPath, FileInfo, Format, Output, OutputFile, file_stem};
use crate::model::Document;

/// Every format the tool ships, in registration order. A run orders them
/// by [`super::Role`]; registering a format is one line here (or, for a
/// program using the library, one `push` onto [`super::shipped_formats`]).
pub const SHIPPED: &[&dyn Format] = &[
    &json::Json,
    &csv::Csv,
    &xml::Xml,
    &jsonld::JsonLd,
    &akn::AkomaNtoso,
    &tmx::Tmx,
    &sqlite::Sqlite,
    &markdown::Markdown,
    &html::Html,
    &dcat::Dcat,
    &sums::Sums,
];

/// One file of one document, `<folder>/<document-id>.<extension>`.
pub(super) fn document_file(
    document: &Document,
    folder: &str,
    extension: &str,
    info: FileInfo,
    render: impl FnOnce(&str) -> Result<Vec<u8>, Error>,
) -> Result<Vec<Output>, Error> {
    let stem = file_stem(document.id.as_str())?;
    Ok(vec![Output::File(OutputFile::new(
        ExportPath::new(folder)?.join(&format!("{stem}.{extension}"))?,
        render(stem)?,
        info,
    ))])
}

/// Sets `key` on a JSON object built by an exporter (a no-op on anything
/// else, which the exporters never pass).
pub(super) fn set(object: &mut serde_json::Value, key: &str, value: serde_json::Value) {
    if let Some(map) = object.as_object_mut() {
        map.insert(key.to_owned(), value);
    }
}

/// Pretty JSON with a final newline, the form of every JSON export.
pub(super) fn to_json_bytes(value: &impl serde::Serialize, what: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    serde_json::to_writer_pretty(&mut bytes, value).map_err(|source| Error::Serialize {
        what: what.to_owned(),
        source,
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}
