//! Validates data files: the schema first, then the rules a schema cannot
//! express, every problem in every file reported as a located `Diagnostic`.

mod conform;
mod finding;
pub mod rules;
mod schema_errors;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

pub use finding::Finding;
pub use rules::{
    CATALOG_RULES, CatalogRule, DOCUMENT_RULES, DocumentRule, NUMBER_RULES, NumberRule, Purpose,
    TEXT_RULES, TRANSLATION_RULES, TextRule, TranslationRule,
};

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Catalog, Document, DocumentSummary, LANGUAGE_FORMAT, Language, Translation};
use crate::source::{self, DuplicateKey, Loaded, SourceFile, SpanIndex, Target, ValuePath};

/// The errors that stop validation itself (not problems in the data).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The generated schema does not compile (a bug, not a data problem).
    #[error("the generated schema does not compile: {0}")]
    Schema(String),
}

/// The outcome for one file.
#[derive(Debug)]
pub struct FileReport {
    /// The file's text, for drawing snippets.
    pub source: SourceFile,
    /// Every problem, in text order.
    pub diagnostics: Vec<Diagnostic>,
    /// The document, if the file is one and it passed the schema.
    pub document: Option<Document>,
    /// The catalog, if the file is `catalog.json` and it passed its schema.
    pub catalog: Option<Catalog>,
    /// The translation, if the file is one and still reads as one. Only a
    /// report without errors may be exported: see [`FileReport::is_valid`].
    pub translation: Option<Translation>,
    /// Whether the one-pass reader read the file (it met nothing the
    /// schema or a text rule refuses), rather than the full validator.
    /// Both give the same report; the one-pass reader is faster.
    pub one_pass: bool,
}

impl FileReport {
    /// The report of a file whose text gave no value: its diagnostics say
    /// why.
    fn unread(source: SourceFile, diagnostics: Vec<Diagnostic>) -> Self {
        Self {
            source,
            diagnostics,
            document: None,
            catalog: None,
            translation: None,
            one_pass: false,
        }
    }

    /// The report of a file whose `diagnostics` are already known (from
    /// the build cache): the text only, for the snippets.
    pub fn of_findings(source: SourceFile, diagnostics: Vec<Diagnostic>) -> Self {
        Self::unread(source, diagnostics)
    }

    /// Drops what only a command working on the parsed data needs: the
    /// document, catalog or translation. The text stays, for the snippets
    /// of the diagnostics.
    pub fn lighten(&mut self) {
        self.document = None;
        self.catalog = None;
        self.translation = None;
    }

    /// Whether the file has no errors (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self
            .diagnostics
            .iter()
            .any(|d| d.severity == crate::diagnostic::Severity::Error)
    }
}

/// The file name of the catalog, directly under `data/`.
pub const CATALOG_FILE: &str = "catalog.json";

/// The code of a project with no catalog.
pub const CATALOG_MISSING: &str = "catalog-missing";

/// The report of a project's catalog that is not there: an error, since the
/// DCAT-AP export cannot be made without it.
pub fn missing_catalog(path: &Path) -> FileReport {
    let diagnostic = Diagnostic::new(
        Severity::Error,
        CATALOG_MISSING,
        path,
        "",
        "there is no catalog: the DCAT-AP export takes the publisher, contact point and dataset descriptions from it",
    )
    .with_hint(
        "create it: copy a catalog.json from another project, or start from the README's section on the catalog, and set the publisher's values",
    );
    let source = SourceFile::new(path.to_path_buf(), String::new());
    FileReport::unread(source, vec![diagnostic])
}

/// Whether `path` names a catalog rather than a document.
pub fn is_catalog(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()) == Some(CATALOG_FILE)
}

/// The folder beside a document that holds its translations.
pub const TRANSLATIONS_DIR: &str = "translations";

/// Whether `path` names a translation (`<document>/translations/<lang>.json`).
pub fn is_translation(path: &Path) -> bool {
    path.parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == TRANSLATIONS_DIR)
}

/// Checks documents, the catalog and translations; each schema is compiled
/// once and reused for every file.
pub struct Validator {
    document: jsonschema::Validator,
    catalog: jsonschema::Validator,
    translation: jsonschema::Validator,
    conform: conform::Conform,
}

