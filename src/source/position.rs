//! Converts byte offsets in a text to 1-based line and column numbers.
//!
//! Columns count Unicode scalar values, not bytes, so a caret under Chinese
//! text lands on the character an editor's "go to line:column" shows.

/// A 1-based line and column, and the byte offset they stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// 0-based byte offset in the text.
    pub offset: usize,
}

/// The byte offsets where each line of a text starts.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`. A line ends at `\n`; a `\r` before
    /// it belongs to the line, so CRLF files number lines as editors do.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    /// The position of byte `offset` (clamped to the text and to a character
    /// boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        Position {
            line,
            column,
            offset,
        }
    }

    /// The 0-based number of the line byte `offset` is on (the last line
    /// for an offset past the end).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// The byte offset where 0-based line `line` starts, if there is one.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// The byte offset of a 1-based line and a 1-based *byte* column, as
    /// `serde_json` reports them.
    pub fn offset_of_byte_column(&self, text: &str, line: usize, column: usize) -> usize {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        (start + column.saturating_sub(1)).min(text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "{\n  \"a\": \"人工智能x\"\n}";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap_or_default();
        let p = index.position(text, x);
        assert_eq!((p.line, p.column), (2, 13));
    }

    #[test]
    fn crlf_lines() {
        let text = "{\r\n\"a\": 1\r\n}";
        let index = LineIndex::new(text);
        let p = index.position(text, text.find('1').unwrap_or_default());
        assert_eq!((p.line, p.column), (2, 6));
    }
}
