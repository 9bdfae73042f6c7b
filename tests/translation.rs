//! Contributed translations: the checker's rules at exact positions, the
//! template, status, XLIFF round trip, and translations in the exports.
//! See: #5

use std::path::Path;

use crate::harness::{Test, read_tree, repo};

type Expected = (&'static str, &'static str, usize, usize);

const DIR: &str = "tests/fixtures/translations/hangzhou-initiative/translations";

/// (fixture, exit code of `translation check`, [(severity, code, line, column)]).
pub(crate) const TRANSLATION_CASES: &[(&str, i32, &[Expected])] = &[
    ("ar.json", 0, &[("warning", "missing-unit", 13, 3)]),
    ("ru.json", 0, &[("warning", "missing-unit", 13, 3)]),
    (
        "ar-EG.json",
        1,
        &[
            ("warning", "missing-unit", 13, 3),
            ("error", "number-mismatch", 20, 22),
        ],
    ),
    (
        "uk.json",
        1,
        &[
            ("warning", "missing-unit", 13, 3),
            ("error", "script-mismatch", 16, 22),
        ],
    ),
    ("da.json", 0, &[("warning", "double-space", 28, 31)]),
    ("de.json", 1, &[("error", "translation-location", 4, 15)]),
    ("es.json", 1, &[("error", "unknown-unit", 66, 5)]),
    // See: #22. A careful Spanish translation (es-ES), and wrong ones made
    // from it: a paragraph carrying another's translation (es-MX), one
    // translation for two headings (es-PE), a sentence left out of a
    // paragraph of four (es-AR), half a paragraph left in English (es-CL);
    // and right ones: a sentence split in two (es-419), an English title
    // quoted in Spanish text (es-US); a cited organization no longer
    // named (es-CO), where es-ES names every reference through its
    // `names` renderings.
    ("es-ES.json", 0, &[]),
    ("es-CO.json", 0, &[("warning", "cited-name", 40, 599)]),
    (
        "es-MX.json",
        0,
        &[
            ("warning", "reused-translation", 48, 22),
            ("warning", "sentence-count", 48, 23),
        ],
    ),
    (
        "es-PE.json",
        0,
        &[("warning", "reused-translation", 52, 22)],
    ),
    ("es-AR.json", 0, &[("warning", "sentence-count", 56, 336)]),
    (
        "es-CL.json",
        0,
        &[
            ("warning", "untranslated-sentence", 64, 474),
            ("warning", "untranslated-sentence", 64, 608),
        ],
    ),
    ("es-419.json", 0, &[]),
    ("es-US.json", 0, &[]),
    ("fr-CA.json", 0, &[("warning", "end-punctuation", 24, 83)]),
    ("hu.json", 1, &[("error", "zero-width", 16, 45)]),
    ("it.json", 1, &[("error", "missing-unit", 56, 22)]),
    ("nl.json", 0, &[("warning", "stale-source", 43, 34)]),
    ("pl.json", 1, &[("error", "length-ratio", 56, 22)]),
    // See: #13
    (
        "qaa.json",
        1,
        &[
            ("error", "no-iso639-3", 4, 15),
            ("warning", "missing-unit", 13, 3),
        ],
    ),
    (
        "pt.json",
        1,
        &[
            ("error", "empty-translation", 36, 22),
            ("error", "whitespace", 36, 23),
        ],
    ),
    ("ro.json", 1, &[("error", "replacement-character", 16, 51)]),
    (
        "sv.json",
        0,
        &[("warning", "unchanged-translation", 60, 22)],
    ),
    (
        "sw.json",
        1,
        &[
            ("error", "schema-pattern", 4, 15),
            ("error", "translation-location", 4, 15),
        ],
    ),
    (
        "zh-Hans.json",
        1,
        &[
            ("error", "translation-language", 4, 15),
            ("warning", "missing-unit", 13, 3),
        ],
    ),
];

/// Translation fixtures of other fixture documents: (path, exit code,
/// expected). The sample document repeats a heading. See: #22
pub(crate) const OTHER_TRANSLATION_CASES: &[(&str, i32, &[Expected])] = &[(
    "tests/fixtures/translations/sample/translations/fr.json",
    0,
    &[("warning", "inconsistent-translation", 32, 22)],
)];

