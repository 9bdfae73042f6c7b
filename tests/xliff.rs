//! XLIFF 2.0 import and export through the real binary: every fixture
//! under `tests/fixtures/xliff/` with its exit code, and for a refused
//! file its code, `line:column` and a translation file whose checksum has
//! not moved; a 10⁵-unit import bounded by the work counted; an export
//! that refuses what XML cannot carry. See: #16

use std::fmt::Write as _;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::harness::{Test, repo};

const DIR: &str = "tests/fixtures/xliff";
const FRENCH: &str = "data/hangzhou-initiative/translations/fr.json";

/// The arguments that export the French translation to `fr.xlf`.
const EXPORT_FR: &[&str] = &[
    "translation",
    "xliff",
    "export",
    "--lang",
    "fr",
    "--out",
    "fr.xlf",
];

/// What importing a fixture into the shipped French translation gives.
enum Expected {
    /// Exit 0, and the title's translation afterwards.
    Title(&'static str),
    /// Exit 1 with this code at this `line:column`; nothing is written.
    Refused(&'static str, usize, usize),
}

use Expected::{Refused, Title};

const XLIFF_CASES: &[(&str, Expected)] = &[
    // CDATA is text: it was imported as "" ("1 units changed", exit 0).
    (
        "cdata-target.xlf",
        Title("Initiative de Hangzhou sur l’IA & l’éducation <2026>"),
    ),
    // Segments and ignorables are joined in order: only the last segment
    // was kept.
    (
        "three-segments.xlf",
        Title("Initiative de Hangzhou sur l’intelligence artificielle et l’éducation"),
    ),
    // <pc> and <mrk> keep their content; character references are
    // resolved by quick-xml.
    (
        "inline-pc.xlf",
        Title("Initiative de Hangzhou (Chine) sur l’IA et l’éducation"),
    ),
    // A <ph> with no text equivalent cannot become text.
    ("inline-ph.xlf", Refused("xliff-inline", 7, 40)),
    // The second unit `title` once replaced the first, silently.
    ("duplicate-unit.xlf", Refused("xliff-duplicate-unit", 10, 5)),
    // `trgLang=«` in a comment once panicked (a byte-offset slice).
    (
        "trglang-multibyte.xlf",
        Title("Initiative de Hangzhou « IA et éducation »"),
    ),
    // The namespace was never checked.
    ("wrong-namespace.xlf", Refused("xliff-namespace", 2, 1)),
    ("xliff-1.2.xlf", Refused("xliff-version", 2, 1)),
    // A UTF-8 byte-order mark is accepted, and positions start after it.
    (
        "bom.xlf",
        Title("Initiative de Hangzhou (avec BOM) sur l’IA et l’éducation"),
    ),
    // UTF-16 with a byte-order mark is decoded, as XML 1.0 requires.
    (
        "utf16.xlf",
        Title("Initiative de Hangzhou (UTF-16) sur l’IA et l’éducation 😀"),
    ),
    // Without the mark XML does not allow it.
    ("utf16-no-bom.xlf", Refused("xliff-encoding", 1, 1)),
];

/// The SHA-256 of a file, in hex: a file left as it was keeps it.
pub(crate) fn sha256(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    Sha256::digest(&bytes)
        .iter()
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

fn title_of(path: &std::path::Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let translation: Value = serde_json::from_str(&text).unwrap();
    translation["units"]["title"]["translation"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn every_xliff_fixture_imports_or_is_refused_at_its_place() {
    for (file, expected) in XLIFF_CASES {
        let bytes = std::fs::read(repo().join(DIR).join(file)).unwrap();
        let test =
            Test::scratch_repo()
                .write(file, bytes)
                .args(&["translation", "xliff", "import", file]);
        let french = test.dir().join(FRENCH);
        let before = sha256(&french);
        let run = test.run();
        match expected {
            Title(title) => {
                assert_eq!(run.code, 0, "{file}: exit code\n{}", run.stderr);
                assert!(
                    run.stderr.contains("1 units changed"),
                    "{file}: {}",
                    run.stderr
                );
                assert_eq!(title_of(&french), *title, "{file}");
            }
            Refused(code, line, column) => {
                assert_eq!(run.code, 1, "{file}: exit code\n{}", run.stderr);
                let headline = format!("error[{code}]: ");
                let place = format!("{file}:{line}:{column}");
                assert!(run.stderr.starts_with(&headline), "{file}: {}", run.stderr);
                assert!(run.stderr.contains(&place), "{file}: {}", run.stderr);
                assert!(
                    run.stderr
                        .ends_with(&format!("initiative: nothing was imported from {file}\n")),
                    "{file}: {}",
                    run.stderr
                );
                assert_eq!(sha256(&french), before, "{file}: the translation changed");
            }
        }
    }
}

#[test]
fn every_xliff_fixture_is_covered() {
    let mut on_disk: Vec<String> = std::fs::read_dir(repo().join(DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = XLIFF_CASES.iter().map(|(f, _)| (*f).to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn xliff_1_2_is_refused_naming_its_version() {
    let bytes = std::fs::read(repo().join(DIR).join("xliff-1.2.xlf")).unwrap();
    Test::scratch_repo()
        .write("fr.xlf", bytes)
        .args(&["translation", "xliff", "import", "fr.xlf"])
        .run()
        .code(1)
        .stderr(concat!(
            "error[xliff-version]: this is XLIFF 1.2 (version=\"1.2\"); the import reads XLIFF 2.0 and 2.1 only\n",
            " --> fr.xlf:2:1\n",
            "  |\n",
            "2 | <xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n",
            "  | ^\n",
            "  |\n",
            "  = note: at /\n",
            "  = help: export XLIFF 2.0 from your tool, or start from `initiative translation xliff export`\n",
            "initiative: nothing was imported from fr.xlf\n",
        ));
}

#[test]
fn an_unreadable_file_is_a_usage_error() {
    let run = Test::scratch_repo()
        .args(&["translation", "xliff", "import", "missing.xlf"])
        .run()
        .code(2);
    assert!(
        run.stderr
            .starts_with("initiative: error: cannot read missing.xlf:"),
        "{}",
        run.stderr
    );
}

#[test]
fn xliff_export_refuses_what_xml_cannot_carry() {
    let test = Test::scratch_repo();
    let french = test.dir().join(FRENCH);
    let broken = std::fs::read_to_string(&french).unwrap().replacen(
        "Initiative de Hangzhou sur l’IA et l’éducation",
        "Initiative de Hangzhou\\u0000 sur l’IA\\ufffe",
        1,
    );
    let test = test.write(FRENCH, broken).args(EXPORT_FR);
    let run = test.run().code(1);
    assert!(
        run.stderr.starts_with(
            "initiative: error: data/hangzhou-initiative/translations/fr.json:17:45: unit `title`: its translation holds U+0000, which XML 1.0 cannot carry (character 23 of the text); nothing was written\n"
        ),
        "{}",
        run.stderr
    );
    assert!(!test.dir().join("fr.xlf").exists());
}

/// The 10⁵ paragraphs of the big document: 125 sections of 800 (a
/// section holds fewer than 1 000).
const SECTIONS: usize = 125;
const PARAGRAPHS: usize = 800;

/// A project of its own holding a document `big` with
/// `SECTIONS × PARAGRAPHS` paragraphs and an empty French translation.
fn big_project() -> Test {
    let mut document = crate::linear::document(SECTIONS, PARAGRAPHS, |n| {
        format!("Paragraph {}.{}.", n / PARAGRAPHS + 1, n % PARAGRAPHS + 1)
    });
    document["id"] = json!("big");
    let catalog = std::fs::read_to_string(repo().join("data/catalog.json"))
        .unwrap()
        .replace(
            "\"document\": \"hangzhou-initiative\"",
            "\"document\": \"big\"",
        );
    let french = json!({
        "document": "big", "language": "fr", "pivot": "en", "status": "draft",
        "translators": [{"name": "Test"}], "units": {},
    });
    Test::scratch()
        .write("data/big/document.json", document.to_string())
        .write("data/big/translations/fr.json", french.to_string())
        .write("data/catalog.json", catalog)
        .write("schema/.keep", "")
}

/// The XLIFF 2.0 file translating every paragraph of [`big_project`].
fn big_xliff() -> String {
    let mut xliff = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\">\n<file id=\"big\">\n",
    );
    for s in 1..=SECTIONS {
        for p in 1..=PARAGRAPHS {
            let _ = writeln!(
                xliff,
                "<unit id=\"sec_{s}__para_{p}\"><segment><source>Paragraph {s}.{p}.</source><target>Paragraphe {s}.{p}.</target></segment></unit>"
            );
        }
    }
    xliff.push_str("</file>\n</xliff>\n");
    xliff
}

/// The count `name` in the work summary on `stderr`.
fn work(stderr: &str, name: &str) -> u64 {
    let summary = stderr
        .lines()
        .find(|l| l.starts_with("initiative: work: "))
        .unwrap();
    summary
        .split_whitespace()
        .find_map(|field| field.strip_prefix(&format!("{name}=")))
        .unwrap()
        .parse()
        .unwrap()
}

/// Placing each `<unit>` once counted the newlines from the start of the
/// file: for this file, about 10⁵ × 4.5 MB / 2 ≈ 2 × 10¹¹ bytes read (337 s
/// in a release build at this size). Positions are now counted as the
/// reader moves, each byte once, so the bytes read to place units are at
/// most the file's length. (Writing the translation file back sorted its
/// units with a search of the document's list per comparison: 48 s for
/// 2 × 10⁴ units in a debug build, now a map.)
#[test]
fn a_100_000_unit_xliff_imports_in_linear_work() {
    let xliff = big_xliff();
    let test = big_project()
        .write("big.xlf", &xliff)
        .env("INITIATIVE_WORK_COUNTS", "1")
        .args(&["translation", "xliff", "import", "big.xlf"]);
    let run = test.run().code(0);
    assert!(
        run.stderr
            .contains(&format!("{} units changed", SECTIONS * PARAGRAPHS)),
        "{}",
        run.stderr
    );
    let column_bytes = work(&run.stderr, "column-bytes");
    // The few bytes over the file's length place the warnings validating
    // the project finds (its catalog's placeholders).
    let bound = xliff.len() as u64 + 4096;
    assert!(
        column_bytes <= bound,
        "column-bytes={column_bytes} > {bound}"
    );
    let french = std::fs::read_to_string(test.dir().join("data/big/translations/fr.json")).unwrap();
    assert!(french.contains("\"translation\": \"Paragraphe 125.800.\""));
}

/// A Portuguese translation as a CAT tool returns it
/// (`tests/fixtures/cat/pt.xlf`): six units cut into one segment per
/// sentence, with the spaces between them as ignorables. Imported into a
/// new translation, every text is whole, it passes the strict check, and
/// once reviewed it reaches every export. See: #16
#[test]
fn a_portuguese_translation_in_segments_goes_from_xliff_to_every_export() {
    let test = Test::scratch_repo().args(&["translation", "template", "--lang", "pt"]);
    test.run().code(0);
    let path = test
        .dir()
        .join("data/hangzhou-initiative/translations/pt.json");
    let read = |p: &std::path::Path| std::fs::read_to_string(p).unwrap();
    let named = read(&path).replace("\"name\": \"\"", "\"name\": \"Ana\"");
    let fixture = read(&repo().join("tests/fixtures/cat/pt.xlf"));
    // 28 segments in the text, and one per name.
    assert_eq!(fixture.matches("<segment").count(), 35);
    let test = test
        .write("pt.xlf", fixture)
        .write("data/hangzhou-initiative/translations/pt.json", named)
        .args(&["translation", "xliff", "import", "pt.xlf"]);
    let run = test.run().code(0);
    assert!(
        run.stderr.contains(": 13 units and 7 names changed;"),
        "{}",
        run.stderr
    );
    let units: Value = serde_json::from_str::<Value>(&read(&path)).unwrap()["units"].clone();
    assert!(
        units["sec_2__para_1"]["translation"]
            .as_str()
            .unwrap()
            .contains(" IA. Tiraremos pleno partido das plataformas")
    );
    let test = test.args(&[
        "translation",
        "check",
        "--strict",
        "data/hangzhou-initiative/translations/pt.json",
    ]);
    test.run()
        .code(0)
        .stdout("1 file checked: 0 errors, 0 warnings\n");
    let reviewed = read(&path).replace("\"status\": \"draft\"", "\"status\": \"reviewed\"");
    let test = test
        .write("data/hangzhou-initiative/translations/pt.json", reviewed)
        .args(&["build"]);
    test.run().code(0);
    let title = "Iniciativa de Hangzhou sobre IA e Educação";
    let file = |p: &str| read(&test.dir().join("exports").join(p));
    assert!(file("json/hangzhou-initiative.json").contains(&format!("\"pt\": \"{title}\"")));
    assert!(file("csv/text_units.csv").contains(&format!(",pt,{title},community-reviewed\r\n")));
    assert!(
        file("xml/hangzhou-initiative.xml")
            .contains(&format!("<title xml:lang=\"pt\">{title}</title>"))
    );
    assert!(
        file("akn/hangzhou-initiative/pt.xml").contains(&format!("<docTitle>{title}</docTitle>"))
    );
    assert!(file("tmx/hangzhou-initiative.tmx").contains(&format!("<seg>{title}</seg>")));
    assert!(file("html/hangzhou-initiative.html").contains(title));
    assert!(
        file("dcat/catalog.ttl")
            .contains("<http://publications.europa.eu/resource/authority/language/POR>")
    );
}

/// The French translation exported: its 13 text units, then its 7 names.
fn exported_french() -> (Test, String) {
    let test = Test::scratch_repo().args(EXPORT_FR);
    test.run().code(0);
    let xliff = std::fs::read_to_string(test.dir().join("fr.xlf")).unwrap();
    (test, xliff)
}

/// A name travels as the unit `name.<reference-id>`, with a note for the
/// translator: the export read back gives the same file byte for byte,
/// and an edited target changes exactly the rendering.
#[test]
fn a_name_travels_as_a_unit_of_its_own() {
    let (test, xliff) = exported_french();
    assert!(xliff.contains("    <unit id=\"name.global-digital-compact\">\n      <notes>\n        <note>The name of a reference the text cites (document): render it as the translation names it.</note>\n      </notes>\n      <segment state=\"translated\">\n        <source>Global Digital Compact</source>\n        <target>Pacte numérique mondial</target>\n      </segment>\n    </unit>\n"), "{xliff}");
    let french = test.dir().join(FRENCH);
    let before = sha256(&french);
    let test = test.args(&["translation", "xliff", "import", "fr.xlf"]);
    test.run().code(0).stderr(
        "imported fr.xlf into data/hangzhou-initiative/translations/fr.json: 0 units changed; run `initiative translation check data/hangzhou-initiative/translations/fr.json`\n",
    );
    assert_eq!(sha256(&french), before);
    let edited = xliff.replace(
        "<target>Pacte numérique mondial</target>",
        "<target>Pacte mondial pour le numérique</target>",
    );
    let test = test.write("fr.xlf", edited);
    test.run().code(0).stderr(
        "imported fr.xlf into data/hangzhou-initiative/translations/fr.json: 0 units and 1 names changed; run `initiative translation check data/hangzhou-initiative/translations/fr.json`\n",
    );
    let after: Value = serde_json::from_str(&std::fs::read_to_string(&french).unwrap()).unwrap();
    assert_eq!(
        after["names"]["global-digital-compact"],
        json!({"source": "Global Digital Compact", "translation": "Pacte mondial pour le numérique"})
    );
}

/// A name of a reference the document lacks, or a name twice: exit 1 at
/// its `<unit>`, and the translation file as it was.
#[test]
fn an_unknown_or_repeated_name_is_refused_at_its_unit() {
    let (test, xliff) = exported_french();
    let line = xliff
        .lines()
        .position(|l| l == "    <unit id=\"name.unesco\">")
        .unwrap()
        + 1;
    let french = test.dir().join(FRENCH);
    let before = sha256(&french);
    let cases = [
        (
            "name.unesko",
            "error[xliff-unknown-unit]: `name.unesko` names reference `unesko`, which the document does not have\n",
        ),
        (
            "name.summit-of-the-future",
            "error[xliff-duplicate-unit]: unit `name.summit-of-the-future` appears twice (first at ",
        ),
    ];
    let mut test = test;
    for (id, expected) in cases {
        let broken = xliff.replace("<unit id=\"name.unesco\">", &format!("<unit id=\"{id}\">"));
        test = test
            .write("fr.xlf", broken)
            .args(&["translation", "xliff", "import", "fr.xlf"]);
        let run = test.run().code(1);
        assert!(run.stderr.starts_with(expected), "{}", run.stderr);
        let place = format!("--> fr.xlf:{line}:5\n");
        assert!(run.stderr.contains(&place), "{}", run.stderr);
        assert!(
            run.stderr
                .ends_with("initiative: nothing was imported from fr.xlf\n"),
            "{}",
            run.stderr
        );
        assert_eq!(sha256(&french), before);
    }
}
