//! Renders diagnostics for people (`--format human`): the message, the
//! `file:line:column`, the source line with a caret, and a hint.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Element, Level, Renderer, Snippet};

use super::{Diagnostic, Severity};
use crate::source::SourceFile;

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
    pub fn render(&self, d: &Diagnostic, source: Option<&SourceFile>) -> String {
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
        let snippet_source = source.filter(|s| !s.text.is_empty());
        match (snippet_source, d.offset) {
            (Some(source), Some(offset)) => {
                let end = source
                    .text
                    .get(offset..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(offset, |c| offset + c.len_utf8());
                elements.push(
                    Snippet::source(source.text.as_str())
                        .path(path.as_str())
                        .annotation(AnnotationKind::Primary.span(offset..end))
                        .into(),
                );
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

/// Every diagnostic, each followed by a blank line, and a summary line.
pub fn render_human<'a>(
    renderer: HumanRenderer,
    diagnostics: &[Diagnostic],
    source_of: impl Fn(&Diagnostic) -> Option<&'a SourceFile>,
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
