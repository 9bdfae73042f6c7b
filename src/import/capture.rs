//! Reads a web page saved as text, in the layout of the shipped capture
//! (`tests/fixtures/source/hangzhou-initiative-2026-05-12.txt`): the page
//! chrome (a tag line, the headline, a `发布时间:… 来源:… 阅读:N` line),
//! then each language's text in turn (title, date line, preamble
//! paragraphs, numbered sections with their headings and paragraphs), then
//! the trailing links (`更多精彩`, `»《…》发布`).
//!
//! Each non-blank line is one unit. A language's text is a run of lines in
//! one script (Han or Latin), so the blocks may come in any order; the
//! page's own language, the headline's, is the one the others align with.
//! Lost spaces in a Latin text are restored ([`super::joins`]) and each is
//! recorded as an editorial note.

use std::path::Path;

use super::joins::{self, Join};
use super::markdown::{Input, align, assemble};
use crate::diagnostic::{Diagnostic, Severity};
use crate::markdown::{Located, Rendition, SectionText, parse_date, split_label};
use crate::model::{Correction, Date, EditorialNote, Language, LocalizedText, UnitId};
use crate::source::LineIndex;

use super::Texts;

/// Text that fits nowhere in the layout: no chrome, a section without
/// paragraphs, a language's text given twice, no title or section.
pub const CAPTURE_STRUCTURE: &str = "capture-structure";
/// A missing or unreadable date of adoption.
pub const CAPTURE_DATE: &str = "capture-date";
/// A section out of order (a gap in the numbering).
pub const CAPTURE_NUMBERING: &str = "capture-numbering";
/// Language texts that do not have the same units.
pub const CAPTURE_ALIGNMENT: &str = "capture-alignment";
/// A place where a space may be lost, not restored.
pub const CAPTURE_JOIN: &str = "capture-join";

/// What a capture gives: the texts, the page chrome, the restored joins.
#[derive(Clone, Debug)]
pub struct Capture {
    /// The texts of every language.
    pub texts: Texts,
    /// The publication as the page gives it.
    pub chrome: Chrome,
    /// One note per restored join.
    pub notes: Vec<EditorialNote>,
    /// Warnings: joins not sure enough to restore.
    pub warnings: Vec<Diagnostic>,
}

/// The page chrome.
#[derive(Clone, Debug)]
pub struct Chrome {
    /// The local publication time, `2026-05-12T22:39:00`, without offset.
    pub published: String,
    /// The channel (`来源`).
    pub channel: LocalizedText,
    /// The headline.
    pub headline: LocalizedText,
    /// The titles of the trailing links.
    pub related: Vec<LocalizedText>,
}

/// A non-blank line: its text without surrounding white space, and where
/// that starts.
#[derive(Clone, Copy, Debug)]
struct Line<'a> {
    text: &'a str,
    offset: usize,
}

/// Reads the capture `text` of the file `path`.
pub fn read(path: &Path, text: &str) -> Result<Capture, Vec<Diagnostic>> {
    let at = Locator {
        path,
        text,
        lines: LineIndex::new(text),
    };
    let lines = lines(text);
    let Some(stamp) = lines.iter().position(|l| l.text.starts_with("发布时间")) else {
        return Err(vec![at.error(
            0,
            CAPTURE_STRUCTURE,
            "no `发布时间:… 来源:… 阅读:N` line: this is not a capture of the known layout",
            "a capture starts with the page's headline and its `发布时间:YYYY-MM-DD HH:MM来源:…阅读:N` line; other layouts come in through Markdown",
        )]);
    };
    let headline = stamp.checked_sub(1).and_then(|i| lines.get(i));
    // The trailing links start at the first `更多精彩` after the stamp, so
    // the body always lies between the two.
    let end = lines
        .iter()
        .skip(stamp + 1)
        .position(|l| l.text.starts_with("更多精彩"))
        .map_or(lines.len(), |i| stamp + 1 + i);
    let body = lines.get(stamp + 1..end).unwrap_or_default();
    let trailing = lines.get(end..).unwrap_or_default();
    let mut problems = Vec::new();
    let chrome = chrome(&at, headline, lines.get(stamp), trailing, &mut problems);
    let page = headline.map_or(Script::Han, |h| script(h.text));
    let blocks = blocks(&at, body, page, &mut problems);
    let mut read = Vec::new();
    for (language, run) in blocks {
        if let Some(block) = Block::read(&at, &language, run, &mut problems) {
            read.push((language, block));
        }
    }
    finish(&at, read, chrome, problems)
}

