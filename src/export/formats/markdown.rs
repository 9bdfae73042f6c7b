//! The Markdown rendition: `markdown/<document-id>/<language>.md`, one file
//! per official language, readable on any code host, every unit after an
//! anchor carrying its id (see [`crate::markdown`] for the layout).
//! `initiative import --from markdown` reads the files back into the same
//! texts, ids and numbering.

use crate::export::{
    Context, DocumentFormat, Error, ExportPath, FileInfo, FileMeta, Output, OutputFile, Scope,
    file_stem,
};
use crate::model::Document;

/// The CommonMark specification the files follow.
const COMMONMARK: &str = "https://spec.commonmark.org/0.31.2/";

/// Writes each official language of each document as Markdown.
pub(super) struct Markdown;

impl DocumentFormat for Markdown {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn owns(&self) -> &'static [&'static str] {
        &["markdown/"]
    }

    fn document(
        &self,
        _: &Context<'_>,
        document: &Document,
        _: &[FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let stem = file_stem(document.id.as_str())?;
        let mut files = Vec::new();
        for language in &document.languages {
            // The EU file-type table has no entry for Markdown, which is
            // plain text (TXT); the media type says which text.
            let info = FileInfo::new(
                "markdown",
                ("text/markdown", "TXT"),
                Scope::Document(document.id.to_string()),
                format!(
                    "The document's {language} language version as Markdown (CommonMark), every unit anchored by its id."
                ),
            )
            .conforming(&[COMMONMARK])
            .in_language(language.clone());
            let path = ExportPath::new("markdown")?
                .join(stem)?
                .join(&format!("{language}.md"))?;
            let bytes = crate::markdown::render(document, language).into_bytes();
            files.push(Output::File(OutputFile::new(path, bytes, info)));
        }
        Ok(files)
    }
}
