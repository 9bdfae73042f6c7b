//! gettext PO for translation platforms: `translation po export|import`.
//! An export read back changes nothing; an edited `msgstr` changes exactly
//! its unit; a stale unit travels as `#, fuzzy` and stays stale; every
//! refusal names its line and leaves the translation file as it was.
//! See: #16

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::{Test, repo};
use crate::xliff::sha256;

const FRENCH: &str = "data/hangzhou-initiative/translations/fr.json";

/// The arguments that export the French translation to `fr.po`.
const EXPORT_FR: &[&str] = &[
    "translation",
    "po",
    "export",
    "--lang",
    "fr",
    "--out",
    "fr.po",
];

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A scratch project with the French translation exported to `fr.po`.
fn exported() -> (Test, PathBuf) {
    let test = Test::scratch_repo().args(EXPORT_FR);
    test.run().code(0).stderr("wrote fr.po\n");
    let po = test.dir().join("fr.po");
    (test, po)
}

fn units(test: &Test) -> Value {
    serde_json::from_str::<Value>(&read(&test.dir().join(FRENCH))).unwrap()["units"].clone()
}

#[test]
fn export_then_import_gives_back_the_same_file() {
    let (test, po) = exported();
    let po_text = read(&po);
    assert!(po_text.contains("\n\"Language: fr\\n\"\n\"MIME-Version: 1.0\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"));
    assert!(po_text.contains("#. zh-Hans: 人工智能教育杭州倡议\n#. Title\nmsgctxt \"title\"\nmsgid \"Hangzhou Initiative on AI and Education\"\nmsgstr \"Initiative de Hangzhou sur l’IA et l’éducation\"\n"));
    // 13 text units, then the 7 names the text cites.
    assert_eq!(po_text.matches("\nmsgctxt ").count(), 20);
    assert!(po_text.contains("\n#. zh-Hans: 全球数字契约\n#. The name of a reference the text cites (document): render it as the translation names it.\nmsgctxt \"name.global-digital-compact\"\nmsgid \"Global Digital Compact\"\nmsgstr \"Pacte numérique mondial\"\n"));
    let before = read(&test.dir().join(FRENCH));
    let test = test.args(&["translation", "po", "import", "fr.po"]);
    test.run().code(0).stderr(
        "imported fr.po into data/hangzhou-initiative/translations/fr.json: 0 units changed; run `initiative translation check data/hangzhou-initiative/translations/fr.json`\n",
    );
    assert_eq!(read(&test.dir().join(FRENCH)), before);
}

#[test]
fn an_edited_msgstr_changes_exactly_its_unit() {
    let (test, po) = exported();
    let before = units(&test);
    let edited = read(&po).replace(
        "msgstr \"Initiative de Hangzhou sur l’IA et l’éducation\"",
        "msgstr \"\"\n\"Initiative de Hangzhou \\\"IA\\\" \"\n\"et éducation\"",
    );
    let test = test
        .write("fr.po", edited)
        .args(&["translation", "po", "import", "fr.po"]);
    test.run().code(0);
    let after = units(&test);
    let mut expected = before.clone();
    expected["title"]["translation"] = "Initiative de Hangzhou \"IA\" et éducation".into();
    assert_eq!(after, expected);
}

#[test]
fn an_empty_msgstr_never_erases_a_translation() {
    let (test, po) = exported();
    let before = read(&test.dir().join(FRENCH));
    let emptied = read(&po).replace(
        "msgstr \"Initiative de Hangzhou sur l’IA et l’éducation\"",
        "msgstr \"\"",
    );
    let test = test
        .write("fr.po", emptied)
        .args(&["translation", "po", "import", "fr.po"]);
    let run = test.run().code(0);
    assert!(
        run.stderr
            .contains("0 units changed (1 translated units left empty in the PO file were kept)"),
        "{}",
        run.stderr
    );
    assert_eq!(read(&test.dir().join(FRENCH)), before);
}

