//! Reads one language version of a document from Markdown in the layout
//! [`super::render`] writes, or a hand-made file close to it: the title
//! (`# `), the date of adoption, the preamble paragraphs, and sections
//! (`## ` with a number label) with their paragraphs. Anchors are optional;
//! where present they must carry the id the unit's position gives, since
//! ids are never renamed. Every problem is a located diagnostic.

use std::path::Path;

use super::escape::unescape;
use super::{ADOPTED_ANCHOR, label::split_label, parse_date};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Date, UnitId};
use crate::source::LineIndex;

/// A block that fits nowhere in a document: text before the title, a
/// second title, a heading of another level, a section without paragraphs.
pub const MARKDOWN_STRUCTURE: &str = "markdown-structure";
/// An anchor whose id is not the one its unit's position gives.
pub const MARKDOWN_ANCHOR: &str = "markdown-anchor";
/// A missing or unreadable date of adoption.
pub const MARKDOWN_DATE: &str = "markdown-date";
/// A section heading without a number label, or numbered out of order.
pub const MARKDOWN_NUMBERING: &str = "markdown-numbering";

/// A value read from a file, with where it starts there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// The byte offset of its first character in the file.
    pub offset: usize,
}

/// One section as read: its number, heading and paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionText {
    /// The number its label gives, where the heading starts.
    pub number: Located<u32>,
    /// The heading, without its label.
    pub heading: String,
    /// The paragraphs, in order.
    pub paragraphs: Vec<Located<String>>,
}

/// One language version of a document, as a Markdown file gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendition {
    /// The title.
    pub title: Located<String>,
    /// The date of adoption.
    pub adopted: Located<Date>,
    /// The preamble paragraphs.
    pub preamble: Vec<Located<String>>,
    /// The sections.
    pub sections: Vec<SectionText>,
    /// The end of the file's last text, where a missing part would be.
    pub end: usize,
}

/// Reads `text`, the file at `path` (named in diagnostics).
pub fn read(path: &Path, text: &str) -> Result<Rendition, Vec<Diagnostic>> {
    let mut reader = Reader {
        path,
        text,
        lines: LineIndex::new(text),
        title: None,
        adopted: None,
        preamble: Vec::new(),
        sections: Vec::new(),
        problems: Vec::new(),
    };
    for block in blocks(text) {
        reader.block(&block);
    }
    reader.finish()
}

/// A heading (with its level) or a paragraph, with its raw content and the
/// byte offset where the content starts.
struct Block {
    level: Option<usize>,
    content: String,
    offset: usize,
}

/// The blocks of `text`: headings are one line; a paragraph runs to a blank
/// line, a heading or a comment, its lines joined by a space. Comment lines
/// (`<!-- … -->`) are skipped. White space at both ends of a line is
/// dropped, as CommonMark drops it; the writer encodes the white space a
/// text has there.
fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    let mut start = 0;
    for raw in text.split('\n') {
        let line_start = start;
        start += raw.len() + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let content = line.trim_start_matches([' ', '\t']);
        let offset = line_start + (line.len() - content.len());
        let content = content.trim_end_matches([' ', '\t']);
        let comment = content.starts_with("<!--") && content.ends_with("-->");
        if content.is_empty() || comment {
            blocks.extend(open.take());
        } else if let Some((level, heading, skipped)) = atx(content) {
            blocks.extend(open.take());
            blocks.push(Block {
                level: Some(level),
                content: heading.to_owned(),
                offset: offset + skipped,
            });
        } else if let Some(block) = open.as_mut() {
            block.content.push(' ');
            block.content.push_str(content);
        } else {
            open = Some(Block {
                level: None,
                content: content.to_owned(),
                offset,
            });
        }
    }
    blocks.extend(open);
    blocks
}

/// An ATX heading: its level, its content without the optional closing
/// `#`s, and the bytes before the content.
fn atx(line: &str) -> Option<(usize, &str, usize)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    let rest = line.get(level..)?;
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let content = rest.trim_start_matches([' ', '\t']);
    let skipped = line.len() - content.len();
    let closed = content.trim_end_matches('#');
    let content = if closed.len() < content.len() && (closed.is_empty() || closed.ends_with(' ')) {
        closed.trim_end_matches([' ', '\t'])
    } else {
        content
    };
    Some((level, content, skipped))
}

