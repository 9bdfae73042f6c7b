//! `initiative build`: the main job. Regenerates the schemas, validates all
//! data, and writes every export. A build with nothing changed since the
//! last one reports what that one reported, from the build cache
//! ([`crate::cache`]), and reads nothing else.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use super::output::{Drifted, ReportArgs, note, print_report, verbose};
use super::{Error, Outcome, export, schema};
use crate::cache::fingerprint::Entry;
use crate::cache::{Cache, Fresh, Inputs, Key, Verdict};
use crate::diagnostic::Diagnostic;
use crate::fsx;
use crate::project::Project;
use crate::schema::SchemaDrift;
use crate::source::load_bytes;
use crate::validate::FileReport;

/// Regenerate schemas, validate all data and write the exports.
///
/// With --check nothing is written: it fails (exit 1) if a schema or an
/// export is out of date, or the data is invalid. This is what CI runs.
///
/// When nothing in data/ or exports/ changed since the last build (same
/// tool, same options), the build cache in .initiative/cache/ answers at
/// once; --check reads it and writes nothing.
///
/// Example: initiative build --check --format github
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Write nothing; exit 1 on any drift or invalid data
    #[arg(long)]
    pub check: bool,
    /// Do not trust the build cache: validate and export everything (the cache is then written anew)
    #[arg(long)]
    pub no_cache: bool,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub publish: export::Publish,
    #[command(flatten)]
    pub lock: export::Lock,
}

/// Runs `build`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let project = super::project()?;
    let schema_dir = project.schema();
    let schema = if args.check {
        schema::drift(&schema_dir)?
    } else {
        schema::write(&schema_dir)?;
        Vec::new()
    };
    let cache = cache_of(&project, args)?;
    // With --no-cache nothing recorded is trusted, not even a hash.
    let known = match cache.as_ref().filter(|_| !args.no_cache) {
        Some(cache) => match cached(&project, cache, args)? {
            Cached::Answered(reports, clean) => {
                let drift = (project.exports(), crate::export::Drift::default());
                return Ok(report(&reports, &clean, schema, drift, args));
            }
            Cached::Full(known) => known,
        },
        None => Vec::new(),
    };
    // Only a writing run records what it read, fingerprinted before.
    let inputs = match &cache {
        Some(cache) if !args.check => cache
            .inputs(&known)
            .map_err(|e| verbose(&format!("build cache: not kept: {e}")))
            .ok(),
        _ => None,
    };
    full_build(&project, cache.as_ref().zip(inputs), schema, args)
}

/// Validates and exports everything, records the build in the cache if
/// there is one and the data is valid, and reports.
fn full_build(
    project: &Project,
    cache: Option<(&Cache, Inputs)>,
    schema: Vec<SchemaDrift>,
    args: &Args,
) -> Result<Outcome, Error> {
    let out = project.exports();
    let action = export::action(args.check);
    let exported = export::check_and_export(&[], &out, action, &args.publish, args.lock.wait()?)?;
    let checked = &exported.checked;
    let valid = checked.reports.iter().all(FileReport::is_valid);
    if let Some((cache, inputs)) = cache
        && valid
    {
        record(cache, inputs, &exported)?;
    }
    // Another run may change the exports only once they are recorded.
    drop(exported.held);
    Ok(report(
        &checked.reports,
        &checked.clean,
        schema,
        (out, exported.drift),
        args,
    ))
}

/// Records a writing build in the cache, or says why it was not.
fn record(cache: &Cache, inputs: Inputs, exported: &export::Exported) -> Result<(), Error> {
    let marker = crate::export::marker()?;
    let marker = crate::export::FileMeta::of(&marker);
    let made: HashMap<&str, (u64, &str)> = exported
        .made
        .iter()
        .chain([&marker])
        .map(|m| (m.path.as_str(), (m.size, m.sha256.as_str())))
        .collect();
    let findings: Vec<Diagnostic> = exported
        .checked
        .reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().cloned())
        .collect();
    match cache.record(inputs, &made, &findings) {
        Ok(true) => verbose(&format!(
            "build cache: recorded in {}",
            cache.folder().display()
        )),
        Ok(false) => note(
            "data/ or exports/ changed while the build ran: the build cache is not kept; the next build runs in full",
        ),
        Err(e) => note(&format!("the build cache is not kept: {e}")),
    }
    Ok(())
}

