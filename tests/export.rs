//! `initiative export` and the export part of `build`: lossless, byte-stable,
//! and checked for drift. See: #3

use initiative::model::Document;

use crate::harness::{Test, read_tree, repo};

const JSON_EXPORT: &str = "exports/json/hangzhou-initiative.json";

fn read_document(path: &std::path::Path) -> Document {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_json_export_round_trips_to_the_source_model() {
    let mut exported = read_document(&repo().join(JSON_EXPORT));
    let source = read_document(&repo().join("data/hangzhou-initiative/document.json"));
    assert_eq!(
        exported.schema.as_deref(),
        Some("https://example.org/initiative/schema/initiative.schema.json")
    );
    exported.schema.clone_from(&source.schema);
    assert_eq!(exported, source);
}

#[test]
fn the_committed_exports_are_current() {
    Test::in_repo()
        .args(&["export", "--check"])
        .run()
        .code(0)
        .stdout("");
}

#[test]
fn build_twice_gives_identical_bytes_equal_to_the_committed_exports() {
    let test = Test::scratch_repo().args(&["build"]);
    test.run().code(0);
    let first = read_tree(&test.dir().join("exports"));
    test.run().code(0);
    assert_eq!(first, read_tree(&test.dir().join("exports")));
    let committed = read_tree(&repo().join("exports"));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        committed.keys().collect::<Vec<_>>()
    );
    assert!(
        first == committed,
        "the exports differ from the committed ones"
    );
}

#[test]
fn source_date_epoch_stamps_only_the_metadata_files() {
    let test = Test::scratch_repo()
        .env("SOURCE_DATE_EPOCH", "1778596740")
        .args(&["export", "--out", "out"]);
    test.run().code(0);
    let stamped = read_tree(&test.dir().join("out"));
    let committed = read_tree(&repo().join("exports"));
    let metadata = [
        "SHA256SUMS",
        "datapackage.json",
        "dcat/catalog.jsonld",
        "dcat/catalog.ttl",
        // Not the reading page: it lists only its own document's sizes and
        // hashes, so it changes with its document alone.
    ];
    let changed: Vec<String> = stamped
        .iter()
        .filter(|(path, bytes)| committed.get(*path) != Some(*bytes))
        .map(|(path, _)| path.to_string_lossy().replace('\\', "/"))
        .collect();
    assert_eq!(changed, metadata);
    let turtle =
        String::from_utf8_lossy(&stamped[std::path::Path::new("dcat/catalog.ttl")]).into_owned();
    assert!(turtle.contains("dct:modified \"2026-05-12T14:39:00Z\"^^xsd:dateTime"));
    let package =
        String::from_utf8_lossy(&stamped[std::path::Path::new("datapackage.json")]).into_owned();
    assert!(
        package.contains("\n  \"created\": \"2026-05-12T14:39:00Z\",\n"),
        "{package}"
    );
}

#[test]
fn a_bad_source_date_epoch_is_a_usage_error() {
    let test = Test::scratch_repo()
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(&["export", "--out", "out"]);
    test.run().code(2).stderr(
        "initiative: error: SOURCE_DATE_EPOCH is `yesterday`: it must be a whole number of seconds since 1970-01-01 UTC, before the year 10000\n",
    );
    assert!(!test.dir().join("out").exists());
}

#[test]
fn csv_bom_prefixes_every_table_and_rehashes_the_package() {
    let test =
        Test::scratch_repo().args(&["export", "--format", "csv", "--csv-bom", "--out", "out"]);
    test.run().code(0);
    let files = read_tree(&test.dir().join("out"));
    let committed = read_tree(&repo().join("exports"));
    let mut tables = 0;
    for (path, bytes) in &files {
        if path.extension().is_some_and(|e| e == "csv") {
            tables += 1;
            assert_eq!(bytes[..3], *b"\xEF\xBB\xBF", "{}", path.display());
            assert_eq!(bytes[3..], committed[path][..], "{}", path.display());
        }
    }
    assert_eq!(tables, 12);
    assert!(
        files[std::path::Path::new("datapackage.json")]
            != committed[std::path::Path::new("datapackage.json")]
    );
}

