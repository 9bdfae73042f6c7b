//! Converts byte offsets in a text to 1-based line and column numbers.
//!
//! Columns count Unicode scalar values, not bytes, so a caret under Chinese
//! text lands on the character an editor's "go to line:column" shows.

use std::sync::OnceLock;

use crate::work::{self, Work};

/// Characters are counted ahead in blocks of this many bytes, so finding a
/// column far into a long line (a minified file is one line) reads at most
/// a block or two, not the line up to it.
const BLOCK: usize = 4096;

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
    /// The characters in the first `k * BLOCK` bytes of the text, at `k`:
    /// counted the first time a column lies more than a block into its
    /// line, so files with short lines never pay for it.
    blocks: OnceLock<Vec<usize>>,
}

impl LineIndex {
    /// Indexes the line starts of `text`. A line ends at `\n`; a `\r` before
    /// it belongs to the line, so CRLF files number lines as editors do.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self {
            starts,
            blocks: OnceLock::new(),
        }
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
        let column = self.chars_between(text, start, offset) + 1;
        Position {
            line,
            column,
            offset,
        }
    }

    /// The characters between bytes `from` and `to` of `text`, both on
    /// character boundaries.
    fn chars_between(&self, text: &str, from: usize, to: usize) -> usize {
        let span = to.saturating_sub(from);
        if span <= BLOCK {
            work::add(Work::ColumnBytes, span);
            return text.get(from..to).map_or(0, |s| s.chars().count());
        }
        self.chars_before(text, to)
            .saturating_sub(self.chars_before(text, from))
    }

    /// The characters before byte `at` of `text`: the count up to the
    /// block it falls in, and the bytes of that block before it.
    fn chars_before(&self, text: &str, at: usize) -> usize {
        let bytes = text.as_bytes();
        let blocks = self.blocks.get_or_init(|| {
            work::add(Work::ColumnBytes, bytes.len());
            let mut counts = vec![0];
            for block in bytes.chunks(BLOCK) {
                counts.push(counts.last().copied().unwrap_or(0) + starts_of_chars(block));
            }
            counts
        });
        let block = at / BLOCK;
        let rest = bytes.get(block * BLOCK..at).map_or(0, |rest| {
            work::add(Work::ColumnBytes, rest.len());
            starts_of_chars(rest)
        });
        blocks.get(block).copied().unwrap_or(0) + rest
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

/// How many characters start in `bytes`: those that are not UTF-8
/// continuation bytes (`0b10xx_xxxx`).
fn starts_of_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "{\n  \"a\": \"人工智能x\"\n}";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap_or_else(|| panic!("no x"));
        let p = index.position(text, x);
        assert_eq!((p.line, p.column), (2, 13));
    }

    #[test]
    fn columns_far_into_a_long_line_are_counted_in_blocks() {
        let text = format!("{{\n\"{}\": 1}}", "é人x".repeat(10_000));
        let index = LineIndex::new(&text);
        for offset in (0..text.len()).step_by(997) {
            let p = index.position(&text, offset);
            let start = text
                .get(..p.offset)
                .and_then(|s| s.rfind('\n'))
                .map_or(0, |i| i + 1);
            let expected = text.get(start..p.offset).map_or(0, |s| s.chars().count()) + 1;
            assert_eq!(p.column, expected, "at {offset}");
        }
    }

    #[test]
    fn crlf_lines() {
        let text = "{\r\n\"a\": 1\r\n}";
        let index = LineIndex::new(text);
        let p = index.position(text, text.find('1').unwrap_or_else(|| panic!("no 1")));
        assert_eq!((p.line, p.column), (2, 6));
    }
}
