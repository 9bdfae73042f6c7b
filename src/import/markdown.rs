//! Puts the Markdown renditions of a document's languages together: reads
//! each (see [`crate::markdown::read`]), checks that they align unit by
//! unit with the first, and gives the texts of every unit in every
//! language.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Severity};
use crate::markdown::{Rendition, read};
use crate::model::{Date, Language, LocalizedText, Paragraph, Section, UnitId};
use crate::source::LineIndex;

/// Languages whose files do not have the same units, or not the same date.
pub const MARKDOWN_ALIGNMENT: &str = "markdown-alignment";

/// One file to import and the language it is in.
#[derive(Clone, Debug)]
pub struct Input {
    /// The file, as named on the command line.
    pub path: PathBuf,
    /// Its language.
    pub language: Language,
    /// Its text.
    pub text: String,
}

/// The texts of a document, in every language given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Texts {
    /// The languages, in the order of the files.
    pub languages: Vec<Language>,
    /// The title.
    pub title: LocalizedText,
    /// The date of adoption.
    pub adopted: Date,
    /// The preamble.
    pub preamble: Vec<Paragraph>,
    /// The sections.
    pub sections: Vec<Section>,
}

/// The texts `inputs` give, or every problem in them, located in the file
/// where it is.
pub fn texts(inputs: &[Input]) -> Result<Texts, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut read_files = Vec::new();
    for input in inputs {
        match read(&input.path, &input.text) {
            Ok(rendition) => read_files.push((input, rendition)),
            Err(found) => problems.extend(found),
        }
    }
    if let Some((first, reference)) = read_files.first() {
        let there = first.path.display().to_string();
        for (input, rendition) in read_files.iter().skip(1) {
            let against = (*first, reference, there.as_str());
            align(
                against,
                (input, rendition),
                MARKDOWN_ALIGNMENT,
                &mut problems,
            );
        }
    }
    if !problems.is_empty() || read_files.is_empty() {
        return Err(problems);
    }
    Ok(assemble(&read_files))
}

/// Compares `other` with `first` (named `there` in messages), unit
/// counts and date; a difference is a `code` error in `other`.
pub(super) fn align(
    first: (&Input, &Rendition, &str),
    other: (&Input, &Rendition),
    code: &str,
    out: &mut Vec<Diagnostic>,
) {
    let (reference, expected, there) = first;
    // A Markdown file is one language; a capture holds every language.
    let noun = if code == MARKDOWN_ALIGNMENT {
        "file"
    } else {
        "text"
    };
    let (input, got) = other;
    let lines = LineIndex::new(&input.text);
    let mut problem = |offset: usize, pointer: &str, message: String| {
        let position = lines.position(&input.text, offset);
        out.push(
            Diagnostic::new(Severity::Error, code, &input.path, pointer, message)
                .with_position(position.line, position.column)
                .with_offset(position.offset)
                .with_hint(format!(
                    "the language versions align unit by unit: give this {noun} ({}) the units of {there} ({})",
                    input.language, reference.language
                )),
        );
    };
    for (offset, pointer, (what, here, theirs)) in differences(expected, got) {
        problem(
            offset,
            &pointer,
            format!("{here} {what} here, {theirs} in {there}"),
        );
    }
}

/// Where `got` differs from `expected`: the offset, the part of the
/// document, what differs, and the two values.
type Difference = (usize, String, (String, String, String));

fn differences(expected: &Rendition, got: &Rendition) -> Vec<Difference> {
    let mut found = Vec::new();
    if got.adopted.value != expected.adopted.value {
        found.push((
            got.adopted.offset,
            "/adopted".to_owned(),
            (
                "as the date of adoption".to_owned(),
                got.adopted.value.to_string(),
                expected.adopted.value.to_string(),
            ),
        ));
    }
    let first_section = got.sections.first().map_or(got.end, |s| s.number.offset);
    if let Some(offset) = mismatch(&got.preamble, expected.preamble.len(), first_section) {
        let counts = (got.preamble.len(), expected.preamble.len());
        found.push((
            offset,
            "/preamble".to_owned(),
            (
                "preamble paragraphs".to_owned(),
                counts.0.to_string(),
                counts.1.to_string(),
            ),
        ));
    }
    if got.sections.len() != expected.sections.len() {
        let offset = got
            .sections
            .get(expected.sections.len())
            .or(got.sections.last())
            .map_or(got.end, |s| s.number.offset);
        let counts = (got.sections.len(), expected.sections.len());
        found.push((
            offset,
            "/sections".to_owned(),
            (
                "sections".to_owned(),
                counts.0.to_string(),
                counts.1.to_string(),
            ),
        ));
    }
    for (i, (section, twin)) in got.sections.iter().zip(&expected.sections).enumerate() {
        // A short section is shown at its heading.
        let heading = section.number.offset;
        if let Some(offset) = mismatch(&section.paragraphs, twin.paragraphs.len(), heading) {
            let what = format!("paragraphs in section {}", section.number.value);
            let counts = (section.paragraphs.len(), twin.paragraphs.len());
            let pointer = format!("/sections/{i}/paragraphs");
            found.push((
                offset,
                pointer,
                (what, counts.0.to_string(), counts.1.to_string()),
            ));
        }
    }
    found
}

/// Where a list of `expected` units goes wrong: its first extra unit, or
/// `after` when it is short.
fn mismatch<T>(
    got: &[crate::markdown::Located<T>],
    expected: usize,
    after: usize,
) -> Option<usize> {
    (got.len() != expected).then(|| got.get(expected).map_or(after, |unit| unit.offset))
}

/// The texts of aligned renditions.
pub(super) fn assemble(files: &[(&Input, Rendition)]) -> Texts {
    let text_of = |pick: &dyn Fn(&Rendition) -> Option<&str>| {
        LocalizedText::from_pairs(files.iter().filter_map(|(input, rendition)| {
            pick(rendition).map(|text| (input.language.to_string(), text.to_owned()))
        }))
    };
    let first = files.first().map(|(_, r)| r);
    let preamble = (0..first.map_or(0, |r| r.preamble.len()))
        .map(|i| Paragraph {
            id: UnitId::preamble_paragraph(i + 1),
            text: text_of(&|r| r.preamble.get(i).map(|p| p.value.as_str())),
        })
        .collect();
    // No file read means no sections, as it means no preamble.
    let sections = first
        .map(|r| r.sections.as_slice())
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, section)| {
            let number = section.number.value;
            Section {
                id: UnitId::section(number),
                number,
                heading: text_of(&|r| r.sections.get(i).map(|s| s.heading.as_str())),
                paragraphs: (0..section.paragraphs.len())
                    .map(|j| Paragraph {
                        id: UnitId::section_paragraph(number, j + 1),
                        text: text_of(&|r| {
                            r.sections
                                .get(i)
                                .and_then(|s| s.paragraphs.get(j))
                                .map(|p| p.value.as_str())
                        }),
                    })
                    .collect(),
            }
        })
        .collect();
    Texts {
        languages: files
            .iter()
            .map(|(input, _)| input.language.clone())
            .collect(),
        title: text_of(&|r| Some(r.title.value.as_str())),
        adopted: first.map_or_else(|| Date::new(""), |r| r.adopted.value.clone()),
        preamble,
        sections,
    }
}
