//! Finds the spaces a web capture lost, as around the original's italics
//! (`theGlobal Digital Compactadopted`, `the2030`, `focusing
//! ontransformation`), and restores them.
//!
//! A join shows as a change of case inside a word (`theGlobal`), a change
//! between letters and digits (`the2030`), or two dictionary words run
//! together that are not a word themselves (`ontransformation`); the
//! dictionary is the Wordnik word list (crate `wordnik_list`). A word is
//! split only when the evidence is clear: a lower-case dictionary word
//! before a capital (`eGovernment`, `iPhone` and `UNESCO’s` stay as they
//! are), or exactly one way to cut a long unknown word into two words.
//! Anything less is a [`Join`] that is not `sure`, for the editor to
//! decide: a short unknown word is as likely a closed compound the list
//! lacks (`datasets`, `wellbeing`) as two words run together.

/// One place where a space seems lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Join {
    /// Where the word holding it starts in the text, in bytes.
    pub offset: usize,
    /// The word as captured.
    pub captured: String,
    /// The word with its spaces restored.
    pub corrected: String,
    /// Whether the join is clear enough to restore.
    pub sure: bool,
}

/// The joins in `text`, in order.
pub fn find(text: &str) -> Vec<Join> {
    words(text)
        .filter_map(|(offset, word)| {
            let cuts = cuts(word)?;
            Some(Join {
                offset,
                captured: word.to_owned(),
                corrected: cut(word, &cuts.0),
                sure: cuts.1,
            })
        })
        .collect()
}

/// `text` with the sure joins restored.
pub fn restore(text: &str, joins: &[Join]) -> String {
    let mut out = String::with_capacity(text.len() + joins.len());
    let mut at = 0;
    // Joins come from one scan of `text`, in order and on character
    // boundaries, so every slice here exists.
    for join in joins.iter().filter(|j| j.sure) {
        out.push_str(text.get(at..join.offset).unwrap_or_default());
        out.push_str(&join.corrected);
        at = join.offset + join.captured.len();
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

/// The words a correction joined: for each space in `corrected` that is
/// not in `captured`, the words on either side of it.
pub fn joined_words(captured: &str, corrected: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut captured_chars = captured.chars().peekable();
    for (i, c) in corrected.char_indices() {
        if captured_chars.peek() == Some(&c) {
            captured_chars.next();
        } else if c == ' ' {
            // `i` is a space's position, so both sides exist; a split
            // yields at least one piece.
            let before = corrected.get(..i).unwrap_or_default();
            let after = corrected.get(i + 1..).unwrap_or_default();
            let left = before.rsplit(' ').next().unwrap_or_default();
            let right = after.split(' ').next().unwrap_or_default();
            found.push((left.to_owned(), right.to_owned()));
        }
    }
    found
}

/// The words of `text` (letters, digits and the apostrophes between
/// them) with their byte offsets; hyphens and punctuation end a word.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '’' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .map(|(offset, w)| {
            let trimmed = w.trim_start_matches(['’', '\'']);
            let start = offset + (w.len() - trimmed.len());
            (start, trimmed.trim_end_matches(['’', '\'']))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// Where to cut `word` (byte offsets), and whether every cut is sure;
/// `None` when it looks like one word.
fn cuts(word: &str) -> Option<(Vec<usize>, bool)> {
    // A possessive or contraction keeps its ending: judge the stem.
    let stem = word.split_once(['’', '\'']).map_or(word, |(stem, _)| stem);
    let mut cuts = Vec::new();
    let mut sure = true;
    let mut start = 0;
    // `transitions` gives character boundaries of `stem`, rising.
    for at in transitions(stem) {
        let piece = stem.get(start..at).unwrap_or_default();
        let (cut_here, clear) = transition_cut(piece, stem.get(at..).unwrap_or_default())?;
        if cut_here {
            cuts.push(at);
            sure &= clear;
            start = at;
        }
    }
    for (from, to) in pieces(stem, &cuts) {
        // `pieces` runs between those boundaries.
        let piece = stem.get(from..to).unwrap_or_default();
        if let Some((at, clear)) = dictionary_cut(piece) {
            cuts.push(from + at);
            sure &= clear;
        }
    }
    cuts.sort_unstable();
    (!cuts.is_empty()).then_some((cuts, sure))
}

/// The byte offsets inside `word` where the case goes from lower to upper,
/// or the characters from letters to digits or back.
fn transitions(word: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    chars
        .windows(2)
        .filter_map(|pair| match pair {
            [(_, a), (at, b)] => {
                let case = a.is_lowercase() && b.is_uppercase();
                let digits = a.is_alphabetic() && b.is_ascii_digit()
                    || a.is_ascii_digit() && b.is_alphabetic();
                (case || digits).then_some(*at)
            }
            _ => None,
        })
        .collect()
}

/// Whether to cut between `before` (the piece since the last cut) and
/// `after` (the rest), and whether that is sure. `None` stops looking at
/// the word: it is a legitimate mixed-case word or a code (`eGovernment`,
/// `COVID19`, `5G`).
fn transition_cut(before: &str, after: &str) -> Option<(bool, bool)> {
    let lower = before.chars().all(char::is_lowercase);
    let first_digit = after.starts_with(|c: char| c.is_ascii_digit());
    if before.chars().all(|c| c.is_ascii_digit()) {
        // `2030Sustainable`, but not `4th`, `1990s` or `3D`.
        let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        let known = word.chars().count() >= 3 && is_word(&word);
        return known.then_some((true, true));
    }
    if before.chars().count() < 2 || !is_word(before) {
        return None;
    }
    if first_digit {
        return lower.then_some((true, true));
    }
    // `theGlobal`: sure; `YouTube`: perhaps a name.
    Some((true, lower))
}

/// The stretches of `word` between `cuts`.
fn pieces(word: &str, cuts: &[usize]) -> Vec<(usize, usize)> {
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(word.len());
    bounds
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some((*a, *b)),
            _ => None,
        })
        .collect()
}