impl Validator {
    /// Compiles the schemas with format checks on (draft 2020-12 leaves them
    /// off by default) and the BCP 47 registry as a format. The `iri`
    /// format is left to the rule `catalog-iri`, which also knows the
    /// schemes each field allows and says what is wrong in plain words.
    pub fn new() -> Result<Self, Error> {
        let compile = |schema: &Value| {
            jsonschema::options()
                .should_validate_formats(true)
                .with_format(LANGUAGE_FORMAT, Language::is_registered)
                .with_format("iri", |_: &str| true)
                .build(schema)
                .map_err(|e| Error::Schema(e.to_string()))
        };
        Ok(Self {
            document: compile(&crate::schema::document_schema())?,
            catalog: compile(&crate::schema::catalog_schema())?,
            translation: compile(&crate::schema::translation_schema())?,
            conform: conform::Conform::new()?,
        })
    }

    /// Reads and validates the document at `path`.
    pub fn validate_path(&self, path: &Path) -> Result<FileReport, Error> {
        let loaded = source::load(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(self.validate_loaded(loaded))
    }

    /// Validates a file already loaded. A document or translation is
    /// first read in one pass straight into the model; only a file that
    /// reader cannot vouch for goes through [`Validator::validate_full`].
    /// The report is the same either way.
    pub fn validate_loaded(&self, loaded: Loaded) -> FileReport {
        let mut findings = Vec::new();
        let read = if loaded.readable {
            self.one_pass(&loaded.source, &mut findings)
        } else {
            None
        };
        match read {
            Some(read) => {
                let Loaded {
                    source,
                    diagnostics,
                    ..
                } = loaded;
                let mut report = report(source, diagnostics, read, findings);
                report.one_pass = true;
                report
            }
            None => self.validate_full(loaded),
        }
    }

    /// Validates a file already loaded with the full validator: the text
    /// parsed as JSON, the schema, the text and number rules on every
    /// value, then the model and its rules. Every problem is found and
    /// placed.
    pub fn validate_full(&self, loaded: Loaded) -> FileReport {
        let Loaded {
            source,
            readable,
            mut diagnostics,
        } = loaded;
        if !readable {
            return FileReport::unread(source, diagnostics);
        }
        let (mut value, duplicates) = match source::read_json(&source) {
            Ok(parsed) => parsed,
            Err(syntax) => {
                diagnostics.push(*syntax);
                return FileReport::unread(source, diagnostics);
            }
        };
        let kind = Kind::of(&source.path);
        let mut findings = duplicate_findings(&duplicates);
        let schema_findings = schema_errors::findings(self.schema(kind), &value);
        let schema_ok = schema_findings.is_empty();
        findings.extend(schema_findings);
        read_findings(&mut value, &mut findings);
        let read = read_model(kind, value, schema_ok, &source.path, &mut findings);
        drop_schema_repeats(&mut findings);
        report(source, diagnostics, read, findings)
    }

    /// Reads a document or translation in one pass, checking every string
    /// with the text rules as it is parsed and the rest of the schema on
    /// the model, then runs the document rules. `None` when anything is
    /// amiss, or for the catalog (one small file, always read in full).
    fn one_pass(&self, source: &SourceFile, findings: &mut Vec<Finding>) -> Option<Read> {
        let check = text_clean;
        match Kind::of(&source.path) {
            Kind::Catalog => None,
            Kind::Document => {
                let document: Document = source::read_checked(&source.text, &check)?;
                if !self.conform.document(&document) {
                    return None;
                }
                for rule in DOCUMENT_RULES {
                    rule.check(&document, &source.path, findings);
                }
                Some(Read {
                    document: Some(document),
                    ..Read::default()
                })
            }
            Kind::Translation => {
                let translation: Translation = source::read_checked(&source.text, &check)?;
                self.conform.translation(&translation).then(|| Read {
                    translation: Some(translation),
                    ..Read::default()
                })
            }
        }
    }

    /// The schema files of `kind` are checked against.
    fn schema(&self, kind: Kind) -> &jsonschema::Validator {
        match kind {
            Kind::Document => &self.document,
            Kind::Catalog => &self.catalog,
            Kind::Translation => &self.translation,
        }
    }
}

/// What a data file holds, as its place says.
#[derive(Clone, Copy)]
enum Kind {
    Document,
    Catalog,
    Translation,
}

impl Kind {
    /// The kind of the file at `path`.
    fn of(path: &Path) -> Self {
        if is_catalog(path) {
            Self::Catalog
        } else if is_translation(path) {
            Self::Translation
        } else {
            Self::Document
        }
    }
}

/// A `duplicate-key` finding for every repeat of a key, each at its own
/// repeat.
fn duplicate_findings(duplicates: &[DuplicateKey]) -> Vec<Finding> {
    let mut repeats: HashMap<(&str, &str), usize> = HashMap::new();
    let mut findings = Vec::new();
    for dup in duplicates {
        let nth = repeats.entry((&dup.object, &dup.key)).or_insert(0);
        *nth += 1;
        findings.push(
            Finding::error(
                "duplicate-key",
                source::pointer::join(&dup.object, &dup.key),
                format!(
                    "key `{}` appears more than once in the same object",
                    dup.key
                ),
            )
            .at(Target::DuplicateKey(*nth))
            .hint(
                "JSON readers would silently keep only one of them: keep one and delete the others",
            ),
        );
    }
    findings
}

/// The report of a file `read` gave, with its `findings` placed in the
/// text. The text is parsed (again, for a file read in one pass) only when
/// there are findings, to name their units.
fn report(
    source: SourceFile,
    mut diagnostics: Vec<Diagnostic>,
    read: Read,
    findings: Vec<Finding>,
) -> FileReport {
    if !findings.is_empty() {
        let value = read.kept.unwrap_or_else(|| {
            source::parse_json(&source.text).map_or(Value::Null, |(value, _)| value)
        });
        locate(&source, &value, findings, &mut diagnostics);
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));
    FileReport {
        source,
        diagnostics,
        document: read.document,
        catalog: read.catalog,
        translation: read.translation,
        one_pass: false,
    }
}

