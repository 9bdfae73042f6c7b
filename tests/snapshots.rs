//! The golden copy: every export of the real document, rendered in memory,
//! equals the committed `exports/` byte for byte, and `exports/` holds no
//! file the render does not make. `exports/` is the one copy reviewers and
//! portals read, so a change to any byte shows up in review as a diff of
//! the export it changes. See: #3

use std::path::Path;

use initiative::export::{Context, MARKER, render};
use initiative::model::{Catalog, Document};

use crate::harness::repo;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir`, as `/`-separated paths relative to it, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap();
                let parts: Vec<_> = relative.iter().map(|p| p.to_string_lossy()).collect();
                files.push(parts.join("/"));
            }
        }
    }
    files.sort();
    files
}

/// Where two texts first differ, as `line N` with both lines.
fn first_difference(expected: &str, actual: &str) -> String {
    let (mut e, mut a) = (expected.lines(), actual.lines());
    for number in 1.. {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => {}
            (None, None) => break,
            (x, y) => return format!("line {number}:\n  exports/: {x:?}\n  render:   {y:?}"),
        }
    }
    "the line ends differ".to_owned()
}

#[test]
fn every_export_of_the_hangzhou_initiative_is_the_committed_copy() {
    let document: Document = serde_json::from_str(&read(
        &repo().join("data/hangzhou-initiative/document.json"),
    ))
    .unwrap();
    let catalog: Catalog = serde_json::from_str(&read(&repo().join("data/catalog.json"))).unwrap();
    let context = Context {
        catalog: Some(&catalog),
        base_iri: &initiative::model::Iri::default_base(),
        csv_bom: false,
        csv_excel_safe: false,
        created: None,
    };
    let files = render(&context, &[document], &[]).unwrap();
    let exports = repo().join("exports");
    let mut rendered: Vec<String> = files.iter().map(|f| f.path.to_string()).collect();
    rendered.push(MARKER.to_owned());
    rendered.sort();
    assert_eq!(files_under(&exports), rendered, "the files of exports/");
    for file in &files {
        let name = file.path.as_str();
        let path = file.path.under(&exports);
        let committed = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            committed == file.bytes,
            "exports/{name} differs from a fresh render at {}\n\
             (after a deliberate change run `cargo run -- build` and review the diff of exports/)",
            difference(&committed, &file.bytes)
        );
    }
}

/// Where two files first differ: a line of text, or a byte offset in a
/// binary file (the `SQLite` database).
fn difference(expected: &[u8], actual: &[u8]) -> String {
    if let (Ok(e), Ok(a)) = (std::str::from_utf8(expected), std::str::from_utf8(actual)) {
        first_difference(e, a)
    } else {
        let offset = expected
            .iter()
            .zip(actual)
            .take_while(|(e, a)| e == a)
            .count();
        format!(
            "byte {offset} ({} bytes in exports/, {} rendered)",
            expected.len(),
            actual.len()
        )
    }
}

#[test]
fn a_changed_byte_is_reported_at_its_line() {
    let report = first_difference("a\nb\nc\n", "a\nB\nc\n");
    assert_eq!(
        report,
        "line 2:\n  exports/: Some(\"b\")\n  render:   Some(\"B\")"
    );
    assert_eq!(first_difference("a\n", "a"), "the line ends differ");
    assert!(first_difference("a\nb", "a").starts_with("line 2:"));
    assert_eq!(
        difference(b"\xff\x00\x01", b"\xff\x00\x02\x03"),
        "byte 2 (3 bytes in exports/, 4 rendered)"
    );
}
