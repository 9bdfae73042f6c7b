//! `initiative import --from capture`: the shipped capture of the
//! publication page gives the shipped document; line ends, blank lines,
//! trailing spaces and the order of the language blocks do not matter; a
//! capture that does not align or skips a number is refused where the
//! problem is, with nothing written; lost spaces are restored and noted,
//! and legitimate mixed-case words left alone. See: #18

use initiative::import::joins::joined_words;
use initiative::model::{Document, EditorialNote};

use crate::harness::{Test, repo};
use crate::safety::snapshot;

const CAPTURE: &str = "tests/fixtures/source/hangzhou-initiative-2026-05-12.txt";
const SHIPPED: &str = "data/hangzhou-initiative/document.json";

fn shipped(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap()
}

fn document(json: &str) -> Document {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

/// The import of `capture` (as `page.txt`) beside the shipped document,
/// printed.
fn import(test: &Test, extra: &[&str]) -> crate::harness::Run {
    let mut args = vec![
        "import",
        "page.txt",
        "--id",
        "hangzhou-initiative",
        "--from",
        "capture",
    ];
    args.extend_from_slice(extra);
    test.run_with(&args)
}

/// The capture with its lines `from..=to` (1-based) replaced by `with`.
fn edited(from: usize, to: usize, with: &[&str]) -> String {
    let capture = shipped(CAPTURE);
    let lines: Vec<&str> = capture.lines().collect();
    let mut out: Vec<&str> = lines[..from - 1].to_vec();
    out.extend_from_slice(with);
    out.extend_from_slice(&lines[to..]);
    out.join("\n") + "\n"
}

/// The joins the notes record: unit, language and the words on each side.
fn joins(notes: &[EditorialNote]) -> Vec<(String, String, (String, String))> {
    let mut all: Vec<_> = notes
        .iter()
        .flat_map(|n| {
            joined_words(&n.captured, &n.corrected)
                .into_iter()
                .map(|w| (n.unit.to_string(), n.language.to_string(), w))
        })
        .collect();
    all.sort();
    all
}

#[test]
fn the_shipped_capture_imports_to_the_shipped_document() {
    let test = Test::scratch_repo().write("page.txt", shipped(CAPTURE));
    let run = import(&test, &["--out", "-"]).code(0);
    assert_eq!(run.stdout, shipped(SHIPPED));
    assert_eq!(
        run.stderr,
        "kept from the existing data/hangzhou-initiative/document.json: kind, place, issuer, references, the UTC offset, the related items' ids, editorial_notes (the same corrections)\n"
    );
    let before = snapshot(test.dir());
    let refused = import(&test, &[]).code(2);
    assert!(
        refused.stderr.contains("pass --force"),
        "{}",
        refused.stderr
    );
    import(&test, &["--force"]).code(0);
    assert_eq!(snapshot(test.dir()), before);
}

#[test]
fn a_fresh_project_gets_the_same_texts_and_builds() {
    let test = Test::scratch().write("page.txt", shipped(CAPTURE));
    test.run_with(&["init", "."]).code(0);
    let flags = [
        "--kind",
        "initiative",
        "--place",
        "杭州@zh-Hans,Hangzhou@en,CN",
        "--issuer",
        "world-digital-education-conference",
        "--utc-offset",
        "+08:00",
        "--related-id",
        "ai-education-ethics-reference-framework",
    ];
    let printed = import(&test, &[&flags[..], &["--out", "-"]].concat()).code(0);
    let got = document(&printed.stdout);
    let want = document(&shipped(SHIPPED));
    assert_eq!(got.languages, want.languages);
    assert_eq!(got.title, want.title);
    assert_eq!(got.adopted, want.adopted);
    assert_eq!(got.preamble, want.preamble);
    assert_eq!(got.sections, want.sections);
    assert_eq!(got.publication, want.publication);
    assert_eq!(got.related, want.related);
    assert_eq!(
        (&got.kind, &got.place, &got.issuer),
        (&want.kind, &want.place, &want.issuer)
    );
    assert_eq!(joins(&got.editorial_notes), joins(&want.editorial_notes));
    assert_eq!(joins(&got.editorial_notes).len(), 4);
    import(&test, &flags).code(0);
    let built = test.run_with(&["build"]);
    assert_eq!(built.code, 0, "{}{}", built.stdout, built.stderr);
}

#[test]
fn line_ends_blank_lines_and_block_order_do_not_matter() {
    let capture = shipped(CAPTURE);
    let lines: Vec<&str> = capture.lines().collect();
    // The English block (lines 35 to 60) before the Chinese (7 to 34).
    let english_first = [&lines[..6], &lines[34..60], &lines[6..34], &lines[60..]]
        .concat()
        .join("\n")
        + "\n";
    let variants = [
        capture.replace('\n', "\r\n"),
        capture.replace("\n\n", "  \n\n \n\t\n"),
        english_first,
    ];
    for variant in variants {
        let test = Test::scratch_repo().write("page.txt", &variant);
        let run = import(&test, &["--out", "-"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.stdout, shipped(SHIPPED), "{variant}");
    }
}

/// Imports `capture` and returns its diagnostics: code, line, column,
/// message; checks that nothing was printed or written.
fn refused(capture: &str) -> Vec<(String, usize, usize, String)> {
    let test = Test::scratch_repo().write("page.txt", capture);
    let run = import(&test, &["--out", "-", "--message-format", "json"]).code(1);
    assert_eq!(run.stdout, "");
    let report: crate::harness::Report = serde_json::from_str(&run.stderr).unwrap();
    let before = snapshot(test.dir());
    import(&test, &["--force"]).code(1);
    assert_eq!(snapshot(test.dir()), before);
    report
        .diagnostics
        .into_iter()
        .map(|d| {
            assert_eq!(d.file, "page.txt");
            (d.code, d.line.unwrap(), d.column.unwrap(), d.message)
        })
        .collect()
}

#[test]
fn a_capture_that_does_not_align_or_skips_a_number_is_refused_where_it_does() {
    // The English block without its section V (lines 57 to 60).
    assert_eq!(
        refused(&edited(57, 60, &[])),
        [(
            "capture-alignment".to_owned(),
            53,
            1,
            "4 sections here, 5 in the zh-Hans text".to_owned()
        )]
    );
    // A second paragraph in the Chinese section 二: the English section II,
    // now on line 47, is short.
    assert_eq!(
        refused(&edited(22, 22, &["", "我们另外主张一件事。", ""])),
        [(
            "capture-alignment".to_owned(),
            47,
            1,
            "1 paragraphs in section 2 here, 2 in the zh-Hans text".to_owned()
        )]
    );
    // The Chinese section 三 (lines 23 to 26) left out: 四 comes next.
    assert_eq!(
        refused(&edited(23, 26, &[])),
        [(
            "capture-numbering".to_owned(),
            23,
            1,
            "section 4 where section 3 comes next".to_owned()
        )]
    );
    // A date that is not a day of the calendar.
    let date = refused(&edited(9, 9, &["(2026年2月30日)"]));
    assert_eq!(
        (date[0].0.as_str(), date[0].1, date[0].2),
        ("capture-date", 9, 1)
    );
    // A Chinese line amid the English text fits nowhere.
    let stray = refused(&edited(52, 52, &["", "这一行不属于任何地方。", ""]));
    let found: Vec<_> = stray.iter().map(|d| (d.0.as_str(), d.1, d.2)).collect();
    assert_eq!(
        found,
        [("capture-structure", 53, 1), ("capture-structure", 55, 1)]
    );
    assert_eq!(
        stray[0].3,
        "a second zh-Hans text: each language's text comes once, in one piece"
    );
}

#[test]
fn spaces_lost_elsewhere_are_restored_and_noted() {
    let capture = shipped(CAPTURE)
        .replace("outcomes of AI development", "outcomes ofAI development")
        .replace("smart education platforms", "smart educationplatforms");
    let test = Test::scratch().write("page.txt", &capture);
    let run = import(&test, &["--out", "-"]).code(0);
    let got = document(&run.stdout);
    assert_eq!(got.sections, document(&shipped(SHIPPED)).sections);
    let found: Vec<_> = joins(&got.editorial_notes)
        .into_iter()
        .filter(|(unit, _, _)| unit == "sec_2__para_1")
        .map(|(_, language, (left, right))| (language, left, right))
        .collect();
    let pair = |l: &str, r: &str| ("en".to_owned(), l.to_owned(), r.to_owned());
    assert_eq!(found, [pair("education", "platforms"), pair("of", "AI")]);
}

#[test]
fn legitimate_mixed_case_words_are_not_split_and_an_unsure_join_is_a_warning() {
    let capture = shipped(CAPTURE)
        .replace(
            "AI applications in education",
            "eGovernment applications in education",
        )
        .replace("intelligent tools", "iPhone tools")
        .replace("in the intelligent era", "in UNESCO’s intelligent era")
        .replace("concept adhere", "concept on YouTube adhere");
    let test = Test::scratch().write("page.txt", &capture);
    let run = import(&test, &["--out", "-", "--message-format", "json"]).code(0);
    let got = document(&run.stdout);
    let texts = serde_json::to_string(&got).unwrap();
    for word in ["eGovernment", "iPhone", "YouTube"] {
        assert!(texts.contains(word), "{word}");
    }
    assert_eq!(joins(&got.editorial_notes).len(), 4);
    // The JSON report, then the note of the placeholders left.
    let report: crate::harness::Report = serde_json::Deserializer::from_str(&run.stderr)
        .into_iter()
        .next()
        .unwrap()
        .unwrap();
    let (line, source) = capture
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("YouTube"))
        .unwrap();
    let column = source[..source.find("YouTube").unwrap()].chars().count() + 1;
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.severity.as_str(), d.line, d.column))
        .collect();
    assert_eq!(
        found,
        [("capture-join", "warning", Some(line + 1), Some(column))]
    );
}

