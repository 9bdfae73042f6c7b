//! Writes one language version of a document as Markdown: a comment saying
//! what the file is, the title, the date of adoption, the preamble and the
//! sections, every unit on one line after an anchor carrying its id.

use std::fmt::Write as _;

use super::escape::escape;
use super::{ADOPTED_ANCHOR, date_in};
use crate::model::{Document, Language, LocalizedText, UnitId, section_label, section_separator};

/// The Markdown of `document` in `language`, one of its official languages.
pub fn render(document: &Document, language: &Language) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!-- {} ({language}): made by `initiative build` from data/{}/document.json; `initiative import --from markdown` reads it back -->\n",
        document.id, document.id
    );
    let title = text(&document.title, language);
    let _ = writeln!(out, "# {}{}\n", anchor(&UnitId::title()), escape(title));
    let _ = writeln!(
        out,
        "<a id=\"{ADOPTED_ANCHOR}\"></a>{}\n",
        escape(&date_in(&document.adopted, language))
    );
    for paragraph in &document.preamble {
        paragraph_line(&mut out, &paragraph.id, &paragraph.text, language);
    }
    for section in &document.sections {
        let _ = writeln!(
            out,
            "## {}{}{}{}{}\n",
            anchor(&section.id),
            anchor(&UnitId::section_heading(section.number)),
            section_label(language, section.number),
            section_separator(language),
            escape(text(&section.heading, language)),
        );
        for paragraph in &section.paragraphs {
            paragraph_line(&mut out, &paragraph.id, &paragraph.text, language);
        }
    }
    // One final newline, not a blank line.
    out.pop();
    out
}

/// One paragraph: its anchor, its text, a blank line.
fn paragraph_line(out: &mut String, id: &UnitId, value: &LocalizedText, language: &Language) {
    let _ = writeln!(out, "{}{}\n", anchor(id), escape(text(value, language)));
}

/// The anchor of a unit, `<a id="sec_1__para_1"></a>`. Ids are slugs of
/// `[a-z0-9_]`, which need no escaping in an attribute.
fn anchor(id: &UnitId) -> String {
    format!("<a id=\"{id}\"></a>")
}

/// The text of a unit in `language`. A document that passed validation has
/// every official language in every unit (`missing-language`), so the
/// empty text is never written for one.
fn text<'a>(value: &'a LocalizedText, language: &Language) -> &'a str {
    value.get(language).unwrap_or("")
}