/// The ids of the anchors a block starts with (`<a id="…"></a>` or
/// `<a name="…"></a>`), each with its byte offset in the content, and the
/// rest.
fn anchors(content: &str) -> (Vec<(String, usize)>, &str) {
    let mut found = Vec::new();
    let mut rest = content;
    while let Some(after) = rest
        .strip_prefix("<a id=\"")
        .or_else(|| rest.strip_prefix("<a name=\""))
    {
        let Some((id, tail)) = after.split_once("\"></a>") else {
            break;
        };
        found.push((id.to_owned(), content.len() - rest.len()));
        rest = tail;
    }
    (found, rest)
}

/// What has been read so far, and the problems met.
struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
    lines: LineIndex,
    title: Option<Located<String>>,
    adopted: Option<Located<Date>>,
    preamble: Vec<Located<String>>,
    sections: Vec<SectionText>,
    problems: Vec<Diagnostic>,
}

impl Reader<'_> {
    /// Takes one block in.
    fn block(&mut self, block: &Block) {
        let (ids, rest) = anchors(&block.content);
        let at = block.offset + (block.content.len() - rest.len());
        let text = Located {
            value: unescape(rest),
            offset: at,
        };
        match block.level {
            Some(1) => self.title(block, &ids, text),
            Some(2) => self.section(block, &ids, &text),
            Some(level) => self.problem(
                (block.offset, ""),
                MARKDOWN_STRUCTURE,
                format!("a heading of level {level} fits nowhere in a document"),
                "the title is `# `, each section `## `; a unit that is not a heading is a paragraph",
            ),
            None => self.paragraph(block, &ids, text),
        }
    }

    fn title(&mut self, block: &Block, ids: &[(String, usize)], text: Located<String>) {
        if self.title.is_some() {
            return self.problem(
                (block.offset, "/title"),
                MARKDOWN_STRUCTURE,
                "a second title: a document has one",
                "make it a section (`## `) or a paragraph",
            );
        }
        self.anchors_are(
            block,
            ids,
            &[UnitId::title().as_str()],
            ("the title", "/title"),
        );
        self.title = Some(text);
    }

    fn section(&mut self, block: &Block, ids: &[(String, usize)], text: &Located<String>) {
        if self.title.is_none() {
            return self.before_title(block);
        }
        let pointer = format!("/sections/{}", self.sections.len());
        let Some((number, heading)) = split_label(&text.value) else {
            return self.problem(
                (text.offset, &pointer),
                MARKDOWN_NUMBERING,
                "this section heading has no number label",
                "start it with its number in the language's style: `I. `, `一、`, `1. `, `Article 1`, `第一条`",
            );
        };
        let expected = u32::try_from(self.sections.len() + 1).unwrap_or(u32::MAX);
        if number != expected {
            self.problem(
                (text.offset, &pointer),
                MARKDOWN_NUMBERING,
                format!("section {number} where section {expected} comes next"),
                "sections are numbered from 1 without gaps",
            );
        }
        let own = [
            UnitId::section(number).to_string(),
            UnitId::section_heading(number).to_string(),
        ];
        self.anchors_are(block, ids, &[&own[0], &own[1]], ("this section", &pointer));
        self.sections.push(SectionText {
            number: Located {
                value: number,
                offset: text.offset,
            },
            heading: heading.to_owned(),
            paragraphs: Vec::new(),
        });
    }

    fn paragraph(&mut self, block: &Block, ids: &[(String, usize)], text: Located<String>) {
        if self.title.is_none() {
            return self.before_title(block);
        }
        let last = self.sections.len().checked_sub(1);
        if let Some((i, section)) = last.zip(self.sections.last_mut()) {
            let n = section.paragraphs.len();
            let id = UnitId::section_paragraph(section.number.value, n + 1);
            section.paragraphs.push(text);
            let pointer = format!("/sections/{i}/paragraphs/{n}");
            return self.anchors_are(block, ids, &[id.as_str()], ("this paragraph", &pointer));
        }
        let dated = ids.iter().any(|(id, _)| id == ADOPTED_ANCHOR);
        if self.adopted.is_none()
            && (dated || (ids.is_empty() && parse_date(&text.value).is_some()))
        {
            return self.date(block, ids, &text);
        }
        let pointer = format!("/preamble/{}", self.preamble.len());
        let id = UnitId::preamble_paragraph(self.preamble.len() + 1);
        self.preamble.push(text);
        self.anchors_are(block, ids, &[id.as_str()], ("this paragraph", &pointer));
    }

    fn date(&mut self, block: &Block, ids: &[(String, usize)], text: &Located<String>) {
        self.anchors_are(
            block,
            ids,
            &[ADOPTED_ANCHOR],
            ("the date of adoption", "/adopted"),
        );
        match parse_date(&text.value) {
            Some(date) => {
                self.adopted = Some(Located {
                    value: date,
                    offset: text.offset,
                });
            }
            None => self.problem(
                (text.offset, "/adopted"),
                MARKDOWN_DATE,
                format!("`{}` is not a date of adoption", text.value),
                "write it as 2026-05-12, 12 May 2026 or 2026年5月12日",
            ),
        }
    }

    fn before_title(&mut self, block: &Block) {
        self.problem(
            (block.offset, ""),
            MARKDOWN_STRUCTURE,
            "text before the title fits nowhere in a document",
            "start the file with the title, `# ` and the title",
        );
    }

    /// Each anchor of `block` must be one of `own`, the ids of its unit.
    fn anchors_are(
        &mut self,
        block: &Block,
        ids: &[(String, usize)],
        own: &[&str],
        (what, pointer): (&str, &str),
    ) {
        for (id, at) in ids {
            if !own.contains(&id.as_str()) {
                self.problem(
                    (block.offset + at, pointer),
                    MARKDOWN_ANCHOR,
                    format!("the anchor `{id}` is on {what}, whose id is `{}`", own.join("`, `")),
                    "ids come from positions and are never renamed: put the unit back in its place, or drop the anchor of a unit you added",
                );
            }
        }
    }

    /// A problem at `offset` in the file, about the part of the document
    /// at `pointer` (`/sections/1`), where there is one.
    fn problem(
        &mut self,
        (offset, pointer): (usize, &str),
        code: &str,
        message: impl Into<String>,
        hint: &str,
    ) {
        let position = self.lines.position(self.text, offset);
        self.problems.push(
            Diagnostic::new(Severity::Error, code, self.path, pointer, message)
                .with_position(position.line, position.column)
                .with_offset(position.offset)
                .with_hint(hint),
        );
    }

    /// The rendition, or every problem met.
    fn finish(mut self) -> Result<Rendition, Vec<Diagnostic>> {
        // Where a missing part would go: after the last text, not on the
        // empty line after the final newline.
        let end = self.text.trim_end().len();
        if self.title.is_none() {
            self.problem(
                (end, "/title"),
                MARKDOWN_STRUCTURE,
                "no title",
                "start the file with `# ` and the title",
            );
        }
        if self.adopted.is_none() {
            self.problem(
                (end, "/adopted"),
                MARKDOWN_DATE,
                "no date of adoption",
                "write it after the title, as 2026-05-12, 12 May 2026 or 2026年5月12日",
            );
        }
        if self.sections.is_empty() {
            self.problem(
                (end, "/sections"),
                MARKDOWN_STRUCTURE,
                "no section: a document has at least one",
                "add one: `## I. ` and its heading, then its paragraphs",
            );
        }
        let empty: Vec<(usize, String)> = self
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.paragraphs.is_empty())
            .map(|(i, s)| (s.number.offset, format!("/sections/{i}/paragraphs")))
            .collect();
        for (offset, pointer) in empty {
            self.problem(
                (offset, &pointer),
                MARKDOWN_STRUCTURE,
                "this section has no paragraph",
                "add its paragraphs after the heading, a blank line between each",
            );
        }
        match (self.title, self.adopted) {
            (Some(title), Some(adopted)) if self.problems.is_empty() => Ok(Rendition {
                title,
                adopted,
                preamble: self.preamble,
                sections: self.sections,
                end,
            }),
            _ => Err(self.problems),
        }
    }
}