#[test]
fn other_documents_translation_fixtures_report_their_codes() {
    for (path, code, expected) in OTHER_TRANSLATION_CASES {
        let run = Test::in_repo()
            .args(&["translation", "check", path, "--format", "json"])
            .run();
        assert_eq!(run.code, *code, "{path}: exit code\n{}", run.stdout);
        let report = run.report();
        let found: Vec<(&str, &str, usize, usize)> = report
            .diagnostics
            .iter()
            .map(|d| {
                let at = (d.line.unwrap_or(0), d.column.unwrap_or(0));
                (d.severity.as_str(), d.code.as_str(), at.0, at.1)
            })
            .collect();
        assert_eq!(found, *expected, "{path}");
    }
}

#[test]
fn every_translation_fixture_reports_its_codes_at_exact_positions() {
    for (file, code, expected) in TRANSLATION_CASES {
        let path = format!("{DIR}/{file}");
        let run = Test::in_repo()
            .args(&["translation", "check", &path, "--format", "json"])
            .run();
        assert_eq!(run.code, *code, "{file}: exit code\n{}", run.stdout);
        let report = run.report();
        let found: Vec<(&str, &str, usize, usize)> = report
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.severity.as_str(),
                    d.code.as_str(),
                    d.line.unwrap_or(0),
                    d.column.unwrap_or(0),
                )
            })
            .collect();
        assert_eq!(found, *expected, "{file}");
        assert!(
            report.diagnostics.iter().all(|d| d.hint.is_some()),
            "{file}"
        );
    }
}

