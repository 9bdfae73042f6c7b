//! initiative turns international policy texts into validated,
//! standards-conforming open data.
//!
//! The [`model`] types are the single source of truth: the JSON Schema in
//! `schema/` is generated from them ([`schema`]), data files are validated
//! against it and against the rules a schema cannot express ([`validate`]),
//! and every problem becomes a located [`diagnostic::Diagnostic`].
#![warn(missing_docs)]
// Tests index freely: a wrong index there is a failing test, not a panic
// on input data.
#![cfg_attr(test, allow(clippy::indexing_slicing))]

pub mod cli;
pub mod diagnostic;
pub mod export;
pub mod fsx;
pub mod model;
pub mod schema;
pub mod source;
pub mod translation;
pub mod validate;
