//! initiative turns international policy texts into validated,
//! standards-conforming open data.
//!
//! The [`model`] types are the single source of truth: the JSON Schema in
//! `schema/` is generated from them ([`schema`]), data files are validated
//! against it and against the rules a schema cannot express ([`validate`]),
//! and every problem becomes a located [`diagnostic::Diagnostic`]. The
//! [`export`] module turns valid documents into the published formats, and
//! [`translation`] handles contributed translations. [`corpus`] runs the
//! whole pipeline over a data folder, a batch of documents at a time.
//!
//! # Validating a document
//!
//! ```
//! use std::path::Path;
//!
//! use initiative::validate::Validator;
//!
//! let validator = Validator::new()?;
//! let report = validator.validate_path(Path::new("data/hangzhou-initiative/document.json"))?;
//! for d in &report.diagnostics {
//!     println!("{}:{}:{}: {}[{}] {}", d.file.display(), d.line.unwrap_or(1),
//!              d.column.unwrap_or(1), d.severity.as_str(), d.code, d.message);
//! }
//! let document = report.document.ok_or("the document is invalid")?;
//! assert_eq!(document.id.as_str(), "hangzhou-initiative");
//! assert_eq!(document.sections.len(), 5);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Text already in memory (a contribution in a pull request, say) goes
//! through [`source::load_bytes`] and [`validate::Validator::validate_loaded`]:
//!
//! ```
//! use std::path::Path;
//!
//! use initiative::source::load_bytes;
//! use initiative::validate::Validator;
//!
//! let report = Validator::new()?.validate_loaded(load_bytes(
//!     Path::new("data/example/document.json"),
//!     br#"{"id": "Example"}"#,
//! ));
//! let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
//! assert!(codes.contains(&"schema-pattern"));
//! assert!(codes.contains(&"schema-required"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Exporting to any writer
//!
//! ```
//! use std::io::Write;
//! use std::path::Path;
//!
//! use initiative::export::{Context, render};
//! use initiative::validate::Validator;
//!
//! let report = Validator::new()?.validate_path(Path::new("data/hangzhou-initiative/document.json"))?;
//! let documents = [report.document.ok_or("the document is invalid")?];
//! let context = Context {
//!     catalog: None,
//!     base_iri: &initiative::model::Iri::default_base(),
//!     csv_bom: false,
//!     csv_excel_safe: false,
//!     created: None,
//! };
//! // Rendered in memory; only the DCAT record needs a catalog.
//! let files = render(&context, &documents, &["xml".to_owned()])?;
//! let mut out: Vec<u8> = Vec::new(); // or std::io::stdout(), a file, a socket…
//! for file in &files {
//!     out.write_all(&file.bytes)?;
//! }
//! assert!(out.starts_with(b"<?xml"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]
// Tests index freely: a wrong index there is a failing test, not a panic
// on input data.
#![cfg_attr(test, allow(clippy::indexing_slicing))]

pub mod cache;
pub mod cli;
pub mod corpus;
pub mod diagnostic;
pub mod export;
pub mod fsx;
pub mod import;
pub mod markdown;
pub mod model;
pub mod project;
mod rdf;
pub mod scaffold;
pub mod schema;
pub mod source;
pub mod translation;
pub mod validate;
pub mod work;