/// Where an unknown all-letter `piece` cuts into two dictionary words,
/// and whether that is sure: the only cut, in a piece of at least
/// [`SURE_LENGTH`] letters, with long enough parts when the piece is
/// capitalized (`Washington` is not `washing ton`).
fn dictionary_cut(piece: &str) -> Option<(usize, bool)> {
    let letters = piece.chars().all(char::is_alphabetic);
    let rest_lower = piece.chars().skip(1).all(char::is_lowercase);
    if !letters || !rest_lower || piece.chars().count() < 5 || is_word(piece) {
        return None;
    }
    let found: Vec<usize> = piece
        .char_indices()
        .map(|(at, _)| at)
        .filter(|&at| {
            let (left, right) = (piece.get(..at), piece.get(at..));
            left.zip(right).is_some_and(|(l, r)| {
                l.chars().count() >= 2 && r.chars().count() >= 2 && is_word(l) && is_word(r)
            })
        })
        .collect();
    let &[at] = found.as_slice() else {
        return found.first().map(|&at| (at, false));
    };
    if piece.chars().count() < SURE_LENGTH {
        return Some((at, false));
    }
    let capital = piece.starts_with(char::is_uppercase);
    let short = piece.get(..at).is_some_and(|l| l.chars().count() < 4)
        || piece.get(at..).is_some_and(|r| r.chars().count() < 4);
    Some((at, !(capital && short)))
}

/// The length from which an unknown word with one cut into two words is
/// taken for two words run together.
const SURE_LENGTH: usize = 12;

/// Whether `word` is in the dictionary, in any case.
fn is_word(word: &str) -> bool {
    wordnik_list::word_exists(&word.to_lowercase())
}

/// `word` with a space at each of `cuts`: character boundaries of `word`,
/// rising, so every slice below exists.
fn cut(word: &str, cuts: &[usize]) -> String {
    let mut out = String::with_capacity(word.len() + cuts.len());
    let mut at = 0;
    for &c in cuts {
        out.push_str(word.get(at..c).unwrap_or_default());
        out.push(' ');
        at = c;
    }
    out.push_str(word.get(at..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restored(text: &str) -> String {
        restore(text, &find(text))
    }

    #[test]
    fn restores_the_shipped_joins() {
        assert_eq!(
            restored("of theGlobal Digital Compactadopted at"),
            "of the Global Digital Compact adopted at"
        );
        assert_eq!(restored("of the2030 Goal"), "of the 2030 Goal");
        assert_eq!(
            restored("focusing ontransformation, development"),
            "focusing on transformation, development"
        );
    }

    #[test]
    fn leaves_words_alone() {
        for text in [
            "eGovernment and iPhone",
            "UNESCO’s plan",
            "students’ capacity",
            "people-oriented",
            "the 4th and 1990s",
            "COVID19 and 5G",
            "Hangzhou",
            "Health comes First",
        ] {
            assert_eq!(find(text), [], "{text}");
        }
    }

    #[test]
    fn a_short_unknown_word_is_not_sure() {
        for text in ["open datasets", "their wellbeing"] {
            let found = find(text);
            assert!(found.iter().all(|j| !j.sure), "{text}: {found:?}");
            assert_eq!(restored(text), text);
        }
    }

    #[test]
    fn names_the_joined_words() {
        assert_eq!(
            joined_words(
                "theGlobal Digital Compactadopted",
                "the Global Digital Compact adopted"
            ),
            [
                ("the".to_owned(), "Global".to_owned()),
                ("Compact".to_owned(), "adopted".to_owned())
            ]
        );
    }
}
