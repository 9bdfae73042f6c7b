//! The Markdown rendition read back by `initiative import --from markdown`:
//! the shipped rendition gives the shipped document byte for byte, a hand
//! edit changes exactly the unit edited, markup in a text survives, a text
//! numbered `Article 1` / `第一条` comes in with its numbers, and files
//! that do not align or do not fit are refused where the problem is, with
//! nothing written. See: #18

use initiative::model::{Document, Language};

use crate::harness::{Test, repo};
use crate::safety::snapshot;

const ZH: &str = "exports/markdown/hangzhou-initiative/zh-Hans.md";
const EN: &str = "exports/markdown/hangzhou-initiative/en.md";
const IMPORT: [&str; 5] = [
    "import",
    "zh-Hans.md",
    "en.md",
    "--id",
    "hangzhou-initiative",
];

fn shipped(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap()
}

fn document(json: &[u8]) -> Document {
    serde_json::from_slice(json).unwrap()
}

fn with(args: &[&str]) -> Vec<String> {
    IMPORT.iter().chain(args).map(|s| (*s).to_owned()).collect()
}

#[test]
fn the_rendition_imports_back_to_the_shipped_document() {
    let test = Test::scratch_repo()
        .write("zh-Hans.md", shipped(ZH))
        .write("en.md", shipped(EN));
    let run = test.run_with(&with(&["--out", "-"])).code(0);
    assert_eq!(
        run.stdout,
        shipped("data/hangzhou-initiative/document.json")
    );
    assert_eq!(
        run.stderr,
        "kept from the existing data/hangzhou-initiative/document.json: kind, place, issuer, publication, references, related, editorial_notes\n"
    );
    // Without --force the document is not replaced; with it, the same bytes
    // are written and the catalog, which describes it already, is kept.
    let before = snapshot(test.dir());
    let refused = test.run_with(&with(&[])).code(2);
    assert!(
        refused.stderr.contains("pass --force"),
        "{}",
        refused.stderr
    );
    test.run_with(&with(&["--force"])).code(0);
    assert_eq!(snapshot(test.dir()), before);
}

#[test]
fn a_hand_edited_unit_changes_exactly_that_unit() {
    let edited: String = shipped(EN)
        .lines()
        .map(|line| {
            if line.starts_with("<a id=\"sec_3__para_1\"></a>") {
                // Wrapped over two lines, as an editor may: one paragraph.
                "<a id=\"sec_3__para_1\"></a>We call for a shorter text,\nwritten by hand."
                    .to_owned()
            } else {
                line.to_owned()
            }
        })
        .map(|line| line + "\n")
        .collect();
    let test = Test::scratch_repo()
        .write("zh-Hans.md", shipped(ZH))
        .write("en.md", edited);
    let run = test.run_with(&with(&["--out", "-"])).code(0);
    let mut expected = document(shipped("data/hangzhou-initiative/document.json").as_bytes());
    let unit = &mut expected.sections[2].paragraphs[0].text;
    unit.insert(
        Language::new("en"),
        "We call for a shorter text, written by hand.".into(),
    );
    assert_eq!(document(run.stdout.as_bytes()), expected);
}

#[test]
fn markup_in_a_text_renders_escaped_and_reads_back() {
    let test = Test::scratch_repo();
    let path = test.dir().join("data/hangzhou-initiative/document.json");
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let hazards = [
        ("/title/en", "# Not a heading, *really*"),
        ("/preamble/1/text/zh-Hans", "1. 不是列表"),
        (
            "/preamble/1/text/en",
            "not a list - <b>x</b> &amp; `code` _under_ [a](b) | c $d$ \\ e #",
        ),
        ("/sections/0/heading/en", "> quote ~~strike~~ ##"),
        (
            "/sections/1/paragraphs/0/text/zh-Hans",
            "- 列表 *星号* <!-- 注释 -->",
        ),
    ];
    for (pointer, text) in hazards {
        *value.pointer_mut(pointer).unwrap() = text.into();
    }
    std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    test.run_with(&["-q", "build"]).code(0);
    let en = std::fs::read_to_string(test.dir().join(EN)).unwrap();
    assert!(
        en.contains("# <a id=\"title\"></a>\\# Not a heading, \\*really\\*\n"),
        "{en}"
    );
    let run = test
        .run_with(&[
            "import",
            ZH,
            EN,
            "--id",
            "hangzhou-initiative",
            "--out",
            "-",
        ])
        .code(0);
    assert_eq!(
        document(run.stdout.as_bytes()),
        document(&std::fs::read(&path).unwrap())
    );
}

#[test]
fn a_text_numbered_by_article_imports_with_its_numbers() {
    let fixture = |lang: &str| {
        repo()
            .join(format!("tests/fixtures/markdown/article/{lang}.md"))
            .display()
            .to_string()
    };
    let (zh, en) = (fixture("zh-Hans"), fixture("en"));
    let test = Test::scratch();
    test.run_with(&["-q", "init"]).code(0);
    let run = test
        .run_with(&[
            "import",
            &zh,
            &en,
            "--id",
            "open-data-statement",
            "--kind",
            "statement",
            "--place",
            "巴黎@zh-Hans,Paris@en,FR",
            "--issuer",
            "unesco",
        ])
        .code(0);
    assert_eq!(
        run.stderr,
        "left for the editor (`TODO: …` placeholders): publication, the issuer's name in references\nwrote data/open-data-statement/document.json and described `open-data-statement` in data/catalog.json\n"
    );
    let path = test.dir().join("data/open-data-statement/document.json");
    let imported = document(&std::fs::read(&path).unwrap());
    assert_eq!(imported.adopted.as_str(), "2026-03-03");
    let headings: Vec<(u32, Option<&str>, Option<&str>)> = imported
        .sections
        .iter()
        .map(|s| {
            (
                s.number,
                s.heading.get(&Language::new("en")),
                s.heading.get(&Language::new("zh-Hans")),
            )
        })
        .collect();
    assert_eq!(
        headings,
        [
            (1, Some("Scope"), Some("范围")),
            (2, Some("Openness"), Some("开放"))
        ]
    );
    assert_eq!(
        imported.sections[1].paragraphs[1].id.as_str(),
        "sec_2__para_2"
    );
    labels_are_the_model_s_and_read_back(&test, &path);
}