/// What a file's value reads as in the model, and the value itself when it
/// is still needed to name the units of findings.
#[derive(Default)]
struct Read {
    document: Option<Document>,
    catalog: Option<Catalog>,
    translation: Option<Translation>,
    kept: Option<Value>,
}

/// Reads `value`, a file of `kind`, as the model, running the document
/// rules on a document. Only a value that passed the schema
/// (`schema_ok`) is kept as a document or catalog.
///
/// The model is read out of the value by moving its strings, not copying
/// them; a file with findings parses its text again to name their units.
/// The schema is generated from the model, so a value it accepts reads as
/// the model; the one gap, a whole number written `1.0`, is
/// `integer-form`'s and is mended by [`read_findings`] first.
fn read_model(
    kind: Kind,
    value: Value,
    schema_ok: bool,
    path: &Path,
    findings: &mut Vec<Finding>,
) -> Read {
    let mut read = Read::default();
    match kind {
        Kind::Catalog => {
            let catalog = <Catalog as serde::Deserialize>::deserialize(&value).ok();
            read.catalog = catalog.filter(|_| schema_ok);
            read.kept = Some(value);
        }
        Kind::Translation => {
            // A translator can fix composition later: NFC is a warning here.
            for finding in findings.iter_mut() {
                if finding.code == "not-nfc" {
                    finding.severity = Severity::Warning;
                }
            }
            // The rules still run after a schema error (an empty name must
            // not hide the rest); exports take only translations with no
            // error at all.
            read.translation = serde_json::from_value::<Translation>(value).ok();
        }
        Kind::Document => {
            // Rules run whenever the value still reads as a document (a bad
            // date or language tag does not stop that), so one run reports
            // them all.
            let document = serde_json::from_value::<Document>(value).ok();
            if let Some(document) = &document {
                for rule in DOCUMENT_RULES {
                    rule.check(document, path, findings);
                }
            }
            read.document = document.filter(|_| schema_ok);
        }
    }
    read
}

/// Drops the rule findings on a value the schema already rejected: it
/// needs no second verdict.
fn drop_schema_repeats(findings: &mut Vec<Finding>) {
    let schema_pointers: HashSet<String> = findings
        .iter()
        .filter(|f| f.code.starts_with("schema"))
        .map(|f| f.pointer.clone())
        .collect();
    findings.retain(|f| f.code.starts_with("schema") || !schema_pointers.contains(&f.pointer));
}