#[test]
fn every_translation_fixture_is_covered() {
    let mut on_disk: Vec<String> = std::fs::read_dir(repo().join(DIR))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = TRANSLATION_CASES
        .iter()
        .map(|(f, _, _)| (*f).to_owned())
        .collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn messages_name_the_unit_and_say_what_to_do() {
    let run = Test::in_repo()
        .args(&[
            "translation",
            "check",
            &format!("{DIR}/ar-EG.json"),
            "--color",
            "never",
        ])
        .run()
        .code(1);
    assert!(
        run.stdout.contains(
            "error[number-mismatch]: preamble__para_1 (ar-EG): the number 2030 in the original is missing from the translation\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("preamble__para_1 (ar-EG)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("native digits are fine"),
        "{}",
        run.stdout
    );
}

#[test]
fn strict_fails_on_warnings() {
    let path = format!("{DIR}/da.json");
    Test::in_repo()
        .args(&["translation", "check", &path])
        .run()
        .code(0);
    Test::in_repo()
        .args(&["translation", "check", &path, "--strict"])
        .run()
        .code(1);
}

#[test]
fn the_shipped_french_draft_passes_and_stays_out_of_the_exports() {
    Test::in_repo()
        .args(&["translation", "check", "--strict"])
        .run()
        .code(0)
        .stdout("1 file checked: 0 errors, 0 warnings\n");
    let exports = read_tree(&repo().join("exports"));
    assert!(!exports.contains_key(Path::new("akn/hangzhou-initiative/fr.xml")));
    let json =
        String::from_utf8_lossy(&exports[Path::new("json/hangzhou-initiative.json")]).into_owned();
    assert!(!json.contains("\"fr\""));
}

#[test]
fn status_reports_coverage_in_three_formats() {
    Test::in_repo().args(&["translation", "status"]).run().code(0).stdout(concat!(
        "document             language  status  translated    stale  errors  warnings  exported\n",
        "hangzhou-initiative  fr        draft   20/20 (100%)  0      0       0         no\n",
    ));
    Test::in_repo()
        .args(&["translation", "status", "--format", "markdown"])
        .run()
        .code(0)
        .stdout(concat!(
            "| document | language | status | translated | stale | errors | warnings | exported |\n",
            "|---|---|---|---|---|---|---|---|\n",
            "| hangzhou-initiative | fr | draft | 20/20 (100%) | 0 | 0 | 0 | no |\n",
        ));
    let run = Test::in_repo()
        .args(&["translation", "status", "--format", "json"])
        .run()
        .code(0);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_default();
    assert_eq!(value["translations"][0]["translated"], 20);
    assert_eq!(value["translations"][0]["exported"], false);
}

#[test]
fn the_template_lists_every_unit_and_refuses_official_or_existing_languages() {
    let test = Test::scratch_repo().args(&["translation", "template", "--lang", "es"]);
    let run = test.run().code(0);
    assert_eq!(
        run.stderr,
        "wrote data/hangzhou-initiative/translations/es.json (13 units and 7 names from en); fill in \"translators\" and each \"translation\", then run `initiative translation check`\n"
    );
    test.run().code(2).stderr(
        "initiative: error: data/hangzhou-initiative/translations/es.json already exists: edit it, or pass --force to start over\n",
    );
    let test = test.args(&["translation", "template", "--lang", "es", "--force"]);
    test.run().code(0);
    let test = test.args(&["translation", "template", "--lang", "zh-Hans"]);
    test.run().code(2).stderr(
        "initiative: error: `zh-Hans` is an official language of `hangzhou-initiative`: its text is the original, not a translation\n",
    );
    let test = test.args(&["translation", "template", "--lang", "pt_BR"]);
    test.run().code(2).stderr(
        "initiative: error: `pt_BR` is not a BCP 47 language tag in canonical form: did you mean `pt-BR`?\n",
    );
    // A fresh template reports what is left to do, and nothing else.
    let test = test.args(&["translation", "check", "--format", "json"]);
    let report = test.run().code(1).report();
    let found: Vec<(&str, &str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.file.ends_with("es.json"))
        .map(|d| (d.severity.as_str(), d.code.as_str(), d.pointer.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("error", "schema-min-length", "/translators/0/name"),
            ("warning", "missing-unit", "/units"),
        ]
    );
}

#[test]
fn a_translator_goes_from_template_to_a_passing_check() {
    let test = Test::scratch_repo().args(&["translation", "template", "--lang", "es"]);
    test.run().code(0);
    // Fill it in as a translator would: a name and every translation
    // (the French draft's texts stand in for Spanish here).
    let path = test
        .dir()
        .join("data/hangzhou-initiative/translations/es.json");
    let french: serde_json::Value = serde_json::from_slice(
        &std::fs::read(repo().join("data/hangzhou-initiative/translations/fr.json"))
            .unwrap_or_default(),
    )
    .unwrap_or_default();
    let mut spanish: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap_or_default()).unwrap_or_default();
    spanish["translators"][0]["name"] = "Ana".into();
    for part in ["units", "names"] {
        for (id, unit) in french[part].as_object().into_iter().flatten() {
            spanish[part][id]["translation"] = unit["translation"].clone();
        }
    }
    std::fs::write(
        &path,
        serde_json::to_vec_pretty(&spanish).unwrap_or_default(),
    )
    .unwrap();
    let test = test.args(&[
        "translation",
        "check",
        "data/hangzhou-initiative/translations/es.json",
    ]);
    test.run()
        .code(0)
        .stdout("1 file checked: 0 errors, 0 warnings\n");
}

#[test]
fn xliff_export_then_import_gives_back_the_same_file() {
    let test = Test::scratch_repo().args(&[
        "translation",
        "xliff",
        "export",
        "--lang",
        "fr",
        "--out",
        "fr.xlf",
    ]);
    test.run().code(0);
    let xliff = std::fs::read_to_string(test.dir().join("fr.xlf")).unwrap_or_default();
    assert!(xliff.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\">\n"), "{xliff}");
    // 13 text units, then the 7 names the text cites.
    assert_eq!(xliff.matches("<unit id=").count(), 20);
    assert_eq!(xliff.matches("<unit id=\"name.").count(), 7);
    let file = test
        .dir()
        .join("data/hangzhou-initiative/translations/fr.json");
    let before = std::fs::read(&file).unwrap_or_default();
    let test = test.args(&["translation", "xliff", "import", "fr.xlf"]);
    test.run().code(0);
    assert_eq!(std::fs::read(&file).unwrap_or_default(), before);

    // A CAT tool's edit comes back into the file, and only that.
    let edited = xliff.replace(
        "<target>Initiative de Hangzhou sur l’IA et l’éducation</target>",
        "<target>Initiative de Hangzhou sur l’intelligence artificielle &amp; l’éducation</target>",
    );
    let test = test.write("fr.xlf", edited);
    test.run().code(0);
    let after = String::from_utf8_lossy(&std::fs::read(&file).unwrap_or_default()).into_owned();
    assert!(after.contains(
        "\"translation\": \"Initiative de Hangzhou sur l’intelligence artificielle & l’éducation\""
    ));
}

