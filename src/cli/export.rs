//! `initiative export`: writes every export format into `exports/`, or checks
//! that the committed exports are current.

use std::path::{Path, PathBuf};

use super::output::{Drifted, print_report};
use super::{Color, Format};
use super::{Error, Outcome, files_of};
use crate::corpus::{Checked, Checking, Drafts, Keep};
use crate::export::formats::SHIPPED;
use crate::export::{self, Context};
use crate::model::{Catalog, Iri};

/// Write the exports for portals into exports/.
///
/// All data is validated first; invalid data writes nothing. Files are
/// staged beside the destination and moved into place only when every
/// format succeeded. With --check nothing is written: the command exits 1
/// listing each stale, missing or extra file.
///
/// Example: `initiative export --format json --base-iri https://data.example.org/initiative/`
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Formats to write, comma-separated [default: all]
    #[arg(long, value_delimiter = ',', value_parser = format_names())]
    pub format: Vec<String>,
    /// Folder to write the exports to: missing, empty, or an export tree [default: the project's exports/]
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Write nothing; exit 1 if an export is stale, missing or extra
    #[arg(long)]
    pub check: bool,
    #[command(flatten)]
    pub publish: Publish,
    #[command(flatten)]
    pub lock: Lock,
    /// How to print diagnostics and drift
    #[arg(long = "message-format", value_enum, default_value_t)]
    pub message_format: Format,
    /// When to colour human output
    #[arg(long, value_enum, default_value_t)]
    pub color: Color,
}

/// How long a writing run waits for another one, shared by `export` and
/// `build`.
#[derive(Debug, clap::Args)]
pub(super) struct Lock {
    /// Give up (exit 2) if another run still holds the exports after this many seconds [default: wait]
    #[arg(long, value_name = "SECONDS")]
    pub lock_timeout: Option<f64>,
}

impl Lock {
    /// The wait the flag asks for.
    pub(super) fn wait(&self) -> Result<export::LockWait, Error> {
        match self.lock_timeout {
            None => Ok(export::LockWait::Forever),
            Some(s) if s.is_finite() && s >= 0.0 => Ok(export::LockWait::For(
                std::time::Duration::from_secs_f64(s.min(1e9)),
            )),
            Some(s) => Err(Error::Usage(format!(
                "--lock-timeout {s}: give a number of seconds, 0 or more"
            ))),
        }
    }
}

/// The options that shape the exports, shared by `export` and `build`.
#[derive(Debug, clap::Args)]
pub(super) struct Publish {
    /// The IRI the exports are published under (ends in `/`) [default: the catalog's `base_iri`]
    #[arg(long)]
    pub base_iri: Option<String>,
    /// Start each CSV file with a UTF-8 byte order mark, for spreadsheet programs
    #[arg(long)]
    pub csv_bom: bool,
    /// Prefix CSV cells starting with = + - @ tab or CR with ' so spreadsheets show them as text
    #[arg(long)]
    pub csv_excel_safe: bool,
    /// Also export draft translations (reviewed ones always are)
    #[arg(long)]
    pub include_drafts: bool,
}

impl Publish {
    /// The IRI `--base-iri` gives, checked: a bad one is a usage error.
    fn base_iri(&self) -> Result<Option<Iri>, Error> {
        self.base_iri
            .as_deref()
            .map(Iri::base)
            .transpose()
            .map_err(|e| Error::Usage(format!("--base-iri: {e}")))
    }

    /// Which translations the run merges: drafts only with `--include-drafts`.
    fn drafts(&self) -> Drafts {
        if self.include_drafts {
            Drafts::Include
        } else {
            Drafts::Exclude
        }
    }
}

fn format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(SHIPPED.iter().map(|e| e.name()))
}

/// Runs `export`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let out = match &args.out {
        Some(out) => out.clone(),
        None => super::project()?.exports(),
    };
    refuse_mixed_tree(&args.format, &out, &args.publish)?;
    let exported = check_and_export(
        &args.format,
        &out,
        action(args.check),
        &args.publish,
        args.lock.wait()?,
    )?;
    let drifted = Drifted {
        exports: Some((out, exported.drift)),
        command: "initiative export",
        ..Drifted::default()
    };
    let invalid = exported.checked.reports.iter().any(|r| !r.is_valid());
    // For people, a run that wrote the exports is quiet unless something
    // is wrong; a machine always gets its report.
    if args.message_format != Format::Human || invalid || !drifted.is_empty() {
        let checked = &exported.checked;
        let failed = print_report(
            &checked.reports,
            &checked.clean,
            &drifted,
            args.message_format,
            args.color,
        );
        if failed {
            return Ok(Outcome::Invalid);
        }
    }
    Ok(Outcome::Ok)
}

/// Refuses a partial run into an existing export tree with a flag that
/// would make its formats disagree with the ones it leaves as they are:
/// `--base-iri` and `--include-drafts` change every format, the CSV flags
/// change nothing unless CSV is written.
fn refuse_mixed_tree(formats: &[String], out: &Path, publish: &Publish) -> Result<(), Error> {
    let existing = std::fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_some());
    if formats.is_empty() || !existing {
        return Ok(());
    }
    let written = export::closure(SHIPPED, formats)?;
    let csv = written.iter().any(|f| f.name() == "csv");
    let flag = if publish.base_iri.is_some() {
        Some("--base-iri")
    } else if publish.include_drafts {
        Some("--include-drafts")
    } else if publish.csv_bom && !csv {
        Some("--csv-bom")
    } else if publish.csv_excel_safe && !csv {
        Some("--csv-excel-safe")
    } else {
        None
    };
    match flag {
        Some(flag) => Err(Error::Usage(format!(
            "{flag} with --format {} into {}: the formats this run leaves as they are would disagree with the ones it writes; run without --format, or into an empty --out",
            formats.join(","),
            out.display()
        ))),
        None => Ok(()),
    }
}