/// Each refused file: exit 1, the line and column, and the translation
/// file byte for byte as before.
#[test]
fn refused_files_name_the_line_and_change_nothing() {
    let (test, po) = exported();
    let po_text = read(&po);
    let line_of = |needle: &str| po_text.lines().position(|l| l == needle).unwrap() + 1;
    let unknown = line_of("msgctxt \"sec_5__para_1\"");
    let header = line_of("msgid \"\"");
    let cases = [
        (
            po_text.replace("msgctxt \"sec_5__para_1\"", "msgctxt \"sec_6__para_1\""),
            format!("error[po-unknown-unit]: unit `sec_6__para_1` does not exist in the document\n--> fr.po:{unknown}:1\n"),
        ),
        (
            po_text.replace("msgctxt \"title\"\n", ""),
            format!("error[po-no-context]: an entry without `msgctxt` (msgid \"Hangzhou Initiative on AI and Education\"): each entry names its unit in `msgctxt`\n--> fr.po:{}:1\n", line_of("msgctxt \"title\"")),
        ),
        (
            po_text.replace("msgctxt \"preamble__para_2\"", "msgctxt \"title\""),
            format!("error[po-duplicate-unit]: unit `title` appears twice\n--> fr.po:{}:1\n", line_of("msgctxt \"preamble__para_2\"")),
        ),
        (
            po_text.replace("msgid \"To this end", "msgid \"To this \\q end"),
            format!("error[po-syntax]: unknown escape `\\q`\n--> fr.po:{}:16\n", line_of("msgctxt \"preamble__para_2\"") + 1),
        ),
        (
            po_text.replace("\"Language: fr\\n\"\n", ""),
            format!("error[po-header]: the header has no `Language`: set the language the file is translated into (e.g. `Language: es`)\n--> fr.po:{header}:1\n"),
        ),
        (
            po_text.replace("\"Language: fr\\n\"", "\"Language: es\\n\""),
            format!("error[po-header]: the header says `Language: es`, but the file is named for `fr`: rename the file or fix the header\n--> fr.po:{header}:1\n"),
        ),
        (
            po_text.replace("charset=UTF-8", "charset=ISO-8859-1"),
            format!("error[po-header]: the file is in `ISO-8859-1`; save it as UTF-8 (`msgconv --to-code=UTF-8`)\n--> fr.po:{header}:1\n"),
        ),
        (
            po_text.replace("msgctxt \"title\"\nmsgid \"Hangzhou Initiative on AI and Education\"\n", "msgctxt \"title\"\nmsgid \"Hangzhou Initiative on AI and Education\"\nmsgid_plural \"Initiatives\"\n"),
            format!("error[po-plural]: `msgid_plural`: plural forms are not used in a translation of a text; translate each unit as one string\n--> fr.po:{}:1\n", line_of("msgctxt \"title\"") + 2),
        ),
    ];
    each_refused(test, cases);
}

/// A name of a reference the document lacks, or a name twice: refused at
/// its line like a unit, the translation file byte for byte as before.
#[test]
fn a_refused_name_names_its_line_and_changes_nothing() {
    let (test, po) = exported();
    let po_text = read(&po);
    let unesco = po_text
        .lines()
        .position(|l| l == "msgctxt \"name.unesco\"")
        .unwrap()
        + 1;
    let cases = [
        (
            po_text.replace("msgctxt \"name.unesco\"", "msgctxt \"name.unesko\""),
            format!(
                "error[po-unknown-unit]: `name.unesko` names reference `unesko`, which the document does not have\n--> fr.po:{unesco}:1\n"
            ),
        ),
        (
            po_text.replace(
                "msgctxt \"name.unesco\"",
                "msgctxt \"name.global-digital-compact\"",
            ),
            format!(
                "error[po-duplicate-unit]: unit `name.global-digital-compact` appears twice\n--> fr.po:{unesco}:1\n"
            ),
        ),
    ];
    each_refused(test, cases);
}

/// Imports each broken `fr.po` and checks it is refused with the expected
/// first two lines (the code and message, then the place), exit 1, and
/// the translation file's checksum unmoved.
fn each_refused(test: Test, cases: impl IntoIterator<Item = (String, String)>) {
    let french = test.dir().join(FRENCH);
    let before = sha256(&french);
    let mut test = test;
    for (broken, expected) in cases {
        test = test
            .write("fr.po", &broken)
            .args(&["translation", "po", "import", "fr.po"]);
        let run = test.run().code(1);
        // The arrow is indented by the width of the line number.
        let head: Vec<&str> = run.stderr.lines().take(2).map(str::trim_start).collect();
        assert_eq!(format!("{}\n", head.join("\n")), expected);
        assert!(
            run.stderr
                .ends_with("initiative: nothing was imported from fr.po\n"),
            "{}",
            run.stderr
        );
        assert_eq!(sha256(&french), before);
    }
}