#[test]
fn xliff_import_refuses_units_the_document_lacks() {
    let test = Test::scratch_repo().args(&[
        "translation",
        "xliff",
        "export",
        "--lang",
        "fr",
        "--out",
        "fr.xlf",
    ]);
    test.run().code(0);
    let xliff = std::fs::read_to_string(test.dir().join("fr.xlf")).unwrap_or_default();
    let file = test
        .dir()
        .join("data/hangzhou-initiative/translations/fr.json");
    let before = std::fs::read(&file).unwrap_or_default();
    let test = test
        .write(
            "fr.xlf",
            xliff.replace("<unit id=\"sec_5__para_1\">", "<unit id=\"sec_6__para_1\">"),
        )
        .args(&["translation", "xliff", "import", "fr.xlf"]);
    // Invalid data, located, as every refused import (#16): exit 1.
    let run = test.run().code(1);
    assert!(
        run.stderr.starts_with(
            "error[xliff-unknown-unit]: unit `sec_6__para_1` does not exist in the document\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("initiative: nothing was imported from fr.xlf\n"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&file).unwrap_or_default(), before);
}

/// A copy of the repository whose French translation is marked reviewed.
fn with_reviewed_french() -> Test {
    let test = Test::scratch_repo();
    let path = test
        .dir()
        .join("data/hangzhou-initiative/translations/fr.json");
    let reviewed = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .replace("\"status\": \"draft\"", "\"status\": \"reviewed\"");
    test.write("data/hangzhou-initiative/translations/fr.json", reviewed)
}

#[test]
fn reviewed_translations_reach_every_export() {
    let test = with_reviewed_french().args(&["build"]);
    test.run().code(0);
    let files = read_tree(&test.dir().join("exports"));
    let file = |p: &str| String::from_utf8_lossy(&files[Path::new(p)]).into_owned();
    let json = file("json/hangzhou-initiative.json");
    assert!(json.contains("\"fr\": \"Initiative de Hangzhou sur l’IA et l’éducation\""));
    assert!(json.contains("\"community_languages\": [\n    {\n      \"language\": \"fr\",\n      \"pivot\": \"en\",\n      \"status\": \"reviewed\""));
    assert!(
        file("csv/text_units.csv")
            .contains(",fr,Initiative de Hangzhou sur l’IA et l’éducation,community-reviewed\r\n")
    );
    assert!(
        file("csv/community_languages.csv").ends_with("hangzhou-initiative,fr,en,reviewed\r\n")
    );
    assert!(
        file("xml/hangzhou-initiative.xml").contains(
            "<title xml:lang=\"fr\">Initiative de Hangzhou sur l’IA et l’éducation</title>"
        )
    );
    let jsonld = file("jsonld/hangzhou-initiative.jsonld");
    assert!(jsonld.contains(
        "\"translationOfWork\": \"https://example.org/initiative/hangzhou-initiative/en\""
    ));
    let akn = file("akn/hangzhou-initiative/fr.xml");
    assert!(akn.contains("<FRBRauthoritative value=\"false\"/>"));
    assert!(akn.contains("<FRBRtranslation href=\"/akn/cn/statement/initiative/2026-05-12/hangzhou-initiative/eng@2026-05-12\" fromLanguage=\"eng\" by=\"#_translator_1\" authoritative=\"false\"/>"));
    assert!(
        file("dcat/catalog.ttl")
            .contains("<http://publications.europa.eu/resource/authority/language/FRA>")
    );
}

#[test]
fn drafts_reach_the_exports_only_when_asked() {
    let test = Test::scratch_repo().args(&["build"]);
    test.run().code(0);
    assert!(
        !test
            .dir()
            .join("exports/akn/hangzhou-initiative/fr.xml")
            .exists()
    );
    let test = test.args(&["build", "--include-drafts"]);
    test.run().code(0);
    let csv =
        std::fs::read_to_string(test.dir().join("exports/csv/text_units.csv")).unwrap_or_default();
    assert!(csv.contains(",fr,Initiative de Hangzhou sur l’IA et l’éducation,community-draft\r\n"));
    assert!(
        test.dir()
            .join("exports/akn/hangzhou-initiative/fr.xml")
            .exists()
    );
}

#[test]
fn a_translation_with_errors_never_reaches_the_exports() {
    let test = with_reviewed_french();
    let path = "data/hangzhou-initiative/translations/fr.json";
    let broken = std::fs::read_to_string(test.dir().join(path))
        .unwrap_or_default()
        .replace("l’horizon 2030", "l’horizon 2031");
    let test = test.write(path, broken).args(&["build"]);
    test.run().code(1);
    assert!(!test.dir().join("exports").exists());
}

/// The reviewed French translation, after the English text of
/// `sec_1__para_1` was corrected (a word added).
fn with_corrected_english() -> Test {
    let test = with_reviewed_french();
    let path = test.dir().join("data/hangzhou-initiative/document.json");
    let corrected = std::fs::read_to_string(&path).unwrap().replacen(
        "concept adhere to the nature",
        "concept and adhere to the nature",
        1,
    );
    test.write("data/hangzhou-initiative/document.json", corrected)
}

/// A correction of the official text is published at once: `build` passes
/// with one warning per stale unit and leaves the stale translation out of
/// every export, while the translator's check fails on it. See: #16
#[test]
fn a_corrected_official_text_is_published_and_its_stale_translation_waits() {
    let test = with_corrected_english().args(&["validate", "--format", "json"]);
    let report = test.run().code(0).report();
    let stale: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "stale-source")
        .map(|d| (d.file.as_str(), d.line, d.column, d.severity.as_str()))
        .collect();
    assert_eq!(
        stale,
        [(
            "data/hangzhou-initiative/translations/fr.json",
            Some(32),
            Some(94),
            "warning"
        )]
    );
    let test = test.args(&["build"]);
    let run = test.run().code(0);
    assert_eq!(run.stdout.matches("warning[stale-source]").count(), 1);
    assert!(
        run.stdout
            .contains("help: the exports leave this translation out until it is updated")
    );
    let files = read_tree(&test.dir().join("exports"));
    let json =
        String::from_utf8_lossy(&files[Path::new("json/hangzhou-initiative.json")]).into_owned();
    assert!(json.contains("concept and adhere to the nature"));
    assert!(!json.contains("\"fr\""));
    assert!(!files.contains_key(Path::new("akn/hangzhou-initiative/fr.xml")));
    let turtle = String::from_utf8_lossy(&files[Path::new("dcat/catalog.ttl")]).into_owned();
    assert!(turtle.contains("skos:editorialNote \"The community translation into fr (reviewed) is withheld until it is updated: the original of sec_1__para_1 changed since it was translated.\"@en"), "{turtle}");
    let page =
        String::from_utf8_lossy(&files[Path::new("html/hangzhou-initiative.html")]).into_owned();
    assert!(page.contains("<tr><td lang=\"fr\">Français</td><td>community translation, reviewed, withheld until it is updated: the original of <a href=\"#sec_1__para_1\">sec_1__para_1</a> changed since it was translated</td><td>en</td>"), "{page}");
    let run = test
        .args(&["translation", "check", "--format", "json"])
        .run()
        .code(1);
    let codes: Vec<_> = run
        .report()
        .diagnostics
        .iter()
        .map(|d| (d.code.clone(), d.severity.clone(), d.line, d.column))
        .collect();
    assert_eq!(
        codes,
        [(
            "stale-source".to_owned(),
            "error".to_owned(),
            Some(32),
            Some(94)
        )]
    );
}

/// `translation status` names the stale units and says the translation is
/// not exported. See: #16
#[test]
fn status_names_the_stale_units_of_a_withheld_translation() {
    let test = with_corrected_english().args(&["translation", "status"]);
    test.run().code(0).stdout(concat!(
        "document             language  status    translated    stale  errors  warnings  exported\n",
        "hangzhou-initiative  fr        reviewed  20/20 (100%)  1      1       0         no\n",
    ));
    let run = test
        .args(&["translation", "status", "--format", "json"])
        .run()
        .code(0);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        value["translations"][0]["stale_units"],
        serde_json::json!(["sec_1__para_1"])
    );
    assert_eq!(value["translations"][0]["exported"], false);
}

