//! `initiative new`: scaffolds a valid skeleton document and its catalog
//! entry in the current project.

use super::output::{ReportArgs, print_reports};
use super::{Error, Outcome, output};
use crate::model::{Date, DocumentId, Language};
use crate::scaffold;
use crate::validate::CATALOG_FILE;

/// Start a document: a valid skeleton and its entry in data/catalog.json.
///
/// Writes data/ID/document.json with one preamble paragraph and one section
/// in every language given, each text a `TODO: …` placeholder, and adds ID
/// to the catalog's datasets. `validate` and `build` pass right after. An
/// existing document is replaced only with --force.
///
/// Example: initiative new paris-statement --languages fr,en
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The document's id, a lowercase slug; it names its folder under data/
    id: String,
    /// Its official languages, in the publication's order (BCP 47)
    #[arg(long, value_delimiter = ',', required = true, value_name = "LANG,…")]
    languages: Vec<String>,
    /// Its date of adoption [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    adopted: Option<String>,
    /// Replace an existing document with the skeleton
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    report: ReportArgs,
}

/// Runs `new`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let project = super::project()?;
    let id = document_id(&args.id)?;
    let languages = languages(&args.languages)?;
    let adopted = match &args.adopted {
        Some(text) => crate::markdown::parse_date(text)
            .ok_or_else(|| Error::Usage(format!("`{text}` is not a date: write YYYY-MM-DD")))?,
        None => today(),
    };
    let path = scaffold::document_path(&project.data(), &id, args.force)?;
    let catalog = project.data().join(CATALOG_FILE);
    let catalog_bytes = scaffold::catalog_with(&catalog, &id, &languages)?;
    let document = scaffold::skeleton(id.clone(), languages, adopted);
    let bytes = scaffold::to_json(&document);
    let report = scaffold::validate(&path, &bytes)?;
    if !report.is_valid() {
        print_reports(&[report], &[], args.report.format, args.report.color);
        return Ok(Outcome::Invalid);
    }
    scaffold::write(
        &path,
        &bytes,
        catalog_bytes.as_deref().map(|b| (catalog.as_path(), b)),
    )?;
    output::note(&format!(
        "wrote {} (a skeleton: replace each `TODO: …`){}",
        path.display(),
        if catalog_bytes.is_some() {
            format!(" and described `{id}` in {}", catalog.display())
        } else {
            String::new()
        }
    ));
    output::note(&format!(
        "next: write the texts in it, or `initiative build` and edit exports/markdown/{id}/*.md, then `initiative import --from markdown … --id {id} --force`"
    ));
    Ok(Outcome::Ok)
}

/// Today's date in UTC.
fn today() -> Date {
    let date = time::OffsetDateTime::now_utc().date();
    Date::new(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    ))
}

/// `id`, if it is a document id the tool takes.
pub(super) fn document_id(id: &str) -> Result<DocumentId, Error> {
    if !scaffold::is_slug(id) {
        return Err(Error::Usage(format!(
            "`{id}` is not a document id: use lowercase letters, digits and single hyphens, at most {} characters (`paris-statement`)",
            crate::model::SLUG_MAX_LENGTH
        )));
    }
    if crate::validate::rules::RESERVED_NAMES.contains(&id) {
        return Err(Error::Usage(format!(
            "`{id}` is a device name Windows reserves, so it cannot name a folder: choose another id"
        )));
    }
    Ok(DocumentId::new(id))
}

/// `tags` as official languages: each usable, none twice, at least one.
pub(super) fn languages(tags: &[String]) -> Result<Vec<Language>, Error> {
    let mut languages: Vec<Language> = Vec::new();
    for tag in tags {
        if !Language::is_usable(tag) {
            return Err(Error::Usage(match Language::suggestion(tag) {
                Some(s) => format!(
                    "`{tag}` is not a BCP 47 language tag in canonical form: did you mean `{s}`?"
                ),
                None => format!(
                    "`{tag}` is not a language tag the tool takes (e.g. `zh-Hans`, `en`, `fr`, `pt-BR`)"
                ),
            }));
        }
        let language = Language::new(tag);
        if languages.contains(&language) {
            return Err(Error::Usage(format!("`{tag}` is given twice")));
        }
        languages.push(language);
    }
    if languages.is_empty() {
        return Err(Error::Usage("give at least one language".into()));
    }
    Ok(languages)
}
