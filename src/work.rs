//! Counts the steps of the loops whose length depends on the input, so a
//! test can bound the work a run does by a number instead of by a clock.
//!
//! Each counter is a relaxed atomic, bumped once per lookup or per rendered
//! diagnostic with the steps it took, so counting costs nothing measurable.
//! When [`WORK_VAR`] is set, the binary prints the counts on standard error
//! as it ends; nothing else reads them.

use std::sync::atomic::{AtomicU64, Ordering};

/// The environment variable that makes the binary print the counts.
pub const WORK_VAR: &str = "INITIATIVE_WORK_COUNTS";

/// A kind of step that is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Work {
    /// Bytes of source text handed to the snippet renderer.
    SnippetBytes,
    /// Object properties compared while finding where a pointer points.
    PropertyProbes,
    /// Sections, paragraphs, notes and translations gathered or looked up
    /// to place units in the tables.
    RowProbes,
    /// Bytes read to turn byte offsets into columns.
    ColumnBytes,
    /// Citations gathered or looked up to list the references citing each
    /// unit in JSON-LD.
    CitationProbes,
}

impl Work {
    /// Every kind, in the order they are printed.
    pub const ALL: [Self; 5] = [
        Self::SnippetBytes,
        Self::PropertyProbes,
        Self::RowProbes,
        Self::ColumnBytes,
        Self::CitationProbes,
    ];

    /// The name the count is printed under.
    pub fn name(self) -> &'static str {
        match self {
            Self::SnippetBytes => "snippet-bytes",
            Self::PropertyProbes => "property-probes",
            Self::RowProbes => "row-probes",
            Self::ColumnBytes => "column-bytes",
            Self::CitationProbes => "citation-probes",
        }
    }

    fn counter(self) -> &'static AtomicU64 {
        static COUNTS: [AtomicU64; 5] = [const { AtomicU64::new(0) }; 5];
        let [snippet, property, row, column, citation] = &COUNTS;
        match self {
            Self::SnippetBytes => snippet,
            Self::PropertyProbes => property,
            Self::RowProbes => row,
            Self::ColumnBytes => column,
            Self::CitationProbes => citation,
        }
    }
}

/// Adds `steps` to the count of `work`.
pub fn add(work: Work, steps: usize) {
    work.counter()
        .fetch_add(u64::try_from(steps).unwrap_or(u64::MAX), Ordering::Relaxed);
}

/// The count of `work` so far in this process.
pub fn count(work: Work) -> u64 {
    work.counter().load(Ordering::Relaxed)
}

/// Every count, as `initiative: work: snippet-bytes=… property-probes=… …`.
pub fn summary() -> String {
    let counts: Vec<String> = Work::ALL
        .iter()
        .map(|w| format!("{}={}", w.name(), count(*w)))
        .collect();
    format!("initiative: work: {}", counts.join(" "))
}

/// Prints [`summary`] on standard error when [`WORK_VAR`] is set.
pub fn print_if_asked() {
    if std::env::var_os(WORK_VAR).is_some_and(|v| !v.is_empty()) {
        eprintln!("{}", summary());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_and_are_named() {
        let before = count(Work::RowProbes);
        add(Work::RowProbes, 3);
        add(Work::RowProbes, 4);
        assert!(count(Work::RowProbes) >= before + 7);
        assert!(summary().starts_with("initiative: work: snippet-bytes="));
    }
}