/// The variable reproducible builds use to fix the time a build reports.
const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// The export time from `SOURCE_DATE_EPOCH` as RFC 3339 UTC, or `None` when
/// it is unset or empty.
pub(super) fn source_date() -> Result<Option<String>, Error> {
    let Some(value) = std::env::var_os(SOURCE_DATE_EPOCH) else {
        return Ok(None);
    };
    let value = value.to_string_lossy();
    if value.is_empty() {
        return Ok(None);
    }
    let invalid = || Error::SourceDateEpoch(value.to_string());
    let seconds: i64 = value.parse().map_err(|_| invalid())?;
    let time = time::OffsetDateTime::from_unix_timestamp(seconds).map_err(|_| invalid())?;
    if time.year() > 9999 || seconds < 0 {
        return Err(invalid());
    }
    time.format(&time::format_description::well_known::Rfc3339)
        .map(Some)
        .map_err(|_| invalid())
}

/// What an export run found: the validation reports and, for a check on
/// valid data, how the files on disk differ.
pub(super) struct Exported {
    pub checked: Checked,
    pub drift: export::Drift,
    /// Every file a writing run made, described (none when the data is
    /// invalid).
    pub made: Vec<export::FileMeta>,
    /// The destination's lock, still held after a writing run.
    pub held: Option<export::Held>,
}

/// Validates every file under `data/` and writes (or, with
/// [`export::Action::Check`], compares) the exports of the documents, streamed: a batch of documents
/// is checked and exported at a time, so memory does not grow with the
/// corpus. If the data is invalid, nothing is written.
pub(super) fn check_and_export(
    formats: &[String],
    out: &Path,
    action: export::Action,
    publish: &Publish,
    lock: export::LockWait,
) -> Result<Exported, Error> {
    let mut checking = Checking::new(&files_of(&[])?, Keep::Findings, publish.drafts())?;
    let (catalog, base_iri) = published(publish, &mut checking)?;
    // A catalog held back for a bad IRI makes the run invalid once its
    // rules run; until then no document is exported without it.
    let withheld = checking.catalog().is_some() && catalog.is_none();
    let context = Context {
        catalog: catalog.as_ref(),
        base_iri: &base_iri,
        csv_bom: publish.csv_bom,
        csv_excel_safe: publish.csv_excel_safe,
        created: source_date()?,
    };
    // The staging folder is dropped, unused, if the data turns out invalid.
    let disk = export::Disk::open(out, action, lock, &waiting(out))?;
    // A run into a tree writes the formats asked for and the ones that
    // describe them.
    let written: Vec<String> = if formats.is_empty() {
        Vec::new()
    } else {
        export::closure(SHIPPED, formats)?
            .iter()
            .map(|f| f.name().to_owned())
            .collect()
    };
    let mut run = export::ExportRun::new(context, SHIPPED, &written, disk)?;
    while let Some(documents) = checking.next_batch()? {
        // Once a file has an error nothing will be written; the rest is
        // still checked, so every problem is reported.
        if checking.is_valid() && !withheld {
            run.add(&documents)?;
        }
    }
    let checked = checking.finish()?;
    if checked.reports.iter().any(|r| !r.is_valid()) {
        return Ok(Exported {
            checked,
            drift: export::Drift::default(),
            made: Vec::new(),
            held: None,
        });
    }
    let (disk, made) = run.finish(&checked.metadata)?;
    let (drift, held) = disk.finish_held()?;
    Ok(Exported {
        checked,
        made,
        held,
        // A writing run has put right what differed.
        drift: match action {
            export::Action::Check => drift,
            export::Action::Write => export::Drift::default(),
        },
    })
}

/// What a writing run says before it waits for another one's lock on
/// `out`.
pub(super) fn waiting(out: &Path) -> impl Fn(&Path) + '_ {
    move |path: &Path| {
        super::output::note(&format!(
            "waiting for another run to finish with {} (lock {})",
            out.display(),
            path.display()
        ));
    }
}

/// The catalog the exports may use and the base IRI they are published
/// under: `--base-iri`, checked, or else the catalog's.
fn published(publish: &Publish, checking: &mut Checking) -> Result<(Option<Catalog>, Iri), Error> {
    let flag = publish.base_iri()?;
    if let Some(iri) = &flag
        && let Some(lasting) = checking.override_base_iri(iri)
    {
        super::output::note(&format!(
            "--base-iri is for this run only: data/catalog.json says `{lasting}`, which the next run without the flag uses again; set \"base_iri\" there to keep `{iri}`"
        ));
    }
    // A catalog with a bad IRI fails `catalog-iri`, so nothing is written;
    // the exports never see its values.
    let catalog = checking.catalog().filter(|c| c.iris().is_ok()).cloned();
    let base_iri = match (flag, &catalog) {
        (Some(iri), _) => iri,
        (None, Some(catalog)) => {
            Iri::base(&catalog.base_iri).unwrap_or_else(|_| Iri::default_base())
        }
        (None, None) => Iri::default_base(),
    };
    Ok((catalog, base_iri))
}

/// What a run does with the export tree: `--check` only compares.
pub(super) fn action(check: bool) -> export::Action {
    if check {
        export::Action::Check
    } else {
        export::Action::Write
    }
}
