//! gettext PO files, the format Weblate, Crowdin, Pontoon, Transifex and
//! Poedit read and write: a translation as one entry per text unit
//! (`msgctxt` the unit id, `msgid` the original in the pivot language,
//! `msgstr` the translation), and back.
//!
//! A stale unit (its original changed since it was translated) is
//! `#, fuzzy`, with the original it was translated from as the previous
//! `#| msgid`, as `msgmerge` marks it; importing a fuzzy entry keeps the
//! unit stale. Extracted comments (`#.`) show the other official languages
//! and where the unit stands in the document.
//!
//! The reader is small and strict, for the subset a translation uses
//! (contexts, single strings, flags, comments, obsolete entries), so every
//! refusal names its line and column: plural forms and malformed strings
//! are refused, never guessed at. Strings follow the gettext manual: a
//! keyword's string may continue on the following lines, and C escapes
//! (`\n`, `\t`, `\"`, `\\`, octal and hexadecimal) are decoded.

mod import;
mod read;
mod write;

pub use import::{Imported, import};
pub use read::{Catalog, Entry, PoError, parse};
pub use write::export;

use crate::model::Language;

/// The header field naming the document a PO file translates.
pub const DOCUMENT_HEADER: &str = "X-Initiative-Document";

/// The header field naming the official language the msgids are in.
pub const PIVOT_HEADER: &str = "X-Initiative-Pivot";

/// A language tag as gettext writes it (`pt_BR`, `zh_Hans`).
fn gettext_tag(language: &Language) -> String {
    language.as_str().replace('-', "_")
}

/// A gettext `Language` header value as a BCP 47 tag (`pt_BR` → `pt-BR`).
pub fn language_from_header(value: &str) -> String {
    value.trim().replace('_', "-")
}