/// Runs the translation rules on a translation report against the document
/// it translates, and adds their diagnostics to the report. A translation
/// with errors is dropped from the report, so it never reaches an export.
/// Rules may judge by the run's `purpose`.
pub fn check_translation(report: &mut FileReport, document: &Document, purpose: Purpose) {
    let Some(translation) = &report.translation else {
        return;
    };
    let mut subject = rules::TranslationSubject::new(translation, document, &report.source.path);
    subject.purpose = purpose;
    let mut findings = Vec::new();
    for rule in TRANSLATION_RULES {
        rule.check(&subject, &mut findings);
    }
    add_findings(report, findings, &unit_value(translation));
}

/// Runs the translation checks that look across files on every
/// translation among `reports`, and adds their diagnostics to the reports
/// they concern. See [`rules::across_translations`].
pub fn check_across(reports: &mut [FileReport]) {
    let placed: Vec<(usize, rules::across_translations::Placed<'_>)> = reports
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            r.translation.as_ref().map(|translation| {
                let path = r.source.path.as_path();
                (i, rules::across_translations::Placed { path, translation })
            })
        })
        .collect();
    let (at, files): (Vec<usize>, Vec<_>) = placed.into_iter().unzip();
    let mut found: Vec<Vec<Finding>> = vec![Vec::new(); reports.len()];
    for (file, finding) in rules::across_translations::check(&files) {
        if let Some(list) = at.get(file).and_then(|&i| found.get_mut(i)) {
            list.push(finding);
        }
    }
    drop(files);
    for (report, findings) in reports.iter_mut().zip(found) {
        if let Some(translation) = &report.translation {
            let value = unit_value(translation);
            add_findings(report, findings, &value);
        }
    }
}

/// Reports a translation whose document is missing: `document` is where
/// its place says the document should be.
pub fn missing_document(report: &mut FileReport, document: &Path) {
    add_findings(report, vec![rules::no_document(document)], &Value::Null);
}

/// Adds cross-file findings to a report: located, sorted, and clearing the
/// parsed value when any is an error.
pub fn add_findings(report: &mut FileReport, findings: Vec<Finding>, value: &Value) {
    if findings
        .iter()
        .any(|f| f.severity == crate::diagnostic::Severity::Error)
    {
        report.catalog = None;
    }
    locate(&report.source, value, findings, &mut report.diagnostics);
    report.diagnostics.sort_by_key(|d| (d.line, d.column));
}

/// Enough of a translation for `unit_of` to name units: its language.
fn unit_value(translation: &Translation) -> Value {
    serde_json::json!({ "language": translation.language.as_str() })
}

/// Runs the catalog rules on a catalog report, against every valid
/// document, and adds their diagnostics to the report.
pub fn check_catalog(report: &mut FileReport, documents: &[DocumentSummary]) {
    let Some(catalog) = &report.catalog else {
        return;
    };
    let mut findings = Vec::new();
    for rule in CATALOG_RULES {
        rule.check(catalog, documents, &mut findings);
    }
    if findings
        .iter()
        .any(|f| f.severity == crate::diagnostic::Severity::Error)
    {
        report.catalog = None;
    }
    locate(
        &report.source,
        &Value::Null,
        findings,
        &mut report.diagnostics,
    );
    report.diagnostics.sort_by_key(|d| (d.line, d.column));
}

/// The longest text accepted in one string, in characters: ten times the
/// longest paragraph of any policy text we know, and small enough that the
/// text rules stay fast.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// Adds the text and number rules' findings for `value`. A whole number
/// written `1.0` is reported once, then read as the integer it is, so the
/// model and its rules still see the file.
fn read_findings(value: &mut Value, out: &mut Vec<Finding>) {
    let before = out.len();
    value_findings(value, &ValuePath::Root, out);
    if out
        .iter()
        .skip(before)
        .any(|f| NUMBER_RULES.iter().any(|r| r.code() == f.code))
    {
        rules::read_as_integers(value);
    }
}