/// A corrected original: the stale unit is fuzzy in the PO file, with the
/// original it was translated from as the previous msgid; imported as it
/// is, the unit stays stale; once the translator clears `fuzzy`, it takes
/// the new original.
#[test]
fn a_stale_unit_travels_as_fuzzy_and_stays_stale() {
    let test = Test::scratch_repo();
    let path = test.dir().join("data/hangzhou-initiative/document.json");
    let corrected = read(&path).replacen(
        "concept adhere to the nature",
        "concept and adhere to the nature",
        1,
    );
    let test = test
        .write("data/hangzhou-initiative/document.json", corrected)
        .args(EXPORT_FR);
    test.run().code(0);
    let po_text = read(&test.dir().join("fr.po"));
    let fuzzy = po_text.find("#, fuzzy\n#| msgid \"We advocate").unwrap();
    assert!(po_text[fuzzy..].starts_with("#, fuzzy\n#| msgid \"We advocate the people-oriented education and “Health comes First” concept adhere"));
    assert_eq!(po_text.matches("#, fuzzy").count(), 1);
    let before = read(&test.dir().join(FRENCH));
    let test = test.args(&["translation", "po", "import", "fr.po"]);
    test.run().code(0);
    assert_eq!(read(&test.dir().join(FRENCH)), before);
    let test = test.write("fr.po", po_text.replace("#, fuzzy\n", ""));
    test.run().code(0);
    let after = units(&test);
    assert!(
        after["sec_1__para_1"]["source"]
            .as_str()
            .unwrap()
            .contains("concept and adhere")
    );
    test.args(&["translation", "check", "--strict"])
        .run()
        .code(0);
}

/// A name travels as the entry `name.<reference-id>`: an edited msgstr
/// changes exactly its rendering, a translation file without names gains
/// it, and a name whose original changed is fuzzy with the old one as the
/// previous msgid and stays stale when imported as it is.
#[test]
fn a_name_travels_as_an_entry_of_its_own() {
    let (test, po) = exported();
    let po_text = read(&po);
    let edited = po_text.replace(
        "msgstr \"Pacte numérique mondial\"",
        "msgstr \"Pacte mondial pour le numérique\"",
    );
    let test = test
        .write("fr.po", &edited)
        .args(&["translation", "po", "import", "fr.po"]);
    test.run().code(0).stderr(
        "imported fr.po into data/hangzhou-initiative/translations/fr.json: 0 units and 1 names changed; run `initiative translation check data/hangzhou-initiative/translations/fr.json`\n",
    );
    let names = |test: &Test| {
        serde_json::from_str::<Value>(&read(&test.dir().join(FRENCH))).unwrap()["names"].clone()
    };
    let after = names(&test);
    assert_eq!(
        after["global-digital-compact"],
        serde_json::json!({"source": "Global Digital Compact", "translation": "Pacte mondial pour le numérique"})
    );
    assert_eq!(after["unesco"]["translation"], "UNESCO");

    // A file from before names existed gains the one the PO file renders.
    let mut bare: Value = serde_json::from_str(&read(&test.dir().join(FRENCH))).unwrap();
    bare.as_object_mut().unwrap().remove("names");
    let test = test.write(FRENCH, serde_json::to_string_pretty(&bare).unwrap());
    test.run().code(0);
    assert_eq!(names(&test).as_object().unwrap().len(), 7);

    // A rendering made from an older name: fuzzy, and stale once imported.
    let older = read(&test.dir().join(FRENCH)).replace(
        "\"source\": \"UNESCO\"",
        "\"source\": \"United Nations Educational, Scientific and Cultural Organization\"",
    );
    let test = test.write(FRENCH, older).args(EXPORT_FR);
    test.run().code(0);
    let po_text = read(&test.dir().join("fr.po"));
    assert!(po_text.contains("#, fuzzy\n#| msgid \"United Nations Educational, Scientific and Cultural Organization\"\nmsgctxt \"name.unesco\"\nmsgid \"UNESCO\"\nmsgstr \"UNESCO\"\n"), "{po_text}");
    assert_eq!(po_text.matches("#, fuzzy").count(), 1);
    let before = read(&test.dir().join(FRENCH));
    let test = test.args(&["translation", "po", "import", "fr.po"]);
    test.run().code(0);
    assert_eq!(read(&test.dir().join(FRENCH)), before);
}

