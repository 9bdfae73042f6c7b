//! Where a field of a document is, kept as indices and turned into its
//! JSON Pointer only when a finding needs one: the rules that look at
//! every unit build no pointer for a valid document.

use std::fmt;

/// The place of a field in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    /// A field at a fixed pointer (`/title`).
    Fixed(&'static str),
    /// `/preamble/{i}/{field}`.
    Preamble(usize, &'static str),
    /// `/sections/{i}/{field}`.
    Section(usize, &'static str),
    /// `/sections/{i}/paragraphs/{j}/{field}`.
    Paragraph(usize, usize, &'static str),
    /// `/references/{i}/{field}`.
    Reference(usize, &'static str),
    /// `/related/{i}/{field}`.
    Related(usize, &'static str),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Fixed(pointer) => f.write_str(pointer),
            Self::Preamble(i, field) => write!(f, "/preamble/{i}/{field}"),
            Self::Section(i, field) => write!(f, "/sections/{i}/{field}"),
            Self::Paragraph(i, j, field) => write!(f, "/sections/{i}/paragraphs/{j}/{field}"),
            Self::Reference(i, field) => write!(f, "/references/{i}/{field}"),
            Self::Related(i, field) => write!(f, "/related/{i}/{field}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers() {
        assert_eq!(Place::Fixed("/title").to_string(), "/title");
        assert_eq!(Place::Preamble(2, "text").to_string(), "/preamble/2/text");
        assert_eq!(Place::Section(0, "id").to_string(), "/sections/0/id");
        assert_eq!(
            Place::Paragraph(1, 3, "text").to_string(),
            "/sections/1/paragraphs/3/text"
        );
        assert_eq!(
            Place::Reference(4, "name").to_string(),
            "/references/4/name"
        );
        assert_eq!(Place::Related(0, "title").to_string(), "/related/0/title");
    }
}
