//! Linear time on hostile input: each input that once took time in
//! proportion to its size squared is fed at a size where the old code took
//! well over 30 seconds in a release build. See: #13
//!
//! A run is bounded by the size of its output and by the work it did,
//! counted, never by a clock, so these tests neither flake on a busy machine
//! nor pass on a fast one. The binary prints its work counts on stderr when
//! `INITIATIVE_WORK_COUNTS` is set (`initiative::work`): the bytes of source
//! it handed the snippet renderer, the object properties it compared to
//! place findings, and the lookups it made to place units in the tables.
//! Each bound below is generous but linear; the old code's count is given
//! beside it, for the same input.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::harness::{Run, Test, repo};

/// The minimal fixture with `sections` sections of `paragraphs` paragraphs
/// each, the `n`th paragraph (from 0) reading `english(n)` in English.
pub(crate) fn document(
    sections: usize,
    paragraphs: usize,
    english: impl Fn(usize) -> String,
) -> Value {
    let path = repo().join("tests/fixtures/valid/minimal/document.json");
    let text = std::fs::read_to_string(path).unwrap();
    let mut document: Value = serde_json::from_str(&text).unwrap();
    let sections: Vec<Value> = (1..=sections)
        .map(|s| {
            let paragraphs: Vec<Value> = (1..=paragraphs)
                .map(|p| {
                    json!({
                        "id": format!("sec_{s}__para_{p}"),
                        "text": {
                            "en": english((s - 1) * paragraphs + p - 1),
                            "zh-Hans": "我们呼吁合作。",
                        },
                    })
                })
                .collect();
            json!({
                "id": format!("sec_{s}"),
                "number": s,
                "heading": {"en": "Heading", "zh-Hans": "标题"},
                "paragraphs": paragraphs,
            })
        })
        .collect();
    document["sections"] = Value::Array(sections);
    document["editorial_notes"] = json!([]);
    document["references"][0]["cited_by"] = json!([]);
    document
}

/// A project of its own holding `document` as `big`, with a catalog that
/// describes it, counting its work.
fn big_project(document: &Value) -> Test {
    let catalog = std::fs::read_to_string(repo().join("data/catalog.json"))
        .unwrap()
        .replace(
            "\"document\": \"hangzhou-initiative\"",
            "\"document\": \"big\"",
        );
    Test::scratch()
        .write("data/big/document.json", pretty(document))
        .write("data/catalog.json", catalog)
        .write("schema/.keep", "")
        .env("INITIATIVE_WORK_COUNTS", "1")
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap()
}

/// 10 000 paragraphs of about 400 bytes that start with a space: 10 000
/// `whitespace` errors.
const SPACED: usize = 10_000;

fn spaced() -> Value {
    document(20, 500, |n| format!(" Paragraph {n}: {}.", "x".repeat(350)))
}

/// Runs `validate` on `text`, written to `name`, with work counted: the
/// data is invalid.
#[track_caller]
fn validate(name: &str, text: &str, format: &[&str]) -> Run {
    Test::scratch()
        .write(name, text)
        .env("INITIATIVE_WORK_COUNTS", "1")
        .args(&[&["validate", name], format].concat())
        .run()
        .code(1)
}

/// Asserts that `run` ends with the summary of [`SPACED`] errors.
#[track_caller]
fn all_spaced_errors(run: &Run) {
    let summary = format!("1 file checked: {SPACED} errors, 0 warnings\n");
    assert!(run.stdout.ends_with(&summary), "{}", run.stderr);
}

/// The work counts a run printed, by name.
#[track_caller]
fn work(run: &Run) -> HashMap<String, u64> {
    let line = run
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("initiative: work: "))
        .unwrap_or_else(|| panic!("no work counts on stderr:\n{}", run.stderr));
    line.split(' ')
        .filter_map(|pair| pair.split_once('='))
        .map(|(name, n)| (name.to_owned(), n.parse().unwrap_or(u64::MAX)))
        .collect()
}

#[test]
fn each_snippet_reads_only_the_lines_it_shows() {
    // 10 000 `whitespace` errors in a 4 MB file. The renderer was handed
    // the whole file for each: 40 GB read, about 70 s in a release build.
    let text = pretty(&spaced());
    let run = validate("big.json", &text, &["--color", "never"]);
    all_spaced_errors(&run);
    // The last one is drawn from its own line, numbered as in the file.
    let before = text.split(" Paragraph 9999:").next().unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').unwrap_or(0);
    let gutter = " ".repeat(line.to_string().len());
    let quoted = format!(
        "{gutter}--> big.json:{line}:{column}\n{gutter} |\n{line} | ...   \"en\": \" Paragraph 9999: xxx"
    );
    assert!(run.stdout.contains(&quoted), "no {quoted:?}");
    // Output: nine lines of a few hundred bytes per diagnostic.
    assert!(
        run.stdout.len() < SPACED * 1_000,
        "{} bytes",
        run.stdout.len()
    );
    // Work: each snippet is the line it marks, so all of them together are
    // less than the file (the old code: 10 000 times the file).
    let read = work(&run)["snippet-bytes"];
    assert!(read <= text.len() as u64, "{read} bytes read for snippets");
}