/// Without `--from`, the file names say what the files are: one `.txt`
/// file is a capture, `.md` files Markdown; anything else is a usage error.
#[test]
fn the_file_names_say_what_the_files_are() {
    let run = Test::in_repo()
        .args(&[
            "import",
            CAPTURE,
            "--id",
            "hangzhou-initiative",
            "--out",
            "-",
        ])
        .run()
        .code(0);
    assert_eq!(run.stdout, shipped(SHIPPED));
    let run = Test::in_repo()
        .args(&["import", "a.md", CAPTURE, "--id", "x", "--out", "-"])
        .run()
        .code(2);
    assert!(
        run.stderr
            .contains("say what the files are with --from markdown"),
        "{}",
        run.stderr
    );
}

/// A line starting like the trailing links above the publication line is
/// page chrome: the text still runs from that line to the links after it.
#[test]
fn the_trailing_links_are_the_ones_after_the_text() {
    let page = format!("更多精彩内容见下方\n{}", shipped(CAPTURE));
    let scratch = Test::scratch_repo().write("page.txt", page);
    let run = scratch
        .args(&[
            "import",
            "page.txt",
            "--id",
            "hangzhou-initiative",
            "--out",
            "-",
        ])
        .run()
        .code(0);
    assert_eq!(run.stdout, shipped(SHIPPED));
}