#[test]
fn check_lists_stale_and_extra_files_after_a_hand_edit() {
    let test = Test::scratch_repo().args(&["build"]);
    test.run().code(0);
    let edited = std::fs::read_to_string(test.dir().join(JSON_EXPORT))
        .unwrap_or_default()
        .replace("Hangzhou", "Hang zhou");
    let test = test
        .write(JSON_EXPORT, edited)
        .write("exports/notes.txt", "x")
        .args(&["build", "--check"]);
    let run = test.run().code(1);
    assert!(
        run.stdout.ends_with(
            "exports/json/hangzhou-initiative.json: stale\nexports/notes.txt: extra\nrun `initiative build` to regenerate the exports, and commit the result\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn base_iri_sets_the_published_schema_reference() {
    let test = Test::scratch_repo().args(&[
        "export",
        "--out",
        "out",
        "--base-iri",
        "https://data.example.net/x/",
    ]);
    test.run().code(0);
    let exported = read_document(&test.dir().join("out/json/hangzhou-initiative.json"));
    assert_eq!(
        exported.schema.as_deref(),
        Some("https://data.example.net/x/schema/initiative.schema.json")
    );
}

#[test]
fn invalid_data_writes_no_exports() {
    let test = Test::scratch_repo();
    let document = test.dir().join("data/hangzhou-initiative/document.json");
    let broken = std::fs::read_to_string(&document)
        .unwrap_or_default()
        .replace("\"sec_2\"", "\"sec_9\"");
    let test = test
        .write("data/hangzhou-initiative/document.json", broken)
        .args(&["export"]);
    test.run().code(1);
    assert!(!test.dir().join("exports").exists());
}

#[test]
fn a_bad_base_iri_is_a_usage_error() {
    let run = Test::in_repo()
        .args(&["export", "--check", "--base-iri", "example.org"])
        .run()
        .code(2);
    assert_eq!(
        run.stderr,
        "initiative: error: --base-iri: `example.org` is not an IRI: it has no scheme; write it whole, starting with `https://`\n"
    );
}

#[test]
fn base_iri_names_every_linked_data_node() {
    let test = Test::scratch_repo().args(&[
        "export",
        "--format",
        "jsonld",
        "--out",
        "out",
        "--base-iri",
        "https://data.example.net/x/",
    ]);
    test.run().code(0);
    let files = read_tree(&test.dir().join("out"));
    // See: #14. A format is written with the ones that describe it: the
    // reading pages, the DCAT record and the checksums.
    let paths: Vec<String> = files.keys().map(|p| p.display().to_string()).collect();
    assert_eq!(
        paths,
        [
            "SHA256SUMS",
            "dcat/catalog.jsonld",
            "dcat/catalog.ttl",
            "html/hangzhou-initiative.html",
            "html/index.html",
            "jsonld/hangzhou-initiative.jsonld",
        ]
    );
    let value: serde_json::Value =
        serde_json::from_slice(&files[std::path::Path::new("jsonld/hangzhou-initiative.jsonld")])
            .unwrap_or_default();
    let mut ids = Vec::new();
    collect_ids(&value, &mut ids);
    // The document, its adopting body, two language versions, the
    // preamble, 7 paragraphs and 5 sections, 7 references, the
    // publication, the related item and the one download written.
    assert_eq!(ids.len(), 27, "{ids:?}");
    assert_eq!(ids[0], "https://data.example.net/x/hangzhou-initiative");
    assert!(
        ids.contains(&"https://data.example.net/x/hangzhou-initiative#sec_3__para_1".to_owned())
    );
    assert!(ids.contains(&"https://data.example.net/x/hangzhou-initiative/zh-Hans".to_owned()));
    assert!(ids.contains(&"https://data.example.net/x/hangzhou-initiative#ref-unesco".to_owned()));
    assert!(ids.contains(&"https://data.example.net/x/hangzhou-initiative#passed-by".to_owned()));
    assert!(
        ids.contains(&"https://data.example.net/x/jsonld/hangzhou-initiative.jsonld".to_owned())
    );
    assert!(
        ids.iter()
            .all(|id| id.starts_with("https://data.example.net/x/"))
    );
}

/// Every `@id` in a JSON-LD value, in document order.
fn collect_ids(value: &serde_json::Value, ids: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                if key == "@id"
                    && let Some(id) = value.as_str()
                    && id.contains("//")
                {
                    ids.push(id.to_owned());
                }
                if key != "@context" {
                    collect_ids(value, ids);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_ids(v, ids)),
        _ => {}
    }
}

#[test]
fn exports_do_not_depend_on_time_zone_or_locale() {
    let test = Test::scratch_repo()
        .env("TZ", "America/St_Johns")
        .env("LC_ALL", "tr_TR.UTF-8")
        .env("LANG", "zh_CN.GB18030")
        .args(&["export", "--out", "out"]);
    test.run().code(0);
    assert!(
        read_tree(&test.dir().join("out")) == read_tree(&repo().join("exports")),
        "the exports differ from the committed ones"
    );
}

#[test]
fn one_thread_and_many_give_the_same_bytes() {
    let test = Test::scratch_repo().args(&["-j", "1", "export", "--out", "one"]);
    test.run().code(0);
    let test = test.args(&["--jobs", "4", "export", "--out", "four"]);
    test.run().code(0);
    let one = read_tree(&test.dir().join("one"));
    assert!(one == read_tree(&test.dir().join("four")));
    assert!(one == read_tree(&repo().join("exports")));
}

#[test]
fn a_corpus_streamed_in_batches_gives_the_bytes_of_one_whole_render() {
    // 40 documents: more than one batch at any thread count, cut at
    // different places with 1 and 3 threads.
    let mut test = Test::scratch_repo();
    let original =
        std::fs::read_to_string(repo().join("data/hangzhou-initiative/document.json")).unwrap();
    let mut catalog: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("data/catalog.json")).unwrap_or_default(),
    )
    .unwrap();
    let dataset = catalog["datasets"][0].clone();
    for n in 0..39 {
        let id = format!("copy-{n:02}");
        let mut document: serde_json::Value = serde_json::from_str(&original).unwrap();
        document["id"] = id.clone().into();
        let mut entry = dataset.clone();
        entry["document"] = id.clone().into();
        if let Some(datasets) = catalog["datasets"].as_array_mut() {
            datasets.push(entry);
        }
        test = test.write(
            &format!("data/{id}/document.json"),
            serde_json::to_string_pretty(&document).unwrap_or_default(),
        );
    }
    let test = test.write(
        "data/catalog.json",
        serde_json::to_string_pretty(&catalog).unwrap_or_default(),
    );
    let test = test.args(&["-q", "-j", "1", "export", "--out", "one"]);
    test.run().code(0);
    let test = test.args(&["-q", "-j", "3", "export", "--out", "three"]);
    test.run().code(0);
    let one = read_tree(&test.dir().join("one"));
    assert!(one == read_tree(&test.dir().join("three")));

    let mut documents = Vec::new();
    for entry in std::fs::read_dir(test.dir().join("data"))
        .into_iter()
        .flatten()
        .flatten()
    {
        if let Ok(text) = std::fs::read_to_string(entry.path().join("document.json")) {
            documents.push(serde_json::from_str::<initiative::model::Document>(&text).unwrap());
        }
    }
    documents.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
    let catalog: initiative::model::Catalog = serde_json::from_value(catalog).unwrap();
    let context = initiative::export::Context {
        catalog: Some(&catalog),
        base_iri: &initiative::model::Iri::base(&catalog.base_iri).unwrap(),
        csv_bom: false,
        csv_excel_safe: false,
        created: None,
    };
    let whole = initiative::export::render(&context, &documents, &[]).unwrap();
    assert_eq!(whole.len(), one.len());
    for file in &whole {
        assert!(
            one.get(&file.path.to_path_buf()) == Some(&file.bytes),
            "{}",
            file.path
        );
    }
}
