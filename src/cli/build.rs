//! `initiative build`: the main job. Regenerates the schemas, validates all
//! data, and writes every export. A build with nothing changed since the
//! last one reports what that one reported, from the build cache
//! ([`crate::cache`]), and reads nothing else.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use super::output::{Drifted, ReportArgs, note, print_report, verbose};
use super::{Error, Outcome, export, schema};
use crate::cache::{Cache, Fresh, Inputs, Key, Verdict};
use crate::diagnostic::Diagnostic;
use crate::project::Project;
use crate::schema::SchemaDrift;
use crate::source::load;
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
    let verdict = cache.as_ref().filter(|_| !args.no_cache).map(Cache::look);
    let known = match verdict {
        Some(Verdict::Fresh(fresh)) => {
            return fresh_build(&project, cache.as_ref(), &fresh, schema, args);
        }
        Some(Verdict::Stale { reason, known }) => {
            verbose(&format!("build cache: full build: {reason}"));
            known
        }
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

/// Reports a build with nothing changed, as the last build reported, and
/// keeps the times of files read again (unless only checking).
fn fresh_build(
    project: &Project,
    cache: Option<&Cache>,
    fresh: &Fresh,
    schema: Vec<SchemaDrift>,
    args: &Args,
) -> Result<Outcome, Error> {
    verbose("build cache: nothing changed since the last build");
    let (reports, clean) = reports_of(project, &fresh.findings)?;
    if let Some(cache) = cache
        && !args.check
        && let Err(e) = cache.refresh(fresh)
    {
        note(&format!("the build cache is not kept: {e}"));
    }
    let drift = crate::export::Drift::default();
    Ok(report(
        &reports,
        &clean,
        schema,
        (project.exports(), drift),
        args,
    ))
}

/// The reports `findings` make, with their files' texts for the snippets,
/// and the data files with nothing to report.
fn reports_of(
    project: &Project,
    findings: &[Diagnostic],
) -> Result<(Vec<FileReport>, Vec<PathBuf>), Error> {
    let mut by_file: BTreeMap<&PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for finding in findings {
        by_file
            .entry(&finding.file)
            .or_default()
            .push(finding.clone());
    }
    let mut reports = Vec::new();
    let mut clean = Vec::new();
    for file in crate::corpus::discover_project(&project.data())? {
        match by_file.remove(&file) {
            Some(diagnostics) => {
                let loaded = load(&file).map_err(Error::io("cannot read", &file))?;
                reports.push(FileReport::of_findings(loaded.source, diagnostics));
            }
            None => clean.push(file),
        }
    }
    Ok((reports, clean))
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