/// What the cache says of a build.
enum Cached {
    /// Nothing changed: the last build's reports, and the data files with
    /// nothing to report.
    Answered(Vec<FileReport>, Vec<PathBuf>),
    /// A full build is needed; the fingerprints of `data/` the cache knows.
    Full(Vec<Entry>),
}

/// Asks the cache whether anything changed since the last build and, if
/// not, keeps the times of the files it read again (unless only
/// checking). A writing run holds the exports' lock meanwhile, refusing
/// and waiting as it would to write.
fn cached(project: &Project, cache: &Cache, args: &Args) -> Result<Cached, Error> {
    let out = project.exports();
    let _held = if args.check {
        None
    } else {
        Some(crate::export::hold(
            &out,
            args.lock.wait()?,
            &export::waiting(&out),
        )?)
    };
    let fresh = match cache.look() {
        Verdict::Fresh(fresh) => fresh,
        Verdict::Stale { reason, known } => {
            verbose(&format!("build cache: full build: {reason}"));
            return Ok(Cached::Full(known));
        }
    };
    let Some(answered) = reports_of(project, &fresh)? else {
        verbose("build cache: full build: a file with findings is not what the last build read");
        return Ok(Cached::Full(Vec::new()));
    };
    verbose("build cache: nothing changed since the last build");
    if !args.check
        && let Err(e) = cache.refresh(&fresh)
    {
        note(&format!("the build cache is not kept: {e}"));
    }
    Ok(answered)
}

/// The reports the last build's findings make, each with its file's text
/// for the snippets, and the data files with nothing to report
/// ([`Cached::Answered`]); `None` if
/// a file with findings is not, byte for byte, the one they were found in
/// (or a finding does not fit its text).
fn reports_of(project: &Project, fresh: &Fresh) -> Result<Option<Cached>, Error> {
    let mut by_file: BTreeMap<&PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for finding in &fresh.findings {
        by_file
            .entry(&finding.file)
            .or_default()
            .push(finding.clone());
    }
    let mut reports = Vec::new();
    let mut clean = Vec::new();
    for file in crate::corpus::discover_project(&project.data())? {
        let Some(diagnostics) = by_file.remove(&file) else {
            clean.push(file);
            continue;
        };
        let bytes = fsx::read_regular(&file, fsx::Links::Refuse)
            .map_err(Error::io("cannot read", &file))?;
        if !fresh.vouches_for(project.root(), &file, &bytes) {
            return Ok(None);
        }
        let source = load_bytes(&file, &bytes).source;
        let fits = |d: &Diagnostic| d.offset.is_none_or(|o| source.text.is_char_boundary(o));
        if !diagnostics.iter().all(fits) {
            return Ok(None);
        }
        reports.push(FileReport::of_findings(source, diagnostics));
    }
    // A finding in a file the project does not hold is not the last
    // build's.
    Ok(by_file
        .is_empty()
        .then_some(Cached::Answered(reports, clean)))
}

/// Prints the report of a build; exit 1 if anything is an error or drift.
fn report(
    reports: &[FileReport],
    clean: &[PathBuf],
    schema: Vec<SchemaDrift>,
    exports: (PathBuf, crate::export::Drift),
    args: &Args,
) -> Outcome {
    let drifted = Drifted {
        schema,
        exports: Some(exports),
        command: "initiative build",
    };
    let invalid = print_report(
        reports,
        clean,
        &drifted,
        args.report.format,
        args.report.color,
    );
    if invalid {
        Outcome::Invalid
    } else {
        Outcome::Ok
    }
}

/// The build cache for this run, or `None` when the run is not cached:
/// `--base-iri` is for one run only, so such a run neither reads nor
/// records one.
fn cache_of(project: &Project, args: &Args) -> Result<Option<Cache>, Error> {
    if args.publish.base_iri.is_some() {
        verbose("build cache: not used with --base-iri");
        return Ok(None);
    }
    let flag = |on: bool| on.to_string();
    let options = [
        ("csv-bom", flag(args.publish.csv_bom)),
        ("csv-excel-safe", flag(args.publish.csv_excel_safe)),
        ("include-drafts", flag(args.publish.include_drafts)),
        (
            "SOURCE_DATE_EPOCH",
            export::source_date()?.unwrap_or_else(String::new),
        ),
        (
            crate::source::MAX_FILE_BYTES_VAR,
            crate::source::max_file_bytes().to_string(),
        ),
    ];
    match Key::new(&options) {
        Ok(key) => Ok(Some(Cache::new(project.root(), key))),
        Err(e) => {
            note(&format!("the build cache is not used: {e}"));
            Ok(None)
        }
    }
}