/// A careful Spanish translation, filled in on a translation platform
/// (`tests/fixtures/po/es.po`), imported into a new translation: it passes
/// the strict check, and once reviewed reaches every export.
#[test]
fn a_spanish_translation_goes_from_po_to_every_export() {
    let test = Test::scratch_repo().args(&["translation", "template", "--lang", "es"]);
    test.run().code(0);
    let path = test
        .dir()
        .join("data/hangzhou-initiative/translations/es.json");
    let named = read(&path).replace("\"name\": \"\"", "\"name\": \"Ana\"");
    let test = test
        .write("es.po", read(&repo().join("tests/fixtures/po/es.po")))
        .write("data/hangzhou-initiative/translations/es.json", named)
        .args(&["translation", "po", "import", "es.po"]);
    let run = test.run().code(0);
    assert!(
        run.stderr.contains(": 13 units and 7 names changed;"),
        "{}",
        run.stderr
    );
    let test = test.args(&[
        "translation",
        "check",
        "--strict",
        "data/hangzhou-initiative/translations/es.json",
    ]);
    test.run()
        .code(0)
        .stdout("1 file checked: 0 errors, 0 warnings\n");
    let reviewed = read(&path).replace("\"status\": \"draft\"", "\"status\": \"reviewed\"");
    let test = test
        .write("data/hangzhou-initiative/translations/es.json", reviewed)
        .args(&["build"]);
    test.run().code(0);
    let files = crate::harness::read_tree(&test.dir().join("exports"));
    let file = |p: &str| String::from_utf8_lossy(&files[Path::new(p)]).into_owned();
    let title = "Iniciativa de Hangzhou sobre IA y Educación";
    assert!(file("json/hangzhou-initiative.json").contains(&format!("\"es\": \"{title}\"")));
    assert!(file("csv/text_units.csv").contains(&format!(",es,{title},community-reviewed\r\n")));
    assert!(
        file("xml/hangzhou-initiative.xml")
            .contains(&format!("<title xml:lang=\"es\">{title}</title>"))
    );
    assert!(file("jsonld/hangzhou-initiative.jsonld").contains(&format!("\"es\": \"{title}\"")));
    assert!(
        file("akn/hangzhou-initiative/es.xml").contains(&format!("<docTitle>{title}</docTitle>"))
    );
    assert!(file("tmx/hangzhou-initiative.tmx").contains(&format!("<tuv xml:lang=\"es\">\n        <prop type=\"x-origin\">community translation from en, reviewed</prop>\n        <seg>{title}</seg>")));
    assert!(file("html/hangzhou-initiative.html").contains(title));
    assert!(
        file("dcat/catalog.ttl")
            .contains("<http://publications.europa.eu/resource/authority/language/SPA>")
    );
}

/// Exports never land in the folders the project keeps, and an import
/// never waits on a FIFO: each is refused with exit 2 and the tree is as
/// it was. See: #16
#[test]
fn exports_stay_out_of_the_project_and_imports_read_only_files() {
    let test = Test::scratch_repo();
    let fifo = test.dir().join("fr.po");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let before = crate::safety::snapshot(test.dir());
    let mut test = test;
    for (args, message) in [
        (
            &[
                "translation",
                "po",
                "export",
                "--lang",
                "fr",
                "--out",
                "data/catalog.json",
            ][..],
            "initiative: error: data/catalog.json is inside data/, which holds the project's own files",
        ),
        (
            &[
                "translation",
                "xliff",
                "export",
                "--lang",
                "fr",
                "--out",
                "exports/fr.xlf",
            ][..],
            "initiative: error: exports/fr.xlf is inside exports/, which holds the project's own files",
        ),
        (
            &["translation", "po", "import", "fr.po"][..],
            "initiative: error: cannot read fr.po: it is a FIFO, not a regular file",
        ),
        (
            &["translation", "xliff", "import", "fr.po"][..],
            "initiative: error: cannot read fr.po: it is a FIFO, not a regular file",
        ),
    ] {
        test = test.args(args);
        let run = test.run();
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with(message), "{}", run.stderr);
    }
    assert_eq!(crate::safety::snapshot(test.dir()), before);
}
