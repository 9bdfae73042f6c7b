//! Escapes a text so CommonMark (and GitHub's dialect of it) shows it as
//! written, and reads such an escaped text back.
//!
//! A unit's text always follows its anchor on the same line, so it never
//! starts a line: `#`, `1.`, `-` or `>` at its start cannot open a block.
//! What is left is inline syntax, escaped with a backslash, and the white
//! space CommonMark would strip at the ends of a line, written as numeric
//! character references (`&#32;`).

use std::fmt::Write as _;

/// The ASCII punctuation escaped inside a text: every character that opens
/// or closes inline syntax in CommonMark or GitHub Flavored Markdown
/// (emphasis, code, links, raw HTML, entities, strikethrough, tables,
/// math), and the backslash itself.
const ESCAPED: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '#', '~', '|', '$',
];

/// `text` as inline Markdown that renders as `text` exactly.
pub fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let edge = |c: &&char| c.is_whitespace();
    let lead = chars.iter().take_while(edge).count();
    let trail = chars.iter().rev().take_while(edge).count();
    let body_end = chars.len().saturating_sub(trail).max(lead);
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if i < lead || i >= body_end || c.is_control() {
            let _ = write!(out, "&#{};", u32::from(c));
        } else if ESCAPED.contains(&c) {
            out.push('\\');
            out.push(c);
        } else {
            out.push(c);
        }
    }
    out
}

/// The text an inline Markdown passage shows: backslash escapes and
/// character references resolved as CommonMark resolves them. Other syntax
/// (an unescaped `*`) is kept as typed.
pub fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    // Each step cuts `rest` after characters it has just read, on their
    // boundaries: the defaults below are never taken.
    while let Some(c) = rest.chars().next() {
        let width = c.len_utf8();
        match c {
            '\\' => match rest.get(1..).and_then(|r| r.chars().next()) {
                Some(p) if p.is_ascii_punctuation() => {
                    out.push(p);
                    rest = rest.get(2..).unwrap_or_default();
                    continue;
                }
                _ => out.push('\\'),
            },
            '&' => {
                if let Some((resolved, used)) = reference(rest) {
                    out.push(resolved);
                    rest = rest.get(used..).unwrap_or_default();
                    continue;
                }
                out.push('&');
            }
            _ => out.push(c),
        }
        rest = rest.get(width..).unwrap_or_default();
    }
    out
}

/// The character a reference at the start of `text` (`&#32;`, `&#x20;`,
/// `&amp;`) stands for, and its length in bytes. CommonMark allows up to 7
/// decimal or 6 hexadecimal digits; an invalid code point or zero reads as
/// U+FFFD.
fn reference(text: &str) -> Option<(char, usize)> {
    let end = text.find(';').filter(|&end| end <= 40)?;
    let body = text.get(1..end)?;
    let code = if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
        (1..=6).contains(&hex.len()).then_some(())?;
        u32::from_str_radix(hex, 16).ok()?
    } else if let Some(decimal) = body.strip_prefix('#') {
        ((1..=7).contains(&decimal.len()) && decimal.bytes().all(|b| b.is_ascii_digit()))
            .then_some(())?;
        decimal.parse().ok()?
    } else {
        let named = match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            _ => return None,
        };
        return Some((named, end + 1));
    };
    let resolved = char::from_u32(code)
        .filter(|&c| c != '\0')
        .unwrap_or('\u{fffd}');
    Some((resolved, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hazard_round_trips() {
        for text in [
            "# not a heading",
            "1. not a list",
            "- not a list",
            "> not a quote",
            "a *b* _c_ `d` <e> &amp; [f](g) ~~h~~ | i | $j$ \\ k",
            "  two spaces each side  ",
            "\ttab\t",
            "tail #",
            "&#32; literal",
            "杭州 مبادرة é",
            "",
            " ",
        ] {
            assert_eq!(
                unescape(&escape(text)),
                text,
                "{text:?} as {:?}",
                escape(text)
            );
        }
    }

    #[test]
    fn escapes_only_what_is_markup() {
        assert_eq!(escape("a *b* c."), "a \\*b\\* c.");
        assert_eq!(escape(" x "), "&#32;x&#32;");
        assert_eq!(unescape("\\q &#x41;&#0; &copy;"), "\\q A\u{fffd} &copy;");
    }
}