/// Each kind of wrong translation fails the strict check; the careful
/// translation and the right variants of it pass. See: #22
#[test]
fn strict_checks_catch_wrong_translations_and_pass_careful_ones() {
    for (file, expected) in [
        ("es-ES.json", 0),
        ("es-419.json", 0),
        ("es-US.json", 0),
        ("es-MX.json", 1),
        ("es-PE.json", 1),
        ("es-AR.json", 1),
        ("es-CL.json", 1),
        ("es-CO.json", 1),
    ] {
        let path = format!("{DIR}/{file}");
        let run = Test::in_repo()
            .args(&["translation", "check", "--strict", &path])
            .run();
        assert_eq!(run.code, expected, "{file}\n{}", run.stdout);
    }
}

/// Across documents of one corpus: a translation copied from another
/// document's unit whose original differs is `reused-translation`; an
/// original both documents share, translated two ways, is
/// `inconsistent-translation`. Each is reported once, in the later file,
/// naming the earlier place. See: #22
#[test]
fn translations_are_compared_across_documents() {
    use serde_json::Value;
    let spanish = std::fs::read_to_string(repo().join(DIR).join("es-ES.json")).unwrap();
    let document =
        std::fs::read_to_string(repo().join("data/hangzhou-initiative/document.json")).unwrap();
    let mut copy: Value = serde_json::from_str(&document).unwrap();
    copy["id"] = "second-initiative".into();
    copy["title"]["en"] = "Second Initiative on AI and Education".into();
    let mut second: Value = serde_json::from_str(&spanish).unwrap();
    second["document"] = "second-initiative".into();
    second["units"]["title"]["source"] = copy["title"]["en"].clone();
    // The title keeps the first document's translation: reused. One
    // heading whose original both share is translated otherwise.
    let other = "Defendamos juntos una educación centrada en las personas que trascienda los límites tradicionales";
    second["units"]["sec_1__heading"]["translation"] = other.into();
    let test = Test::scratch_repo()
        .write("data/hangzhou-initiative/translations/es-ES.json", &spanish)
        .write(
            "data/second-initiative/document.json",
            serde_json::to_vec_pretty(&copy).unwrap(),
        )
        .write(
            "data/second-initiative/translations/es-ES.json",
            serde_json::to_vec_pretty(&second).unwrap(),
        )
        .args(&["translation", "check", "--format", "json"]);
    let run = test.run().code(0);
    let report = run.report();
    let found: Vec<(&str, &str, Option<usize>, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.file.as_str(), d.code.as_str(), d.line, d.message.as_str()))
        .collect();
    let second_file = "data/second-initiative/translations/es-ES.json";
    assert_eq!(
        found,
        [
            (
                second_file,
                "reused-translation",
                Some(16),
                "the same translation as unit `title` of data/hangzhou-initiative/translations/es-ES.json, whose original is different"
            ),
            (
                second_file,
                "inconsistent-translation",
                Some(28),
                "unit `sec_1__heading` of data/hangzhou-initiative/translations/es-ES.json has the same original but another translation"
            ),
        ]
    );
}

