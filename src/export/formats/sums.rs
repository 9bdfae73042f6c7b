//! `SHA256SUMS`: the SHA-256 of every other exported file, in the format
//! `sha256sum -c` reads (`<hex>  <path>`, one line each, path order), so a
//! portal or mirror can check a download with standard tools.

use crate::export::{Context, Error, Exporter, FileInfo, FileMeta, OutputFile, Piece, Role, Scope};
use crate::model::DocumentSummary;

/// The file's name, at the top of the export folder.
pub(super) const SUMS_FILE: &str = "SHA256SUMS";

/// Writes the checksum list of every file the formats before it produced.
pub(super) struct Sums;

impl Exporter for Sums {
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
        files: &[FileMeta],
    ) -> Result<Vec<Piece>, Error> {
        let mut lines: Vec<String> = files
            .iter()
            .map(|file| {
                let path = file.path.to_string_lossy().replace('\\', "/");
                format!("{}  {path}\n", file.sha256)
            })
            .collect();
        lines.sort_by(|a, b| a[66..].cmp(&b[66..]));
        let info = FileInfo::new(
            "sums",
            ("text/plain", "TXT"),
            Scope::Catalog,
            "The SHA-256 of every other file, as `sha256sum -c` reads them.",
        );
        Ok(vec![Piece::File(OutputFile::new(
            SUMS_FILE,
            lines.concat().into_bytes(),
            info,
        ))])
    }
}