#[test]
fn a_minified_file_is_drawn_and_placed_a_screen_at_a_time() {
    // The same 10 000 errors in a file of one 4 MB line. Each snippet was
    // the whole line, and each column was counted from the line's start.
    let text = serde_json::to_string(&spaced()).unwrap();
    let run = validate("min.json", &text, &["--color", "never"]);
    all_spaced_errors(&run);
    // The last one: its neighbourhood drawn, its place in a note (the
    // renderer would count the column from where the excerpt starts).
    let before = text.split(" Paragraph 9999:").next().unwrap_or_default();
    let column = before.chars().count() + 1;
    let drawn = "\"text\":{\"en\":\" Paragraph 9999: xxx";
    assert!(run.stdout.contains(drawn), "no {drawn:?}");
    let note = format!("  = note: min.json:1:{column}\n");
    assert!(run.stdout.contains(&note), "no {note:?}");
    assert!(
        run.stdout.len() < SPACED * 1_000,
        "{} bytes",
        run.stdout.len()
    );
    // Work: at most 8 KiB of the line either side of each mark for the
    // snippets, and for the columns one count of the file, then at most a
    // 4 KiB block either side of each line start and mark (the old code:
    // the whole 4 MB line for each snippet and, for each column, the line
    // up to the mark).
    let counts = work(&run);
    let (snippets, columns) = (counts["snippet-bytes"], counts["column-bytes"]);
    let errors = SPACED as u64;
    assert!(
        snippets <= errors * (2 * 8192 + 4),
        "{snippets} bytes for snippets"
    );
    assert!(
        columns <= text.len() as u64 + errors * 2 * 4096,
        "{columns} bytes for columns"
    );
}

#[test]
fn a_text_with_a_hundred_thousand_languages_is_placed_key_by_key() {
    // One text map with 100 000 tags the registry does not know: 100 000
    // `schema-property-names` findings, each placed by finding its key. The
    // old code compared keys in order: 5 000 000 000 comparisons, about a
    // minute in a release build.
    let mut document = document(1, 1, |_| "We call for cooperation.".into());
    let keys = 100_000;
    for i in 0..keys {
        document["title"][format!("en-k{i:07}")] = json!("t");
    }
    let run = validate("keys.json", &pretty(&document), &["--format", "json"]);
    let report = run.report();
    assert_eq!(report.errors, keys, "{}", run.stderr);
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.code == "schema-property-names")
    );
    // Output: one diagnostic of a few hundred bytes per key.
    assert!(run.stdout.len() < keys * 500, "{} bytes", run.stdout.len());
    // Work: a pointer segment looks at most 32 properties of a small object
    // (the document's own fields) and one of a large one (through its map).
    let probes = work(&run)["property-probes"];
    assert!(probes <= 64 * keys as u64, "{probes} properties compared");
}

