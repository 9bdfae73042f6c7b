//! Renders diagnostics for people (`--format human`): the message, the
//! `file:line:column`, the source line with a caret, and a hint.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Element, Level, Renderer, Snippet};

use super::{Diagnostic, Severity};
use crate::work::{self, Work};

/// The text a diagnostic points into, as a snippet is drawn from it: the
/// text, and where its lines start, so a snippet reads only its own lines.
pub trait SourceText {
    /// The whole text.
    fn text(&self) -> &str;
    /// The 0-based number of the line byte `offset` is on (the last line
    /// for an offset past the end).
    fn line_of(&self, offset: usize) -> usize;
    /// The byte offset where 0-based line `line` starts, if there is one.
    fn line_start(&self, line: usize) -> Option<usize>;
}

/// Draws diagnostics, in colour or not.
#[derive(Clone, Copy, Debug)]
pub struct HumanRenderer {
    color: bool,
}

impl HumanRenderer {
    /// A renderer that colours its output when `color` is set.
    pub fn new(color: bool) -> Self {
        Self { color }
    }

    /// One diagnostic, with a snippet of `source` when it has a position.
    pub fn render<S: SourceText + ?Sized>(&self, d: &Diagnostic, source: Option<&S>) -> String {
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = d.headline();
        let path = d.file.display().to_string();
        let location = d.location();
        let title = level.primary_title(title.as_str()).id(d.code.as_str());
        let mut elements: Vec<Element<'_>> = Vec::new();
        let snippet_source = source.filter(|s| !s.text().is_empty());
        match (snippet_source, d.offset) {
            (Some(source), Some(offset)) => {
                elements.extend(snippet(source, offset, &path, &location));
            }
            _ => elements.push(Level::NOTE.message(location.as_str()).into()),
        }
        let pointer = format!(
            "at {}",
            if d.pointer.is_empty() {
                "/"
            } else {
                &d.pointer
            }
        );
        elements.push(Level::NOTE.message(pointer.as_str()).into());
        if let Some(hint) = &d.hint {
            elements.push(Level::HELP.message(hint.as_str()).into());
        }
        let group = title.elements(elements);
        let mut out = renderer.render(&[group]);
        out.push('\n');
        out
    }
}

/// The most bytes of a line drawn on either side of a mark. A longer line
/// is cut there: the renderer reads every byte it is given but shows about
/// a screen's width of them, and a minified file is one long line.
const LINE_REACH: usize = 8 * 1024;

/// The source lines around byte `offset` of `source`, with the character
/// there marked. Only the lines the mark is drawn on are handed over,
/// numbered from where they are in the file: the renderer reads every byte
/// it is given, so handing it the whole file made each diagnostic cost as
/// much as the file is long.
fn snippet<'a, S: SourceText + ?Sized>(
    source: &'a S,
    offset: usize,
    path: &'a str,
    location: &'a str,
) -> Vec<Element<'a>> {
    let end = source
        .text()
        .get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(offset, |c| offset + c.len_utf8());
    let excerpt = excerpt(source, offset, end);
    work::add(Work::SnippetBytes, excerpt.text.len());
    let snippet = Snippet::source(excerpt.text)
        .line_start(excerpt.line)
        .annotation(
            AnnotationKind::Primary
                .span(offset.saturating_sub(excerpt.from)..end.saturating_sub(excerpt.from)),
        );
    if excerpt.cut {
        // The renderer counts the column from the start of what it is
        // given: the place is named in a note instead of after `-->`.
        vec![snippet.into(), Level::NOTE.message(location).into()]
    } else {
        vec![snippet.path(path).into()]
    }
}

/// What of the text a snippet shows.
struct Excerpt<'a> {
    /// The 1-based number of its first line.
    line: usize,
    /// The byte of the text it starts at.
    from: usize,
    text: &'a str,
    /// Whether it starts after the start of its first line.
    cut: bool,
}

/// The lines a mark from byte `start` to byte `end` is drawn on, line ends
/// included, cut [`LINE_REACH`] bytes before and after the mark.
///
/// The renderer draws a mark that starts or ends at the very end of the
/// text on the last line it knows (the one the final line break ends, if
/// there is one), so the lines are found from the last byte there.
fn excerpt<S: SourceText + ?Sized>(source: &S, start: usize, end: usize) -> Excerpt<'_> {
    let text = source.text();
    let last_byte = text.len().saturating_sub(1);
    let first = source.line_of(start.min(last_byte));
    let last = source.line_of(end.min(last_byte));
    let mut from = source.line_start(first).unwrap_or(0);
    let mut to = source.line_start(last + 1).unwrap_or(text.len());
    let cut = start.saturating_sub(from) > LINE_REACH;
    if cut {
        from = (0..=start - LINE_REACH)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
    }
    if to.saturating_sub(end) > LINE_REACH {
        to = (end + LINE_REACH..to)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(to);
    }
    // Both ends are line starts (after a `\n`) or character boundaries; the
    // whole text is the right answer if they were not.
    match text.get(from..to) {
        Some(lines) => Excerpt {
            line: first + 1,
            from,
            text: lines,
            cut,
        },
        None => Excerpt {
            line: 1,
            from: 0,
            text,
            cut: false,
        },
    }
}

