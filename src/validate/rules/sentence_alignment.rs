//! Lines up the sentences of an original with those of its translation by
//! their lengths (the method of Gale and Church, 1993): a translated
//! sentence runs about as long as its original, times the file's overall
//! ratio. Between languages that share letters, the letter trigrams two
//! sentences share (names, numbers, cognates such as `international` and
//! `internacional`) make a pair cheaper. One sentence may become two, or
//! two one (a small cost); a sentence with no counterpart costs more. The
//! cheapest alignment says which sentences were left out or added.
//!
//! The tolerance, measured on the shipped translations: splitting or
//! merging sentences is never reported; a sentence left out is reported
//! when it is at least 25 characters long and at least about a third as
//! long as the sentence beside it (shorter ones read as a merge).

pub(super) use super::translation_support::Measure;

/// The cost of a sentence becoming two, or two one.
const MERGE: f64 = 0.3;

/// The cost of a sentence with no counterpart.
pub(super) const GAP: f64 = 0.7;

/// Characters added to both lengths, so short sentences weigh less.
const SMOOTHING: f64 = 8.0;

/// How much the trigrams two sentences share lower the cost of pairing
/// them: a pair sharing none costs its length mismatch, one sharing all
/// costs that less this.
const SHARED: f64 = 1.0;

/// The trigrams each sentence of the original shares with each sentence
/// of the translation, counted once per unit.
struct Shared {
    width: usize,
    counts: Vec<usize>,
}

impl Shared {
    fn new(source: &[Measure], target: &[Measure]) -> Self {
        let counts = source
            .iter()
            .flat_map(|s| target.iter().map(move |t| s.grams.common(&t.grams)))
            .collect();
        Self {
            width: target.len(),
            counts,
        }
    }

    /// The share (Dice) of trigrams the original's sentences `i..i + di`
    /// and the translation's `j..j + dj` have in common. A trigram in two
    /// sentences of one side counts twice: close enough for a merge.
    #[allow(clippy::cast_precision_loss)]
    fn dice(&self, source: &[Measure], target: &[Measure], (i, j): (usize, usize)) -> f64 {
        let sizes: usize = source.iter().chain(target).map(|m| m.grams.len()).sum();
        if sizes == 0 {
            return 0.0;
        }
        let mut common = 0;
        for si in i..i + source.len() {
            for tj in j..j + target.len() {
                common += self.counts.get(si * self.width + tj).copied().unwrap_or(0);
            }
        }
        2.0 * common as f64 / sizes as f64
    }
}

/// How the sentences line up.
#[derive(Debug, PartialEq)]
pub(super) struct Alignment {
    /// The total cost: 0 for a perfect match.
    pub cost: f64,
    /// The original's sentences with no translation, each with the index
    /// of the translation's sentence where it would have stood.
    pub omitted: Vec<(usize, usize)>,
    /// The translation's sentences with no original.
    pub added: Vec<usize>,
    /// The points the alignment passes through: after each step, how many
    /// sentences of the original and of the translation it has taken.
    pub path: Vec<(usize, usize)>,
}

impl Alignment {
    /// How many of the translation's sentences stand for the first `i`
    /// sentences of the original.
    pub(super) fn taken_with(&self, i: usize) -> usize {
        self.path
            .iter()
            .find(|(si, _)| *si >= i)
            .map_or(0, |(_, j)| *j)
    }
}

/// One step of an alignment: how many sentences it takes from each side.
const STEPS: [(usize, usize); 5] = [(1, 1), (1, 2), (2, 1), (1, 0), (0, 1)];

#[allow(clippy::cast_precision_loss)]
fn step_cost(
    source: &[Measure],
    target: &[Measure],
    ratio: f64,
    shared: &Shared,
    at: (usize, usize),
) -> f64 {
    match (source.len(), target.len()) {
        (0, _) | (_, 0) => GAP,
        (s, t) => {
            let from: usize = source.iter().map(|m| m.chars).sum();
            let to: usize = target.iter().map(|m| m.chars).sum();
            let lengths = ((to as f64 + SMOOTHING) / (ratio * from as f64 + SMOOTHING))
                .ln()
                .abs();
            let merge = if s + t > 2 { MERGE } else { 0.0 };
            lengths + merge - SHARED * shared.dice(source, target, at)
        }
    }
}

/// The cheapest way found to a point of the alignment, and its last step.
#[derive(Clone, Copy)]
struct Cell {
    cost: f64,
    step: (usize, usize),
}

const UNREACHED: Cell = Cell {
    cost: f64::INFINITY,
    step: (0, 0),
};

/// The cells of the alignment, `(sentences of the original taken,
/// sentences of the translation taken)`.
struct Grid {
    width: usize,
    cells: Vec<Cell>,
}

