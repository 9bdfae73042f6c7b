//! Rule `reserved-name`: a document id is not a name Windows reserves for
//! a device (`con`, `nul`, `com1`, …). The id names export files, and a
//! portal or contributor on Windows could not create or open them.

use std::path::Path;

use super::DocumentRule;
use crate::model::Document;
use crate::validate::Finding;

/// Names Windows reserves in every folder, whatever the extension.
pub const RESERVED_NAMES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Refuses reserved device names as document ids.
pub(super) struct ReservedName;

impl DocumentRule for ReservedName {
    fn code(&self) -> &'static str {
        "reserved-name"
    }

    fn summary(&self) -> &'static str {
        "a document id is not a Windows device name (con, nul, com1, …)"
    }

    fn check(&self, document: &Document, _: &Path, out: &mut Vec<Finding>) {
        if RESERVED_NAMES.contains(&document.id.as_str()) {
            out.push(
                Finding::error(
                    self.code(),
                    "/id",
                    format!(
                        "`{}` is a device name on Windows: its export files could not be created there",
                        document.id
                    ),
                )
                .hint("choose a longer id, such as the document's name in a few words"),
            );
        }
    }
}
