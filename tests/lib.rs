//! Integration tests: every test runs the real `initiative` binary.

#![allow(clippy::indexing_slicing)]
// a wrong index in a test is a failing test
// clippy.toml's allow-unwrap-in-tests and allow-expect-in-tests cover
// `#[test]` functions only; the helpers here (the harness, the parsers of
// each export) are test code too, where a failed unwrap is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod harness;
mod hostile;
mod import_capture;
mod incremental;
mod iri;
mod markdown;
mod partial;
mod po;
mod proptest_round_trip;
mod reader;
mod safety;
mod scaffold;

mod akn;
mod build;
mod cli;
mod csv_round_trip;
mod dcat;
mod export;
mod fixtures;
mod licence;
mod linear;
mod one_pass;
mod schema;
mod snapshots;
mod source_text;
mod sqlite;
mod tmx;
mod translation;
mod xliff;
mod xml_round_trip;