impl Grid {
    fn new(n: usize, m: usize) -> Self {
        let mut grid = Self {
            width: m + 1,
            cells: vec![UNREACHED; (n + 1) * (m + 1)],
        };
        grid.set(
            0,
            0,
            Cell {
                cost: 0.0,
                step: (0, 0),
            },
        );
        grid
    }

    fn at(&self, i: usize, j: usize) -> Cell {
        self.cells
            .get(i * self.width + j)
            .copied()
            .unwrap_or(UNREACHED)
    }

    fn set(&mut self, i: usize, j: usize, cell: Cell) {
        if let Some(c) = self.cells.get_mut(i * self.width + j) {
            *c = cell;
        }
    }
}

/// Aligns the sentences `source` with the sentences `target`, the
/// translation running `ratio` times as long overall.
pub(super) fn align(source: &[Measure], target: &[Measure], ratio: f64) -> Alignment {
    let (n, m) = (source.len(), target.len());
    let shared = Shared::new(source, target);
    let mut grid = Grid::new(n, m);
    for i in 0..=n {
        for j in 0..=m {
            let here = grid.at(i, j).cost;
            if !here.is_finite() {
                continue;
            }
            for (di, dj) in STEPS {
                let (Some(from), Some(to)) = (source.get(i..i + di), target.get(j..j + dj)) else {
                    continue;
                };
                let cost = here + step_cost(from, to, ratio, &shared, (i, j));
                if cost < grid.at(i + di, j + dj).cost {
                    grid.set(
                        i + di,
                        j + dj,
                        Cell {
                            cost,
                            step: (di, dj),
                        },
                    );
                }
            }
        }
    }
    trace(&grid, n, m)
}

/// Follows the cheapest steps back from the end.
fn trace(grid: &Grid, n: usize, m: usize) -> Alignment {
    let mut alignment = Alignment {
        cost: grid.at(n, m).cost,
        omitted: Vec::new(),
        added: Vec::new(),
        path: vec![(n, m)],
    };
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = grid.at(i, j).step;
        if (di, dj) == (0, 0) || di > i || dj > j {
            break;
        }
        match (di, dj) {
            (1, 0) => alignment.omitted.push((i - 1, j)),
            (0, 1) => alignment.added.push(j - 1),
            _ => {}
        }
        i -= di;
        j -= dj;
        alignment.path.push((i, j));
    }
    alignment.path.reverse();
    alignment.omitted.reverse();
    alignment.added.reverse();
    alignment
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences of these lengths, with nothing in common.
    fn of(lengths: &[usize]) -> Vec<Measure> {
        lengths
            .iter()
            .map(|&chars| Measure {
                chars,
                grams: super::super::translation_support::Trigrams::default(),
            })
            .collect()
    }

    #[test]
    fn a_faithful_translation_aligns_one_to_one() {
        let a = align(&of(&[100, 60, 120]), &of(&[110, 70, 125]), 1.1);
        assert!(a.omitted.is_empty() && a.added.is_empty());
        assert!(a.cost < 0.3, "{}", a.cost);
    }

    #[test]
    fn a_split_or_a_merge_is_no_gap() {
        let split = align(&of(&[100, 200, 80]), &of(&[100, 95, 105, 80]), 1.0);
        assert_eq!((split.omitted.len(), split.added.len()), (0, 0));
        let merged = align(&of(&[100, 90, 110, 80]), &of(&[100, 200, 80]), 1.0);
        assert_eq!((merged.omitted.len(), merged.added.len()), (0, 0));
    }

    #[test]
    fn a_sentence_left_out_is_named_with_where_it_would_stand() {
        let a = align(&of(&[90, 120, 100, 110]), &of(&[95, 125, 112]), 1.0);
        assert_eq!(a.omitted, [(2, 2)]);
        assert!(a.added.is_empty());
    }

    #[test]
    fn a_sentence_added_is_named() {
        let a = align(&of(&[90, 120]), &of(&[95, 100, 125]), 1.0);
        assert_eq!(a.added, [1]);
    }
}

#[cfg(test)]
mod shared_letters {
    use super::*;

    #[test]
    fn shared_words_tell_which_of_two_equal_sentences_is_missing() {
        let source: Vec<Measure> = [
            "We call for international research on social experiments.",
            "We will work together to build a general education for all.",
            "We call for building ethical consensus and developing norms.",
        ]
        .iter()
        .map(|s| Measure::of(s))
        .collect();
        let target: Vec<Measure> = [
            "Pedimos una investigación internacional sobre experimentos sociales.",
            "Pedimos construir un consenso ético y elaborar normas.",
        ]
        .iter()
        .map(|s| Measure::of(s))
        .collect();
        assert_eq!(align(&source, &target, 1.1).omitted, [(1, 1)]);
    }
}
