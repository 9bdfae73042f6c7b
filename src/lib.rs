//! initiative turns international policy texts into validated,
//! standards-conforming open data.
//!
//! The [`model`] types are the single source of truth: the JSON Schema in
//! `schema/` is generated from them ([`schema`]), data files are validated
//! against it and against the rules a schema cannot express ([`validate`]),
//! and every problem becomes a located [`diagnostic::Diagnostic`].
#![warn(missing_docs)]

pub mod cli;
pub mod diagnostic;
pub mod export;
pub mod fsx;
pub mod model;
pub mod schema;
pub mod source;
pub mod translation;
pub mod validate;