/// Aligns the blocks and puts the capture together.
fn finish(
    at: &Locator<'_>,
    read: Vec<(Language, Block)>,
    chrome: Option<Chrome>,
    mut problems: Vec<Diagnostic>,
) -> Result<Capture, Vec<Diagnostic>> {
    let adopted = read.iter().find_map(|(_, b)| b.adopted.clone());
    // With other problems, the date may be in a text that was not read.
    if let (None, Some((_, block)), true) = (&adopted, read.first(), problems.is_empty()) {
        problems.push(at.error(
            block.rendition.title.offset,
            CAPTURE_DATE,
            "no date of adoption after the title in any language",
            "give it on the line after the title: `(2026年5月12日)` or `12 May 2026`",
        ));
    }
    let inputs: Vec<(Input, Block)> = read
        .into_iter()
        .map(|(language, mut block)| {
            if let Some(date) = block.adopted.clone().or_else(|| adopted.clone()) {
                block.rendition.adopted = date;
            }
            let input = Input {
                path: at.path.to_path_buf(),
                language,
                text: at.text.to_owned(),
            };
            (input, block)
        })
        .collect();
    // A text cut short by another problem would only misalign.
    if let (Some((first, reference)), true) = (inputs.first(), problems.is_empty()) {
        let there = format!("the {} text", first.language);
        for (input, block) in inputs.iter().skip(1) {
            let against = (first, &reference.rendition, there.as_str());
            align(
                against,
                (input, &block.rendition),
                CAPTURE_ALIGNMENT,
                &mut problems,
            );
        }
    }
    let (Some(chrome), true, false) = (chrome, problems.is_empty(), inputs.is_empty()) else {
        return Err(problems);
    };
    let mut notes = Vec::new();
    let mut warnings = Vec::new();
    for (input, block) in &inputs {
        notes.extend(block.notes(&input.language));
        warnings.extend(block.warnings(at));
    }
    let files: Vec<(&Input, Rendition)> = inputs
        .iter()
        .map(|(i, b)| (i, b.rendition.clone()))
        .collect();
    Ok(Capture {
        texts: assemble(&files),
        chrome,
        notes,
        warnings,
    })
}

/// Names places in the capture.
struct Locator<'a> {
    path: &'a Path,
    text: &'a str,
    lines: LineIndex,
}

impl Locator<'_> {
    fn diagnostic(
        &self,
        severity: Severity,
        offset: usize,
        code: &str,
        message: &str,
        hint: &str,
    ) -> Diagnostic {
        let position = self.lines.position(self.text, offset);
        Diagnostic::new(severity, code, self.path, "", message)
            .with_position(position.line, position.column)
            .with_offset(position.offset)
            .with_hint(hint)
    }

    fn error(&self, offset: usize, code: &str, message: &str, hint: &str) -> Diagnostic {
        self.diagnostic(Severity::Error, offset, code, message, hint)
    }
}

/// The non-blank lines of `text`, trimmed (a `\r` before the line end
/// and trailing spaces are not text).
fn lines(text: &str) -> Vec<Line<'_>> {
    let mut offset = 0;
    let mut found = Vec::new();
    for raw in text.split_inclusive('\n') {
        let trimmed = raw.trim_start();
        let start = offset + (raw.len() - trimmed.len());
        let trimmed = trimmed.trim_end();
        if !trimmed.is_empty() {
            found.push(Line {
                text: trimmed,
                offset: start,
            });
        }
        offset += raw.len();
    }
    found
}

/// The script a line is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Han,
    Latin,
}

impl Script {
    fn language(self) -> Language {
        match self {
            Self::Han => Language::new("zh-Hans"),
            Self::Latin => Language::new("en"),
        }
    }
}

/// Han when Han characters outnumber Latin letters (`利用AI技术` is Han).
fn script(text: &str) -> Script {
    let han = text
        .chars()
        .filter(|&c| unicode_script::UnicodeScript::script(&c) == unicode_script::Script::Han)
        .count();
    let latin = text.chars().filter(char::is_ascii_alphabetic).count();
    if han > latin {
        Script::Han
    } else {
        Script::Latin
    }
}

