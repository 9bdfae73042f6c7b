//! Writes a translation as a PO file.

use std::fmt::Write as _;

use super::{DOCUMENT_HEADER, PIVOT_HEADER, gettext_tag};
use crate::model::{Document, LocalizedText, Translation, UnitId};
use crate::translation::exchange;

/// A text unit, or a name, with the words that say where it stands (or
/// what it is).
struct Placed<'a> {
    id: String,
    place: String,
    text: &'a LocalizedText,
}

/// Every text unit of `document` in reading order, with its place.
fn placed(document: &Document) -> Vec<Placed<'_>> {
    let mut units = vec![Placed {
        id: UnitId::title().to_string(),
        place: "Title".to_owned(),
        text: &document.title,
    }];
    for (i, paragraph) in document.preamble.iter().enumerate() {
        let place = format!("Preamble, paragraph {}", i + 1);
        let (id, text) = (paragraph.id.to_string(), &paragraph.text);
        units.push(Placed { id, place, text });
    }
    for section in &document.sections {
        let n = section.number;
        let (id, text) = (UnitId::section_heading(n).to_string(), &section.heading);
        let place = format!("Section {n}, heading");
        units.push(Placed { id, place, text });
        for (i, paragraph) in section.paragraphs.iter().enumerate() {
            let place = format!("Section {n}, paragraph {}", i + 1);
            let (id, text) = (paragraph.id.to_string(), &paragraph.text);
            units.push(Placed { id, place, text });
        }
    }
    units
}

/// The name of each reference the text cites, as `name.<reference-id>`,
/// with what it is.
fn named<'a>(
    document: &'a Document,
    translation: &'a Translation,
) -> impl Iterator<Item = Placed<'a>> {
    exchange::names(document, &translation.pivot).map(|name| Placed {
        place: exchange::note(name.reference),
        text: &name.reference.name,
        id: name.id,
    })
}

/// The PO file for `translation` of `document`: the header, then one entry
/// per text unit the pivot language has, in reading order, then one per
/// name the text cites.
pub fn export(translation: &Translation, document: &Document) -> String {
    let mut po = header(translation, document);
    for unit in placed(document)
        .into_iter()
        .chain(named(document, translation))
    {
        let Some(source) = unit.text.get(&translation.pivot) else {
            continue;
        };
        po.push('\n');
        entry(&mut po, translation, &unit, source);
    }
    po
}

fn header(translation: &Translation, document: &Document) -> String {
    let fields = [
        ("Project-Id-Version", document.id.as_str().to_owned()),
        ("Language", gettext_tag(&translation.language)),
        ("MIME-Version", "1.0".to_owned()),
        ("Content-Type", "text/plain; charset=UTF-8".to_owned()),
        ("Content-Transfer-Encoding", "8bit".to_owned()),
        (DOCUMENT_HEADER, document.id.as_str().to_owned()),
        (PIVOT_HEADER, translation.pivot.as_str().to_owned()),
    ];
    let mut po = format!(
        "# {} into {}, from {}.\n# Written by `initiative translation po export`; read back with `initiative translation po import`.\nmsgid \"\"\nmsgstr \"\"\n",
        document.id, translation.language, translation.pivot
    );
    for (name, value) in fields {
        let _ = writeln!(po, "\"{}\"", escape(&format!("{name}: {value}\n")));
    }
    po
}

/// One unit's (or name's) entry: comments, flags, context, original and
/// translation.
fn entry(po: &mut String, translation: &Translation, unit: &Placed<'_>, source: &str) {
    for (language, text) in unit.text.iter() {
        if *language != translation.pivot {
            let _ = writeln!(po, "#. {language}: {}", one_line(text));
        }
    }
    let _ = writeln!(po, "#. {}", unit.place);
    let own = exchange::own(translation, &unit.id);
    if let Some(own) = own.filter(|u| !u.translation.is_empty() && u.source != source) {
        po.push_str("#, fuzzy\n");
        string(po, "#| msgid", &own.source);
    }
    string(po, "msgctxt", &unit.id);
    string(po, "msgid", source);
    string(po, "msgstr", own.map_or("", |u| u.translation.as_str()));
}

/// `keyword "string"`, split after each `\n` as gettext writes it.
fn string(po: &mut String, keyword: &str, value: &str) {
    let lines: Vec<&str> = value.split_inclusive('\n').collect();
    if lines.len() <= 1 {
        let _ = writeln!(po, "{keyword} \"{}\"", escape(value));
        return;
    }
    let _ = writeln!(po, "{keyword} \"\"");
    let prefix = if keyword.starts_with("#|") { "#| " } else { "" };
    for line in lines {
        let _ = writeln!(po, "{prefix}\"{}\"", escape(line));
    }
}

/// A comment's text on one line.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// A string's C escapes, as the gettext manual has them.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}
