//! Renders diagnostics as GitHub Actions workflow commands
//! (`--format github`), which annotate the pull request at `file:line`.

use std::fmt::Write as _;

use super::Diagnostic;

/// One `::error file=…,line=…,col=…,title=…::message` line per diagnostic,
/// escaped as GitHub's toolkit escapes them.
pub fn render_github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let mut props = vec![format!(
            "file={}",
            escape_property(&d.file.display().to_string())
        )];
        if let (Some(line), Some(col)) = (d.line, d.column) {
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
        }
        props.push(format!("title={}", escape_property(&d.code)));
        let mut message = d.headline();
        if let Some(hint) = &d.hint {
            message.push_str("\nhelp: ");
            message.push_str(hint);
        }
        let _ = writeln!(
            out,
            "::{} {}::{}",
            d.severity.as_str(),
            props.join(","),
            escape_data(&message)
        );
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use std::path::Path;

    #[test]
    fn escapes_as_the_toolkit_does() {
        let d = Diagnostic::new(
            Severity::Error,
            "x",
            Path::new("a,b:c.json"),
            "",
            "50% done\nnext",
        )
        .with_position(3, 7);
        assert_eq!(
            render_github(&[d]),
            "::error file=a%2Cb%3Ac.json,line=3,col=7,title=x::50%25 done%0Anext\n"
        );
    }
}