/// Every diagnostic, each followed by a blank line, and a summary line.
pub fn render_human<'a, S: SourceText + ?Sized + 'a>(
    renderer: HumanRenderer,
    diagnostics: &[Diagnostic],
    source_of: impl Fn(&Diagnostic) -> Option<&'a S>,
    files: usize,
) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&renderer.render(d, source_of(d)));
        out.push('\n');
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let noun = if files == 1 { "file" } else { "files" };
    let _ = writeln!(
        out,
        "{files} {noun} checked: {errors} {}, {warnings} {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use annotate_snippets::Annotation;

    use super::*;

    /// A file's text and its line starts, as a data file's source gives them.
    struct SourceFile {
        path: PathBuf,
        text: String,
        starts: Vec<usize>,
    }

    impl SourceText for SourceFile {
        fn text(&self) -> &str {
            &self.text
        }

        fn line_of(&self, offset: usize) -> usize {
            self.starts
                .partition_point(|&start| start <= offset)
                .saturating_sub(1)
        }

        fn line_start(&self, line: usize) -> Option<usize> {
            self.starts.get(line).copied()
        }
    }

    fn source(text: &str) -> SourceFile {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path: PathBuf::from("f.json"),
            text: text.to_owned(),
            starts,
        }
    }

    /// `n` lines of `"kN": N,`.
    fn keys(n: usize) -> String {
        (1..=n).fold(String::new(), |mut text, n| {
            let _ = writeln!(text, "  \"k{n}\": {n},");
            text
        })
    }

    /// The mark at `offset` drawn from only its lines, and from the whole
    /// text as before.
    fn both(source: &SourceFile, offset: usize) -> (String, String) {
        let renderer = Renderer::plain();
        let draw = |snippet: Snippet<'_, Annotation<'_>>| {
            let title = Level::ERROR.primary_title("t").id("c");
            renderer.render(&[title.elements([Element::from(snippet)])])
        };
        let text = source.text.as_str();
        let end = text
            .get(offset..)
            .and_then(|rest| rest.chars().next())
            .map_or(offset, |c| offset + c.len_utf8());
        let whole = Snippet::source(text)
            .path("f.json")
            .annotation(AnnotationKind::Primary.span(offset..end));
        let title = Level::ERROR.primary_title("t").id("c");
        let part = renderer.render(&[title.elements(snippet(source, offset, "f.json", "-"))]);
        (part, draw(whole))
    }

    #[test]
    fn only_the_marked_lines_draw_what_the_whole_text_drew() {
        let many = keys(120);
        let texts = [
            "{\n  \"a\": 1\n}\n",
            "{\n  \"a\": 1\n}",
            "{\r\n  \"a\": 1\r\n}\r\n",
            "\n\n{\"a\":\n\n1}\n\n",
            "{\"title\": \"人工智能\",\n\t\"x\": \"é\"}",
            "x",
            many.as_str(),
        ];
        for text in texts {
            let source = source(text);
            for offset in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let (part, whole) = both(&source, offset);
                assert_eq!(part, whole, "{text:?} at {offset}");
            }
        }
        // A line cut only after the mark draws as the whole line did.
        let long = format!("{{\"a\": \"{}\"}}\n{{}}", "é".repeat(3 * LINE_REACH));
        let source = source(&long);
        let near = [0, 7, 9, 1001, LINE_REACH - 1, LINE_REACH];
        for offset in near.map(|i| (0..=i).rev().find(|&i| long.is_char_boundary(i))) {
            let offset = offset.unwrap_or(0);
            assert!(!excerpt(&source, offset, offset + 2).cut);
            let (part, whole) = both(&source, offset);
            assert_eq!(part, whole, "at {offset}");
        }
    }

    #[test]
    fn a_snippet_reads_only_its_lines() {
        let text = keys(1000);
        let source = source(&text);
        let offset = text.find("k500\"").unwrap_or_else(|| panic!("no k500"));
        let excerpt = excerpt(&source, offset, offset + 1);
        assert_eq!((excerpt.line, excerpt.text), (500, "  \"k500\": 500,\n"));
    }

    #[test]
    fn a_long_line_is_cut_around_the_mark_and_the_place_named_in_a_note() {
        let text = format!(
            "{{\n\"a\": \"{}人 {}\"}}\n",
            "x".repeat(100_000),
            "y".repeat(100_000)
        );
        let source = source(&text);
        let offset = text.find("人 ").unwrap_or_else(|| panic!("no 人")) + "人".len();
        let excerpt = excerpt(&source, offset, offset + 1);
        assert!(excerpt.cut);
        assert!(
            excerpt.text.len() <= 2 * LINE_REACH + 4,
            "{}",
            excerpt.text.len()
        );
        let renderer = HumanRenderer::new(false);
        let d = Diagnostic::new(Severity::Error, "c", &source.path, "/a", "m")
            .with_position(2, 100_009)
            .with_offset(offset);
        let drawn = renderer.render(&d, Some(&source));
        assert!(
            drawn.contains("\n2 | ...xxx") && drawn.contains("xx人 yyy"),
            "{drawn}"
        );
        assert!(drawn.contains("= note: f.json:2:100009\n"), "{drawn}");
        assert!(!drawn.contains("-->"), "{drawn}");
        // Cut after the mark only, the renderer counts the column itself.
        let near = text.find('x').unwrap_or_else(|| panic!("no x"));
        assert!(!super::excerpt(&source, near, near + 1).cut);
    }
}
