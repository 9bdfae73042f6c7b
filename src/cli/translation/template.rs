//! `initiative translation template`: writes a ready-to-fill translation
//! file for a new language.

use super::{Error, Outcome, document, language, translation_path};
use crate::translation::{default_pivot, template, to_json};

/// Write a translation file to fill in, for a language not yet translated.
///
/// Every unit of the document is listed in reading order with its `source`
/// (the pivot text) filled in and an empty `translation`, and under `names`
/// every name the document cites, to be rendered as the translation names
/// it. Fill in your name
/// under `translators`, then each `translation`, and run
/// `initiative translation check` as you go.
///
/// Example: initiative translation template --lang es
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The language to translate into (BCP 47: fr, es, ar, pt-BR, …)
    #[arg(long)]
    lang: String,
    /// The official language to translate from [default: en, or the first official language]
    #[arg(long)]
    from: Option<String>,
    /// The document to translate [default: the only document]
    #[arg(long)]
    document: Option<String>,
    /// Overwrite an existing translation file
    #[arg(long)]
    force: bool,
}

/// Runs `translation template`.
pub(super) fn run(args: &Args) -> Result<Outcome, Error> {
    let document = document(args.document.as_deref())?;
    let target = language(&args.lang)?;
    if document.languages.contains(&target) {
        return Err(Error::Usage(format!(
            "`{target}` is an official language of `{}`: its text is the original, not a translation",
            document.id
        )));
    }
    let pivot = match &args.from {
        Some(tag) => language(tag)?,
        None => default_pivot(&document)
            .ok_or_else(|| Error::Usage("the document has no official language".into()))?,
    };
    if !document.languages.contains(&pivot) {
        let official: Vec<&str> = document
            .languages
            .iter()
            .map(crate::model::Language::as_str)
            .collect();
        return Err(Error::Usage(format!(
            "`{pivot}` is not an official language of `{}`: translate from one of {}",
            document.id,
            official.join(", ")
        )));
    }
    let path = translation_path(&document, &target)?;
    if path.exists() && !args.force {
        return Err(Error::Usage(format!(
            "{} already exists: edit it, or pass --force to start over",
            path.display()
        )));
    }
    let translation = template(&document, &target, &pivot);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(Error::io("cannot create", parent))?;
    }
    crate::fsx::write_atomic(&path, &to_json(&translation, &document))
        .map_err(Error::io("cannot write", &path))?;
    crate::cli::output::note(&format!(
        "wrote {} ({} units and {} names from {pivot}); fill in \"translators\" and each \"translation\", then run `initiative translation check`",
        path.display(),
        translation.units.len(),
        translation.names.len()
    ));
    Ok(Outcome::Ok)
}
