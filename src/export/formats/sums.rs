//! `SHA256SUMS`: the SHA-256 of every other exported file, in the format
//! `sha256sum -c` reads (`<hex>  <path>`, one line each, path order), so a
//! portal or mirror can check a download with standard tools.

use crate::export::{
    Context, DocumentFormat, Error, ExportPath, FileInfo, FileMeta, Output, OutputFile, Role, Scope,
};
use crate::model::DocumentSummary;

/// The file's name, at the top of the export folder.
pub(super) const SUMS_FILE: &str = "SHA256SUMS";

/// Writes the checksum list of every file the formats before it produced.
pub(super) struct Sums;

impl DocumentFormat for Sums {
    fn name(&self) -> &'static str {
        "sums"
    }

    fn role(&self) -> Role {
        Role::Checksums
    }

    fn owns(&self) -> &'static [&'static str] {
        &[SUMS_FILE]
    }

    fn finish(
        &self,
        _: &Context<'_>,
        _: &[DocumentSummary],
        files: &[&FileMeta],
    ) -> Result<Vec<Output>, Error> {
        // `sha256sum` lists by name, byte for byte.
        let mut sorted: Vec<&FileMeta> = files.to_vec();
        sorted.sort_by(|a, b| a.path.as_str().cmp(b.path.as_str()));
        let mut lines = String::with_capacity(sorted.len() * 100);
        for file in sorted {
            lines.push_str(&file.sha256);
            lines.push_str("  ");
            lines.push_str(file.path.as_str());
            lines.push('\n');
        }
        let info = FileInfo::new(
            "sums",
            ("text/plain", "TXT"),
            Scope::Catalog,
            "The SHA-256 of every other file, as `sha256sum -c` reads them.",
        );
        Ok(vec![Output::File(OutputFile::new(
            ExportPath::new(SUMS_FILE)?,
            lines.into_bytes(),
            info,
        ))])
    }
}