#[test]
fn a_document_of_150_000_paragraphs_is_tabled_row_by_row() {
    // 150 × 999 paragraphs, exported to CSV. The old code found each unit's
    // section by scanning every paragraph before it: 11 000 000 000
    // comparisons, about a minute in a release build.
    let (sections, paragraphs) = (150, 999);
    let mut document = document(sections, paragraphs, |n| format!("Paragraph {n}."));
    document["id"] = json!("big");
    let test = big_project(&document).args(&["export", "--format", "csv", "--out", "out"]);
    let run = test.run().code(0);
    let read = |name: &str| {
        std::fs::read_to_string(test.dir().join("out/csv").join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    // Every paragraph and heading is a unit, with the right section, after
    // the title and the fixture's preamble paragraph.
    let units = sections * (paragraphs + 1) + 2;
    let units_csv = read("units.csv");
    assert_eq!(units_csv.lines().count(), units + 1);
    assert!(units_csv.ends_with(&format!("big,sec_150__para_999,paragraph,150,{units}\r\n")));
    let text_rows = read("text_units.csv").lines().count() - 1;
    assert_eq!(text_rows, 2 * units);
    // Work: one lookup for a unit's section and one for the status of each
    // of its texts, after one pass over the sections and notes.
    let lookups = work(&run)["row-probes"];
    let rows = (units + text_rows) as u64;
    assert!(lookups <= 4 * rows, "{lookups} lookups for {rows} rows");
}

#[test]
fn citations_are_listed_from_one_pass_over_the_references() {
    // 40 × 999 paragraphs and 30 references naming 10 000 of them each,
    // exported to JSON-LD. The old code searched every reference's list
    // for each paragraph, twice: 24 000 000 000 comparisons, about 35 s in
    // a release build.
    let (sections, paragraphs, references, cites) = (40, 999, 30, 10_000);
    let mut document = document(sections, paragraphs, |n| format!("Paragraph {n}."));
    document["id"] = json!("big");
    let named: Vec<String> = (0..cites)
        .map(|n| format!("sec_{}__para_{}", n / paragraphs + 1, n % paragraphs + 1))
        .collect();
    let listed = document["references"].as_array_mut().map_or(0, |list| {
        list.extend((0..references).map(|i| {
            json!({
                "id": format!("event-{i}"),
                "kind": "event",
                "name": {"en": "Event", "zh-Hans": "活动"},
                "cited_by": named,
            })
        }));
        list.len()
    });
    assert_eq!(listed, references + 1);
    let test = big_project(&document).args(&["export", "--format", "jsonld", "--out", "out"]);
    let run = test.run().code(0);
    let path = test.dir().join("out/jsonld/big.jsonld");
    let exported = std::fs::read_to_string(&path).unwrap();
    let graph: Value = serde_json::from_str(&exported).unwrap();
    // The last paragraph named mentions every event, the next one none
    // (the fixture's preamble comes before the sections).
    let part = |s: usize, p: usize| &graph["hasPart"][s + 1]["hasPart"][p];
    let (s, p) = ((cites - 1) / paragraphs, (cites - 1) % paragraphs);
    let all: Vec<String> = (0..references)
        .map(|i| format!("https://example.org/initiative/big#ref-event-{i}"))
        .collect();
    assert_eq!(part(s, p)["mentions"], json!(all), "{}", run.stderr);
    assert_eq!(part(s, p + 1).get("mentions"), None);
    // Work: one pass over the citations, then for each of a paragraph's
    // two lists one lookup and the references it finds; twice, since the
    // reading page, written with the JSON-LD it describes (#14), embeds
    // the same graph.
    let probes = work(&run)["citation-probes"];
    let bound = 2 * 3 * (references * cites + sections * paragraphs) as u64;
    assert!(probes <= bound, "{probes} citations looked at");
}

#[test]
fn no_schema_message_repeats_a_large_value() {
    // A megabyte where the schema wants an id, a date, a kind, a language
    // tag or a field name, and a section of 2 000 paragraphs where 999 is
    // the most: each message once quoted the value whole (the list of
    // paragraphs as JSON: 29 MB of output for a 21 MB file).
    let huge = "A".repeat(1 << 20);
    let mut document = document(1, 2_000, |_| format!("Text {}.", "x".repeat(8_000)));
    document["id"] = json!(huge.clone());
    document["adopted"] = json!(format!("2026-{huge}"));
    document["kind"] = json!(huge.clone());
    document["title"][format!("en-{huge}")] = json!("t");
    document[format!("x{huge}")] = json!(1);
    let text = pretty(&document);
    assert!(text.len() > 16 << 20);
    let run = validate("huge.json", &text, &["--format", "json"]);
    let report = run.report();
    let mut codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    for code in [
        "schema-additional-properties",
        "schema-enum",
        "schema-format",
        "schema-max-items",
        "schema-max-length",
        "schema-pattern",
        "schema-property-names",
    ] {
        assert!(codes.contains(&code), "no {code} in {codes:?}");
    }
    // Output and work alike: building a message costs what it holds, and
    // no message or hint holds more than a line. (A pointer, and the unit
    // named after it, spell out the key they lead to, however long.)
    let mut located = 0;
    for d in &report.diagnostics {
        let shown = d.message.len() + d.hint.as_ref().map_or(0, String::len);
        assert!(shown < 1_000, "{}: {shown} bytes", d.code);
        located += d.pointer.len() + d.unit.as_ref().map_or(0, String::len);
    }
    let rest = run.stdout.len() - located;
    assert!(rest < 20_000, "{rest} bytes besides pointers");
    let max_items = report
        .diagnostics
        .iter()
        .find(|d| d.code == "schema-max-items")
        .map_or("", |d| d.message.as_str());
    assert!(
        max_items.starts_with("[{\"id\":\"sec_1__para_1\",\"text\":{\"en\":\"Text xxx")
            && max_items.ends_with("xxx… has more than 999 items"),
        "{max_items}"
    );
}
