//! Rule `whitespace`: no text starts or ends with white space, which would
//! show as a stray gap and make equal texts compare unequal.

use super::{TextRule, TextViolation, codepoint};

/// Finds leading or trailing white space.
pub(super) struct Whitespace;

impl TextRule for Whitespace {
    fn code(&self) -> &'static str {
        "whitespace"
    }

    fn summary(&self) -> &'static str {
        "no leading or trailing white space in text"
    }

    fn check(&self, text: &str) -> Option<TextViolation> {
        let first = text.chars().next().filter(|c| c.is_whitespace());
        let (index, c, place) = if let Some(c) = first {
            (0, c, "starts")
        } else {
            let c = text.chars().next_back().filter(|c| c.is_whitespace())?;
            (text.chars().count() - 1, c, "ends")
        };
        Some(TextViolation {
            index,
            message: format!("text {place} with white space ({})", codepoint(c)),
            hint: "delete the space at the start or end of the text".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_leading_and_trailing_space() {
        assert_eq!(Whitespace.check(" a").map(|v| v.index), Some(0));
        assert_eq!(Whitespace.check("ab\u{3000}").map(|v| v.index), Some(2));
        assert!(Whitespace.check("a b").is_none());
        assert!(Whitespace.check("").is_none());
    }
}