/// The runs of lines of one script, the page's own first.
fn blocks<'a, 'b>(
    at: &Locator<'_>,
    body: &'b [Line<'a>],
    page: Script,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(Language, &'b [Line<'a>])> {
    let mut runs: Vec<(Script, &[Line<'_>])> = Vec::new();
    let mut start = 0;
    for i in 1..=body.len() {
        let here = body.get(i).map(|l| script(l.text));
        let before = body.get(i - 1).map(|l| script(l.text));
        if here != before {
            if let (Some(s), Some(run)) = (before, body.get(start..i)) {
                runs.push((s, run));
            }
            start = i;
        }
    }
    let mut seen = Vec::new();
    runs.retain(|(s, run)| {
        if seen.contains(s) {
            let offset = run.first().map_or(0, |l| l.offset);
            problems.push(at.error(
                offset,
                CAPTURE_STRUCTURE,
                &format!("a second {} text: each language's text comes once, in one piece", s.language()),
                "move this text into its language's block, or remove it if it is not part of the document",
            ));
            return false;
        }
        seen.push(*s);
        true
    });
    runs.sort_by_key(|(s, _)| *s != page);
    runs.into_iter()
        .map(|(s, run)| (s.language(), run))
        .collect()
}

/// Reads the chrome's lines.
fn chrome(
    at: &Locator<'_>,
    headline: Option<&Line<'_>>,
    stamp: Option<&Line<'_>>,
    trailing: &[Line<'_>],
    problems: &mut Vec<Diagnostic>,
) -> Option<Chrome> {
    let stamp = stamp?;
    let language = headline.map_or(Script::Han, |h| script(h.text)).language();
    let Some((published, channel)) = stamp_parts(stamp.text) else {
        problems.push(at.error(
            stamp.offset,
            CAPTURE_DATE,
            "this line does not read as `发布时间:YYYY-MM-DD HH:MM来源:CHANNEL阅读:N`",
            "give the publication time as on the page, `发布时间:2026-05-12 22:39来源:微信阅读:5`",
        ));
        return None;
    };
    let Some(headline) = headline else {
        problems.push(at.error(
            stamp.offset,
            CAPTURE_STRUCTURE,
            "no headline before the `发布时间` line",
            "the page's headline comes on the line before it",
        ));
        return None;
    };
    let one = |text: &str| LocalizedText::from_pairs([(language.to_string(), text.to_owned())]);
    let related = trailing
        .iter()
        .filter_map(|l| {
            let rest = l.text.strip_prefix('»')?.trim_start();
            let (_, title) = rest.split_once('《')?;
            let (title, _) = title.split_once('》')?;
            Some(one(title))
        })
        .collect();
    Some(Chrome {
        published,
        channel: one(channel),
        headline: one(headline.text),
        related,
    })
}

/// The local time (`2026-05-12T22:39:00`) and the channel of a
/// `发布时间:2026-05-12 22:39来源:微信阅读:5` line.
fn stamp_parts(line: &str) -> Option<(String, &str)> {
    let colon = [':', '：'];
    let rest = line.strip_prefix("发布时间")?.trim_start_matches(colon);
    let (time, rest) = rest.split_once("来源")?;
    let channel = rest.trim_start_matches(colon);
    let channel = channel
        .split_once("阅读")
        .map_or(channel, |(c, _)| c)
        .trim();
    let (day, clock) = time.trim().split_once(' ')?;
    let date = parse_date(day)?;
    let clock = clock.trim();
    let (hours, minutes) = clock.split_once(':')?;
    let hm: Option<Vec<u32>> = [hours, minutes].iter().map(|p| p.parse().ok()).collect();
    let hm = hm?;
    let (&[h, m], true) = (hm.as_slice(), hours.len() == 2 && minutes.len() == 2) else {
        return None;
    };
    (h < 24 && m < 60 && !channel.is_empty()).then(|| (format!("{date}T{h:02}:{m:02}:00"), channel))
}

/// One language's text as read, with its joins.
struct Block {
    rendition: Rendition,
    adopted: Option<Located<Date>>,
    /// The joins found in each unit: its id, the text's offset, the joins.
    joins: Vec<(UnitId, usize, Vec<Join>)>,
}

impl Block {
    /// Reads one language's lines; `None` when they have problems.
    fn read(
        at: &Locator<'_>,
        language: &Language,
        run: &[Line<'_>],
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Block> {
        let before = problems.len();
        let latin = language.primary() == "en";
        let mut block = Block {
            rendition: Rendition {
                title: Located {
                    value: String::new(),
                    offset: 0,
                },
                adopted: Located {
                    value: Date::new(""),
                    offset: 0,
                },
                preamble: Vec::new(),
                sections: Vec::new(),
                end: run.last().map_or(0, |l| l.offset + l.text.len()),
            },
            adopted: None,
            joins: Vec::new(),
        };
        let mut lines = run.iter().peekable();
        let title = lines.next()?;
        block.rendition.title = block.unit(UnitId::title(), title, latin);
        if let Some(line) = lines.peek() {
            if let Some(date) = parse_date(line.text) {
                block.adopted = Some(Located {
                    value: date,
                    offset: line.offset,
                });
                lines.next();
            } else if looks_like_date(line.text) {
                problems.push(at.error(
                    line.offset,
                    CAPTURE_DATE,
                    &format!("`{}` is not a date of adoption this reader knows, or not a day of the calendar", line.text),
                    "write it `(2026年5月12日)`, `12 May 2026` or `2026-05-12`",
                ));
                lines.next();
            }
        }
        for line in lines {
            block.line(at, line, latin, problems);
        }
        block.check(at, problems);
        (problems.len() == before).then_some(block)
    }

    /// Takes a heading or a paragraph.
    fn line(
        &mut self,
        at: &Locator<'_>,
        line: &Line<'_>,
        latin: bool,
        problems: &mut Vec<Diagnostic>,
    ) {
        if let Some((number, heading)) = split_label(line.text) {
            // After a gap, the numbering goes on from the number given.
            let expected = self
                .rendition
                .sections
                .last()
                .map_or(1, |s| s.number.value.saturating_add(1));
            if number != expected {
                problems.push(at.error(
                    line.offset,
                    CAPTURE_NUMBERING,
                    &format!("section {number} where section {expected} comes next"),
                    "number the sections 1, 2, 3, … in order, in the language's style; a missing section is restored from the page",
                ));
            }
            let heading_line = Line {
                text: heading,
                offset: line.offset + (line.text.len() - heading.len()),
            };
            let heading = self.unit(UnitId::section_heading(number), &heading_line, latin);
            self.rendition.sections.push(SectionText {
                number: Located {
                    value: number,
                    offset: line.offset,
                },
                heading: heading.value,
                paragraphs: Vec::new(),
            });
            return;
        }
        let id = match self.rendition.sections.last() {
            Some(s) => UnitId::section_paragraph(s.number.value, s.paragraphs.len() + 1),
            None => UnitId::preamble_paragraph(self.rendition.preamble.len() + 1),
        };
        let unit = self.unit(id, line, latin);
        match self.rendition.sections.last_mut() {
            Some(section) => section.paragraphs.push(unit),
            None => self.rendition.preamble.push(unit),
        }
    }

    /// The text of a unit, its lost spaces restored in a Latin text.
    fn unit(&mut self, id: UnitId, line: &Line<'_>, latin: bool) -> Located<String> {
        let found = if latin {
            joins::find(line.text)
        } else {
            Vec::new()
        };
        let value = joins::restore(line.text, &found);
        if !found.is_empty() {
            self.joins.push((id, line.offset, found));
        }
        Located {
            value,
            offset: line.offset,
        }
    }

    /// A section without paragraphs, or no section at all.
    fn check(&self, at: &Locator<'_>, problems: &mut Vec<Diagnostic>) {
        for section in &self.rendition.sections {
            if section.paragraphs.is_empty() {
                problems.push(at.error(
                    section.number.offset,
                    CAPTURE_STRUCTURE,
                    &format!("section {} has no paragraphs", section.number.value),
                    "a section's paragraphs follow its heading, one per line",
                ));
            }
        }
        if self.rendition.sections.is_empty() {
            problems.push(at.error(
                self.rendition.title.offset,
                CAPTURE_STRUCTURE,
                "this text has no numbered section",
                "sections start with their number in the language's style: `I. `, `一、`, `1. `, `Article 1`, `第一条`",
            ));
        }
    }

    /// An editorial note for each restored join.
    fn notes(&self, language: &Language) -> Vec<EditorialNote> {
        self.joins
            .iter()
            .flat_map(|(unit, _, found)| {
                found.iter().filter(|j| j.sure).map(|j| EditorialNote {
                    unit: unit.clone(),
                    language: language.clone(),
                    correction: Correction::RestoredSpace,
                    captured: j.captured.clone(),
                    corrected: j.corrected.clone(),
                })
            })
            .collect()
    }

    /// A warning for each join not restored.
    fn warnings(&self, at: &Locator<'_>) -> Vec<Diagnostic> {
        self.joins
            .iter()
            .flat_map(|(_, offset, found)| {
                found.iter().filter(|j| !j.sure).map(move |j| {
                    at.diagnostic(
                        Severity::Warning,
                        offset + j.offset,
                        CAPTURE_JOIN,
                        &format!("`{}` may be words run together", j.captured),
                        &format!("if a space was lost here, write `{}` in the capture and import it again", j.corrected),
                    )
                })
            })
            .collect()
    }
}

/// A line that is meant as a date: in parentheses, or starting with a
/// digit, and short.
fn looks_like_date(text: &str) -> bool {
    text.chars().count() <= 30
        && (text.starts_with(['(', '（']) || text.starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_publication_line() {
        assert_eq!(
            stamp_parts("发布时间:2026-05-12 22:39来源:微信阅读:5"),
            Some(("2026-05-12T22:39:00".to_owned(), "微信"))
        );
        assert_eq!(stamp_parts("发布时间:2026-05-12来源:微信"), None);
    }
}