/// After a build, the rendition of the Article-numbered document has each
/// language's own labels, and imports back to the same document.
fn labels_are_the_model_s_and_read_back(test: &Test, path: &std::path::Path) {
    test.run_with(&["-q", "build"]).code(0);
    // The model keeps numbers, not a numbering style: the rendition writes
    // each language's own labels, and reads back the same document.
    let rendition = std::fs::read_to_string(
        test.dir()
            .join("exports/markdown/open-data-statement/en.md"),
    )
    .unwrap();
    assert!(
        rendition.contains("<a id=\"sec_1__heading\"></a>I. Scope\n"),
        "{rendition}"
    );
    let zh_rendition = std::fs::read_to_string(
        test.dir()
            .join("exports/markdown/open-data-statement/zh-Hans.md"),
    )
    .unwrap();
    assert!(
        zh_rendition.contains("<a id=\"sec_2__heading\"></a>二、开放\n"),
        "{zh_rendition}"
    );
    let again = test
        .run_with(&[
            "import",
            "exports/markdown/open-data-statement/zh-Hans.md",
            "exports/markdown/open-data-statement/en.md",
            "--id",
            "open-data-statement",
            "--out",
            "-",
        ])
        .code(0);
    assert_eq!(again.stdout.as_bytes(), std::fs::read(path).unwrap());
}

#[test]
fn files_that_do_not_align_are_refused_where_they_differ() {
    let en: String = shipped(EN)
        .split_inclusive('\n')
        .filter(|line| !line.starts_with("<a id=\"preamble__para_2\"></a>"))
        .collect();
    let line = en.lines().position(|l| l.starts_with("## ")).unwrap() + 1;
    let column = "## <a id=\"sec_1\"></a><a id=\"sec_1__heading\"></a>"
        .chars()
        .count()
        + 1;
    let test = Test::scratch_repo()
        .write("zh-Hans.md", shipped(ZH))
        .write("en.md", en);
    let before = snapshot(test.dir());
    let run = test
        .run_with(&with(&["--force", "--message-format", "json"]))
        .code(1);
    let report = run.report();
    let found: Vec<(&str, &str, Option<usize>, Option<usize>)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.file.as_str(), d.line, d.column))
        .collect();
    assert_eq!(
        found,
        [("markdown-alignment", "en.md", Some(line), Some(column))]
    );
    assert_eq!(
        report.diagnostics[0].message,
        "1 preamble paragraphs here, 2 in zh-Hans.md"
    );
    assert_eq!(report.diagnostics[0].pointer, "/preamble");
    assert_eq!(snapshot(test.dir()), before);
}

#[test]
fn misplaced_anchors_gaps_and_stray_text_are_located() {
    let file = "stray text\n\n# T\n\n2026-01-01\n\n## <a id=\"sec_1\"></a>I. A\n\n<a id=\"sec_1__para_2\"></a>x\n\n## III. C\n\n<a id=\"sec_3__para_1\"></a>y\n\n### deeper\n";
    let test = Test::scratch().write("en.md", file);
    let run = test
        .run_with(&[
            "import",
            "en.md",
            "--id",
            "x",
            "--out",
            "-",
            "--message-format",
            "json",
        ])
        .code(1);
    assert_eq!(run.stdout, "");
    let report: crate::harness::Report = serde_json::from_str(&run.stderr).unwrap();
    let found: Vec<(&str, Option<usize>, Option<usize>)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line, d.column))
        .collect();
    assert_eq!(
        found,
        [
            ("markdown-structure", Some(1), Some(1)),
            ("markdown-anchor", Some(9), Some(1)),
            ("markdown-numbering", Some(11), Some(4)),
            ("markdown-structure", Some(15), Some(5)),
        ]
    );
    assert!(snapshot(test.dir()).len() == 1);
}

#[test]
fn a_capture_is_one_file_and_languages_must_be_known() {
    let test = Test::scratch_repo()
        .write("en.md", shipped(EN))
        .write("notes.md", shipped(EN));
    let before = snapshot(test.dir());
    let run = test
        .run_with(&[
            "import", "en.md", "notes.md", "--id", "x", "--from", "capture",
        ])
        .code(2);
    assert!(
        run.stderr.contains("`--from capture` reads one capture"),
        "{}",
        run.stderr
    );
    let run = test.run_with(&["import", "notes.md", "--id", "x"]).code(2);
    assert!(
        run.stderr.contains("`notes` is not a language tag"),
        "{}",
        run.stderr
    );
    let run = test
        .run_with(&[
            "import", "en.md", "--id", "x", "--lang", "en", "--lang", "fr",
        ])
        .code(2);
    assert!(
        run.stderr.contains("1 files but 2 --lang"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(test.dir()), before);
}
