//! `initiative rules`: lists every rule code with what it checks.

use std::fmt::Write as _;

use super::output::print_stdout;
use super::{Error, Outcome};
use crate::validate::{CATALOG_RULES, DOCUMENT_RULES, NUMBER_RULES, TEXT_RULES, TRANSLATION_RULES};

/// List every validation rule code and what it checks.
///
/// Example: initiative rules
#[derive(Debug, clap::Args)]
pub(super) struct Args {}

/// Codes reported before or beside the rules: reading, parsing and schema.
pub(super) const OTHER_CODES: &[(&str, &str)] = &[
    (
        "encoding",
        "the file is UTF-8 (not UTF-16, no invalid bytes)",
    ),
    (
        "byte-order-mark",
        "warning: the file starts with a UTF-8 BOM (accepted)",
    ),
    ("empty-file", "the file is not empty"),
    (
        "file-too-large",
        "the file is within the size limit (64 MiB; INITIATIVE_MAX_FILE_BYTES)",
    ),
    ("text-too-long", "no text is longer than 100 000 characters"),
    ("json-syntax", "the file is strict JSON (RFC 8259)"),
    ("duplicate-key", "no key appears twice in one object"),
    (
        "catalog-missing",
        "a project's data/ holds catalog.json, which the DCAT-AP record needs",
    ),
    (
        "schema-*",
        "the file matches its schema in schema/ (one code per keyword)",
    ),
];

/// Runs `rules`.
#[allow(clippy::unnecessary_wraps)] // every command shares one signature
pub(super) fn run(_: &Args) -> Result<Outcome, Error> {
    let mut rows: Vec<(&str, &str)> = OTHER_CODES.to_vec();
    rows.extend(NUMBER_RULES.iter().map(|r| (r.code(), r.summary())));
    rows.extend(DOCUMENT_RULES.iter().map(|r| (r.code(), r.summary())));
    rows.extend(TEXT_RULES.iter().map(|r| (r.code(), r.summary())));
    rows.extend(CATALOG_RULES.iter().map(|r| (r.code(), r.summary())));
    rows.extend(TRANSLATION_RULES.iter().map(|r| (r.code(), r.summary())));
    // A rule over documents and translations alike is listed once.
    let mut seen = std::collections::HashSet::new();
    rows.retain(|(code, _)| seen.insert(*code));
    let width = rows.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    let mut text = String::new();
    for (code, summary) in &rows {
        let _ = writeln!(text, "{code:width$}  {summary}");
    }
    print_stdout(&text);
    Ok(Outcome::Ok)
}