/// A cited name renamed in the official data makes the translation's
/// rendering of it stale, located at the name's `source`, with a hint for
/// names. See: #22
#[test]
fn a_renamed_reference_makes_its_rendering_stale() {
    let test = Test::scratch_repo();
    let path = test.dir().join("data/hangzhou-initiative/document.json");
    let renamed = std::fs::read_to_string(&path).unwrap().replacen(
        "\"en\": \"World Digital Education Alliance\"",
        "\"en\": \"World Digital Education Union\"",
        1,
    );
    let test = test
        .write("data/hangzhou-initiative/document.json", renamed)
        .args(&["translation", "check", "--format", "json"]);
    let report = test.run().code(0).report();
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.as_str(),
                d.pointer.as_str(),
                d.line,
                d.column,
                d.hint.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [(
            "stale-source",
            "/names/world-digital-education-alliance/source",
            Some(90),
            Some(42),
            Some("update the rendering to the new name, then copy the new name into \"source\"")
        )]
    );
}

/// A file that is not where translations live is a usage error, not a
/// silent "0 files checked".
#[test]
fn check_refuses_a_file_that_is_not_a_translation() {
    let test = Test::scratch_repo().args(&[
        "translation",
        "check",
        "data/hangzhou-initiative/document.json",
    ]);
    test.run().code(2).stderr(
        "initiative: error: data/hangzhou-initiative/document.json is not a translation file: translations are data/<document>/translations/<language>.json (use `initiative validate` for documents and the catalog)\n",
    );
}
