//! The `SQLite` export (`exports/sqlite/`): every row of every CSV table and
//! nothing else, the same keys as the tables' description, foreign keys
//! that hold, full-text search that finds Chinese, English and a draft
//! translation's French, and the same bytes whatever the run. See: #17

use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;

use crate::harness::{Test, read_tree, repo};

const DATABASE: &str = "sqlite/initiative.sqlite";

/// The database at `path`, read-only.
fn open(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The rows `sql` returns, each cell as the CSV export writes it (`NULL`
/// as an empty cell).
fn rows(db: &Connection, sql: &str) -> Vec<Vec<String>> {
    let mut statement = db.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    let width = statement.column_count();
    statement
        .query_map([], |row| {
            (0..width)
                .map(|i| {
                    Ok(match row.get_ref(i)? {
                        ValueRef::Null => String::new(),
                        ValueRef::Integer(n) => n.to_string(),
                        ValueRef::Real(x) => x.to_string(),
                        ValueRef::Text(t) | ValueRef::Blob(t) => {
                            String::from_utf8_lossy(t).into_owned()
                        }
                    })
                })
                .collect()
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// A CSV table: its header, then its rows.
fn csv_table(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, records)
}

/// The unit ids (with their language) a full-text query finds, in order.
fn hits(db: &Connection, query: &str) -> Vec<String> {
    let mut statement = db
        .prepare(
            "SELECT unit_id || ' ' || language FROM text_units_fts \
             WHERE text_units_fts MATCH ?1 ORDER BY rowid",
        )
        .unwrap();
    statement
        .query_map([query], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The names of the tables listed in `datapackage.json`.
fn table_names() -> Vec<String> {
    let package: Value =
        serde_json::from_slice(&std::fs::read(repo().join("exports/datapackage.json")).unwrap())
            .unwrap();
    package["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_row_of_every_csv_table_is_in_the_database_and_nothing_else() {
    let db = open(&repo().join("exports").join(DATABASE));
    let tables = table_names();
    assert_eq!(tables.len(), 12);
    for table in &tables {
        let (header, records) = csv_table(&repo().join(format!("exports/csv/{table}.csv")));
        let sql = format!("SELECT * FROM \"{table}\" ORDER BY rowid");
        let columns: Vec<String> = db
            .prepare(&sql)
            .unwrap()
            .column_names()
            .map(str::to_owned)
            .collect();
        assert_eq!(columns, header, "{table}");
        assert_eq!(rows(&db, &sql), records, "{table}");
    }
    // Nothing else: the tables, the full-text index (with the tables FTS5
    // keeps it in), the two views and the indexes on the foreign keys.
    let mut expected: BTreeSet<String> = tables.iter().cloned().collect();
    expected.insert("text_units_fts".into());
    for shadow in ["config", "data", "docsize", "idx"] {
        expected.insert(format!("text_units_fts_{shadow}"));
    }
    let listed = |kind: &str| -> BTreeSet<String> {
        let sql = format!(
            "SELECT name FROM sqlite_master WHERE type = '{kind}' AND name NOT LIKE 'sqlite_%'"
        );
        rows(&db, &sql).into_iter().flatten().collect()
    };
    assert_eq!(listed("table"), expected);
    assert_eq!(
        listed("view"),
        BTreeSet::from(["translation_coverage".into(), "unit_texts".into()])
    );
    assert_eq!(
        listed("index"),
        BTreeSet::from([
            "citations_by_document_id_unit_id".into(),
            "documents_by_document_id_issuer".into(),
            "editorial_notes_by_document_id_unit_id".into(),
        ])
    );
}

#[test]
fn the_keys_are_those_of_the_data_package_and_hold() {
    let db = open(&repo().join("exports").join(DATABASE));
    let package: Value =
        serde_json::from_slice(&std::fs::read(repo().join("exports/datapackage.json")).unwrap())
            .unwrap();
    for resource in package["resources"].as_array().unwrap() {
        let table = resource["name"].as_str().unwrap();
        let schema = &resource["schema"];
        let primary = rows(
            &db,
            &format!("SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk"),
        );
        let primary: Vec<&str> = primary.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(serde_json::json!(primary), schema["primaryKey"], "{table}");
        // One row per column of each foreign key, numbered by `id`.
        let keys = rows(
            &db,
            &format!(
                "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('{table}') \
                 ORDER BY id DESC, seq"
            ),
        );
        let mut found: Vec<Value> = Vec::new();
        for id in keys
            .iter()
            .map(|k| k[0].clone())
            .collect::<BTreeSet<_>>()
            .iter()
            .rev()
        {
            let parts: Vec<&Vec<String>> = keys.iter().filter(|k| &k[0] == id).collect();
            found.push(serde_json::json!({
                "fields": parts.iter().map(|k| &k[2]).collect::<Vec<_>>(),
                "reference": {
                    "resource": parts[0][1],
                    "fields": parts.iter().map(|k| &k[3]).collect::<Vec<_>>(),
                },
            }));
        }
        let mut expected = schema["foreignKeys"].as_array().unwrap().clone();
        let key = |v: &Value| v.to_string();
        found.sort_by_key(key);
        expected.sort_by_key(key);
        assert_eq!(found, expected, "{table}");
    }
    assert!(rows(&db, "PRAGMA foreign_key_check").is_empty());
    assert_eq!(rows(&db, "PRAGMA integrity_check"), [["ok"]]);
}

#[test]
fn full_text_search_finds_chinese_english_and_a_drafts_french() {
    let db = open(&repo().join("exports").join(DATABASE));
    // Chinese has no spaces between words: the trigram tokenizer finds any
    // run of three or more characters.
    assert_eq!(hits(&db, "数字差距"), ["sec_2__para_1 zh-Hans"]);
    assert_eq!(hits(&db, "终身教育"), ["sec_1__para_1 zh-Hans"]);
    assert_eq!(hits(&db, "lifelong"), ["sec_1__para_1 en"]);
    assert_eq!(
        hits(&db, "teachers"),
        ["sec_2__para_1 en", "sec_3__para_1 en", "sec_4__para_1 en"]
    );
    assert_eq!(hits(&db, "\"fracture numérique\""), Vec::<String>::new());
    // The documented limit: two characters are too short for a trigram,
    // and the substring search (the `contains` query) finds them instead.
    assert_eq!(hits(&db, "教育"), Vec::<String>::new());
    let contains = rows(
        &db,
        "SELECT count(*) FROM text_units WHERE instr(text, '教育') > 0",
    );
    assert_eq!(contains, [["10"]]);

    let test = Test::scratch_repo().args(&[
        "export",
        "--include-drafts",
        "--format",
        "sqlite",
        "--out",
        "drafts",
    ]);
    test.run().code(0);
    let drafts = open(&test.dir().join("drafts").join(DATABASE));
    assert_eq!(
        hits(&drafts, "\"fracture numérique\""),
        ["sec_2__para_1 fr"]
    );
    assert_eq!(hits(&drafts, "数字差距"), ["sec_2__para_1 zh-Hans"]);
    let coverage = rows(
        &drafts,
        "SELECT language, kind, status, units_with_text, units FROM translation_coverage",
    );
    assert_eq!(
        coverage,
        [
            ["en", "official", "", "13", "13"],
            ["fr", "community", "draft", "13", "13"],
            ["zh-Hans", "official", "", "13", "13"],
        ]
    );
}

#[test]
fn the_views_put_languages_side_by_side() {
    let db = open(&repo().join("exports").join(DATABASE));
    let title = rows(
        &db,
        "SELECT unit_id, kind, section_number, position, en, \"zh-Hans\" FROM unit_texts \
         WHERE unit_id = 'title'",
    );
    assert_eq!(
        title,
        [[
            "title",
            "title",
            "",
            "1",
            "Hangzhou Initiative on AI and Education",
            "人工智能教育杭州倡议",
        ]]
    );
    assert_eq!(rows(&db, "SELECT count(*) FROM unit_texts"), [["13"]]);
}

#[test]
fn the_datasette_metadata_describes_every_table_and_column() {
    let files = read_tree(&repo().join("exports"));
    let metadata: Value =
        serde_json::from_slice(&files[Path::new("sqlite/metadata.json")]).unwrap();
    // The catalog states a title, a description and a publisher, but no
    // licence: the metadata says no more than it.
    assert_eq!(
        metadata["title"],
        "Policy texts on AI and education as open data / 人工智能与教育政策文本开放数据"
    );
    assert_eq!(metadata["source_url"], "https://example.org/initiative/");
    assert!(metadata.get("license").is_none() && metadata.get("license_url").is_none());
    let tables = &metadata["databases"]["initiative"]["tables"];
    assert_eq!(tables["text_units"]["fts_table"], "text_units_fts");
    for table in table_names() {
        let (header, _) = csv_table(&repo().join(format!("exports/csv/{table}.csv")));
        let columns = tables[&table]["columns"].as_object().unwrap();
        let described: Vec<&String> = columns.keys().collect();
        assert_eq!(described, header.iter().collect::<Vec<_>>(), "{table}");
        assert!(columns.values().all(|d| !d.as_str().unwrap().is_empty()));
    }
}

#[test]
fn the_database_has_the_same_bytes_every_run_and_at_every_job_count() {
    let test = Test::scratch_repo().args(&["export", "--format", "sqlite", "--out", "a"]);
    test.run().code(0);
    let test = test.args(&["export", "--format", "sqlite", "--out", "b"]);
    test.run().code(0);
    let test = test.args(&["-j", "1", "export", "--format", "sqlite", "--out", "one"]);
    test.run().code(0);
    let committed = std::fs::read(repo().join("exports").join(DATABASE)).unwrap();
    for out in ["a", "b", "one"] {
        let made = std::fs::read(test.dir().join(out).join(DATABASE)).unwrap();
        assert!(
            made == committed,
            "{out}/{DATABASE} differs from the committed one"
        );
    }
}

#[test]
fn many_documents_in_batches_give_one_database() {
    // 21 documents: two batches with one thread (16 + 5), one with three.
    let mut test = Test::scratch_repo();
    let original =
        std::fs::read_to_string(repo().join("data/hangzhou-initiative/document.json")).unwrap();
    let mut catalog: Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("data/catalog.json")).unwrap())
            .unwrap();
    let dataset = catalog["datasets"][0].clone();
    for n in 0..20 {
        let id = format!("copy-{n:02}");
        let mut document: Value = serde_json::from_str(&original).unwrap();
        document["id"] = id.clone().into();
        let mut entry = dataset.clone();
        entry["document"] = id.clone().into();
        catalog["datasets"].as_array_mut().unwrap().push(entry);
        test = test.write(
            &format!("data/{id}/document.json"),
            serde_json::to_string_pretty(&document).unwrap(),
        );
    }
    let test = test.write(
        "data/catalog.json",
        serde_json::to_string_pretty(&catalog).unwrap(),
    );
    let test = test.args(&[
        "-q", "-j", "1", "export", "--format", "sqlite", "--out", "one",
    ]);
    test.run().code(0);
    let test = test.args(&[
        "-q", "-j", "3", "export", "--format", "sqlite", "--out", "three",
    ]);
    test.run().code(0);
    let one = std::fs::read(test.dir().join("one").join(DATABASE)).unwrap();
    let three = std::fs::read(test.dir().join("three").join(DATABASE)).unwrap();
    assert!(one == three, "the batches changed the bytes");
    let db = open(&test.dir().join("one").join(DATABASE));
    assert_eq!(rows(&db, "SELECT count(*) FROM documents"), [["21"]]);
    assert_eq!(rows(&db, "SELECT count(*) FROM text_units"), [["546"]]);
    assert_eq!(hits(&db, "终身教育").len(), 21);
    assert!(rows(&db, "PRAGMA foreign_key_check").is_empty());
}