/// Whether no text rule has anything to say about `text`: what the
/// one-pass reader asks of every string, by the same code the full
/// validator runs.
fn text_clean(text: &str) -> bool {
    let mut findings = Vec::new();
    string_findings(text, &ValuePath::Root, &mut findings);
    findings.is_empty()
}

/// Runs every text rule on every string value and every number rule on
/// every number, recursively.
fn value_findings(value: &Value, at: &ValuePath<'_>, out: &mut Vec<Finding>) {
    match value {
        Value::String(text) => string_findings(text, at, out),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                value_findings(item, &ValuePath::Index(at, i), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                value_findings(item, &ValuePath::Key(at, key), out);
            }
        }
        Value::Number(number) => {
            for rule in NUMBER_RULES {
                if let Some(v) = rule.check(number) {
                    out.push(Finding::error(rule.code(), at.pointer(), v.message).hint(v.hint));
                }
            }
        }
        Value::Null | Value::Bool(_) => {}
    }
}

/// Runs every text rule on the string `text` at `at`. A string over
/// [`MAX_TEXT_CHARS`] gets one `text-too-long` finding and no other.
fn string_findings(text: &str, at: &ValuePath<'_>, out: &mut Vec<Finding>) {
    if text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS {
        out.push(
                Finding::error(
                    "text-too-long",
                    at.pointer(),
                    format!(
                        "this text has {} characters; the limit is {MAX_TEXT_CHARS}",
                        text.chars().count()
                    ),
                )
                .hint("a text is one paragraph or heading: split it, or check that nothing was pasted twice"),
            );
        return;
    }
    let scan = rules::TextScan::of(text);
    for rule in TEXT_RULES.iter().filter(|r| r.applies(&scan)) {
        if let Some(v) = rule.check(text) {
            out.push(
                Finding::error(rule.code(), at.pointer(), v.message)
                    .at(Target::Char(v.index))
                    .hint(v.hint),
            );
        }
    }
}

/// Places findings in the text. The span index is built only here, so a
/// valid file never pays for a second parse.
fn locate(source: &SourceFile, value: &Value, findings: Vec<Finding>, out: &mut Vec<Diagnostic>) {
    if findings.is_empty() {
        return;
    }
    let index = SpanIndex::new(&source.text);
    for f in findings {
        let offset = index.offset(&f.pointer, f.target);
        let p = source.lines().position(&source.text, offset);
        let mut d = Diagnostic::new(
            f.severity,
            f.code,
            &source.path,
            f.pointer.clone(),
            f.message,
        )
        .with_position(p.line, p.column)
        .with_offset(p.offset)
        .with_unit(unit_of(value, &f.pointer));
        if let Some(hint) = f.hint {
            d = d.with_hint(hint);
        }
        out.push(d);
    }
}

/// Names the text unit a pointer falls in (`sec_2__para_1 (en)`), so a
/// translator sees which paragraph to open without reading the pointer.
pub fn unit_of(value: &Value, pointer: &str) -> Option<String> {
    let segments = source::pointer::split(pointer);
    // A translation: `/units/<id>/…` is that unit in the target language.
    if let (Some(Value::String(language)), ["units", id, ..]) = (
        value.get("language"),
        segments
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
    ) && value.get("units").is_none_or(Value::is_object)
    {
        return Some(format!("{id} ({language})"));
    }
    let mut node = value;
    let mut unit: Option<String> = None;
    let mut language = None;
    let mut in_text = false;
    for (depth, segment) in segments.iter().enumerate() {
        let next = match node {
            Value::Object(map) => map.get(segment.as_str()),
            Value::Array(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        };
        if in_text && depth + 1 == segments.len() {
            language = Some(segment.clone());
        }
        in_text = false;
        match segment.as_str() {
            "title" if depth == 0 => {
                unit = Some("title".into());
                in_text = true;
            }
            "heading" => {
                unit = unit.map(|u| format!("{u}__heading"));
                in_text = true;
            }
            "text" => in_text = true,
            _ => {}
        }
        let Some(next) = next else { break };
        if let Some(id) = next.get("id").and_then(Value::as_str)
            && (id.starts_with("sec_") || id.starts_with("preamble__"))
        {
            unit = Some(id.to_owned());
        }
        node = next;
    }
    unit.map(|u| match language {
        Some(l) => format!("{u} ({l})"),
        None => u,
    })
}
