//! The DCAT-AP record, `SHA256SUMS` and the Akoma Ntoso files follow the
//! files and languages actually exported. See: #4

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::{Test, read_tree, repo};

fn sha256(bytes: &[u8]) -> String {
    initiative::export::sha256_hex(bytes)
}

fn json(files: &BTreeMap<PathBuf, Vec<u8>>, path: &str) -> Value {
    serde_json::from_slice(&files[Path::new(path)]).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (download path, byte size, checksum) of every distribution in the
/// JSON-LD record.
fn distributions(record: &Value, base: &str) -> Vec<(String, u64, String)> {
    let graph = record["@graph"].as_array().cloned().unwrap_or_default();
    graph
        .iter()
        .filter(|node| node["@type"][0] == "dcat:Distribution")
        .map(|node| {
            let url = node["dcat:downloadURL"][0]["@id"]
                .as_str()
                .unwrap_or_default();
            let size = node["dcat:byteSize"][0]["@value"]
                .as_str()
                .unwrap_or_default();
            let checksum = &node["spdx:checksum"][0]["spdx:checksumValue"][0]["@value"];
            (
                url.strip_prefix(base).unwrap_or(url).to_owned(),
                size.parse().unwrap_or(u64::MAX),
                checksum.as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn recorded_sizes_and_hashes_match_the_files() {
    let files = read_tree(&repo().join("exports"));
    let record = json(&files, "dcat/catalog.jsonld");
    let described = distributions(&record, "https://example.org/initiative/");
    // One distribution per data file, the translation memory (#16), the
    // SQLite database with its Datasette metadata (#17) and the two
    // Markdown renditions (zh-Hans, en; #18) included.
    assert_eq!(described.len(), 25);
    for (path, size, checksum) in &described {
        let bytes = &files[Path::new(path)];
        assert_eq!(*size, bytes.len() as u64, "{path}");
        assert_eq!(*checksum, sha256(bytes), "{path}");
    }
    let package = json(&files, "datapackage.json");
    for resource in package["resources"].as_array().into_iter().flatten() {
        let path = resource["path"].as_str().unwrap_or_default();
        let bytes = &files[Path::new(path)];
        assert_eq!(resource["bytes"], bytes.len(), "{path}");
        assert_eq!(
            resource["hash"],
            format!("sha256:{}", sha256(bytes)),
            "{path}"
        );
    }
}

#[test]
fn sha256sums_lists_every_other_file() {
    let files = read_tree(&repo().join("exports"));
    let sums = String::from_utf8_lossy(&files[Path::new("SHA256SUMS")]).into_owned();
    let listed: Vec<(&str, &str)> = sums
        .lines()
        .map(|line| line.split_once("  ").unwrap_or_default())
        .collect();
    let expected: Vec<(String, String)> = files
        .iter()
        .filter(|(path, _)| path.as_path() != Path::new("SHA256SUMS"))
        .map(|(path, bytes)| (sha256(bytes), path.to_string_lossy().replace('\\', "/")))
        .collect();
    let listed: Vec<(String, String)> = listed
        .iter()
        .map(|(h, p)| ((*h).to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(listed, expected);
}

/// Adds `fr` beside every `en` text in a JSON value, and `fr` to the
/// document's languages: a third official language, for the test only.
fn add_french(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(en)) = map.get("en") {
                let text = format!("{en} (fr)");
                map.insert("fr".into(), Value::String(text));
            }
            if let Some(Value::Array(languages)) = map.get_mut("languages") {
                languages.push(Value::String("fr".into()));
            }
            map.values_mut().for_each(add_french);
        }
        Value::Array(items) => items.iter_mut().for_each(add_french),
        _ => {}
    }
}

#[test]
fn a_third_language_adds_its_akn_file_dcat_language_and_distributions() {
    let test = Test::scratch_repo();
    // French becomes official here, so the French translation goes.
    std::fs::remove_file(
        test.dir()
            .join("data/hangzhou-initiative/translations/fr.json"),
    )
    .unwrap();
    for file in [
        "data/hangzhou-initiative/document.json",
        "data/catalog.json",
    ] {
        let path = test.dir().join(file);
        let mut value: Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap_or_default()).unwrap_or_default();
        add_french(&mut value);
        std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap_or_default()).unwrap();
    }
    let test = test.args(&["build"]);
    test.run().code(0);
    let files = read_tree(&test.dir().join("exports"));
    let akn =
        String::from_utf8_lossy(&files[Path::new("akn/hangzhou-initiative/fr.xml")]).into_owned();
    assert!(akn.contains(r#"<FRBRlanguage language="fra"/>"#), "{akn}");
    assert!(akn.contains("<num>I.</num>"), "{akn}");
    let turtle = String::from_utf8_lossy(&files[Path::new("dcat/catalog.ttl")]).into_owned();
    assert!(turtle.contains("<http://publications.europa.eu/resource/authority/language/FRA>"));
    let record = json(&files, "dcat/catalog.jsonld");
    let described = distributions(&record, "https://example.org/initiative/");
    // Those 25, the French Akoma Ntoso expression and, with French
    // official, a third Markdown rendition (#18).
    assert_eq!(described.len(), 27);
    assert!(
        described
            .iter()
            .any(|(p, _, _)| p == "akn/hangzhou-initiative/fr.xml")
    );
    let sums = String::from_utf8_lossy(&files[Path::new("SHA256SUMS")]).into_owned();
    assert!(sums.contains("  akn/hangzhou-initiative/fr.xml\n"));
}

#[test]
fn exports_need_the_catalog() {
    let test = Test::scratch_repo();
    std::fs::remove_file(test.dir().join("data/catalog.json")).unwrap();
    // See: #13 (the catalog used to be "missing or invalid", never which).
    let test = test.args(&["export", "--message-format", "json"]);
    let report = test.run().code(1).report();
    let found: Vec<(&str, &str, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.file.as_str(), d.code.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "data/catalog.json",
            "catalog-missing",
            "there is no catalog: the DCAT-AP export takes the publisher, contact point and dataset descriptions from it"
        )]
    );
    assert!(!test.dir().join("exports").exists());
    test.run_with(&["validate", "-q", "--color", "never"])
        .code(1)
        .stdout(concat!(
            "error[catalog-missing]: there is no catalog: the DCAT-AP export takes the publisher, contact point and dataset descriptions from it\n",
            " |\n",
            " = note: data/catalog.json\n",
            " = note: at /\n",
            " = help: create it: copy a catalog.json from another project, or start from the README's section on the catalog, and set the publisher's values\n",
            "\n",
        ));
}

/// The catalog's `dct:issued` is the earliest publication and its
/// `dct:modified` the latest, compared as instants: `23:00+08:00` is
/// 15:00 UTC, an hour before `16:00Z`, though it sorts after it as text.
#[test]
fn catalog_dates_compare_publication_times_as_instants_across_offsets() {
    use initiative::export::{Context, render};
    use initiative::model::{DateTime, DocumentId};

    let (shipped, catalog) = crate::harness::shipped();
    let published = |id: &str, at: &str| {
        let mut document = shipped.clone();
        document.id = DocumentId::new(id);
        document.publication.published_at = DateTime::new(at);
        document
    };
    let documents = [
        published("a-later-as-text", "2026-05-12T23:00:00+08:00"),
        published("b-earlier-as-text", "2026-05-12T16:00:00Z"),
    ];
    let context = Context {
        catalog: Some(&catalog),
        base_iri: &initiative::model::Iri::base(&catalog.base_iri).unwrap(),
        csv_bom: false,
        csv_excel_safe: false,
        created: None,
    };
    let formats = ["dcat".to_owned()];
    let files = render(&context, &documents, &formats).unwrap();
    let record = files
        .iter()
        .find(|f| f.path.as_str() == "dcat/catalog.jsonld")
        .unwrap();
    let record: Value = serde_json::from_slice(&record.bytes).unwrap();
    let catalog_node = record["@graph"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|node| node["@type"][0] == "dcat:Catalog")
        .unwrap();
    assert_eq!(
        catalog_node["dct:issued"][0]["@value"],
        "2026-05-12T23:00:00+08:00"
    );
    assert_eq!(
        catalog_node["dct:modified"][0]["@value"],
        "2026-05-12T16:00:00Z"
    );
}

/// The shipped catalog leaves DCAT-AP's recommended fields that only the
/// publisher knows unset: one `catalog-recommended` warning each, at the
/// catalog (the country's geometry, the availability), the publisher and
/// the dataset entry.
#[test]
fn unset_recommended_fields_are_catalog_warnings_at_exact_positions() {
    let test = Test::in_repo().args(&["validate", "--message-format", "json"]);
    let report = test.run().code(0).report();
    let found: Vec<(&str, &str, Option<usize>, Option<usize>)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "catalog-recommended")
        .map(|d| (d.file.as_str(), d.pointer.as_str(), d.line, d.column))
        .collect();
    assert_eq!(
        found,
        [
            ("data/catalog.json", "", Some(1), Some(1)),
            ("data/catalog.json", "", Some(1), Some(1)),
            ("data/catalog.json", "/publisher", Some(13), Some(16)),
            ("data/catalog.json", "/datasets/0", Some(30), Some(5)),
        ]
    );
    assert!(
        report
            .diagnostics
            .iter()
            .filter(|d| d.code == "catalog-recommended")
            .all(|d| d.severity == "warning" && d.hint.is_some())
    );
}

/// The record's geographic coverage is the EU country authority's entry
/// for the document's country, and no two distributions share a
/// description.
#[test]
fn the_record_names_the_country_and_describes_each_file_apart() {
    let files = read_tree(&repo().join("exports"));
    let turtle = String::from_utf8_lossy(&files[Path::new("dcat/catalog.ttl")]).into_owned();
    let china = "<http://publications.europa.eu/resource/authority/country/CHN>";
    assert_eq!(turtle.matches(&format!("dct:spatial {china}")).count(), 2);
    assert!(
        turtle.contains(&format!("{china}\n    a dct:Location .")),
        "{turtle}"
    );
    assert!(!turtle.contains("dcatap:availability"));
    let record = json(&files, "dcat/catalog.jsonld");
    let mut descriptions: Vec<&str> = record["@graph"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|node| node["@type"][0] == "dcat:Distribution")
        .filter_map(|node| node["dct:description"][0]["@value"].as_str())
        .collect();
    assert_eq!(descriptions.len(), 25);
    descriptions.sort_unstable();
    descriptions.dedup();
    assert_eq!(descriptions.len(), 25, "{descriptions:#?}");
}

/// With availability, the publisher's type and the dataset's period set,
/// the record states them, as concepts with labels, and their warnings
/// go (the country's geometry, left unset, keeps its own).
#[test]
fn recommended_catalog_fields_reach_the_record() {
    let test = Test::scratch_repo();
    let path = test.dir().join("data/catalog.json");
    let mut catalog: Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap_or_default()).unwrap_or_default();
    catalog["availability"] = "STABLE".into();
    catalog["publisher"]["type"] = "NonProfitOrganisation".into();
    catalog["datasets"][0]["temporal"] = serde_json::json!({"start": "2026-05-12"});
    std::fs::write(
        &path,
        serde_json::to_vec_pretty(&catalog).unwrap_or_default(),
    )
    .unwrap();
    let test = test.args(&["build", "--message-format", "json"]);
    let report = test.run().code(0).report();
    assert!(
        report
            .diagnostics
            .iter()
            .filter(|d| d.code == "catalog-recommended")
            .all(|d| d.pointer.is_empty() && d.message.contains("bounding box")),
        "{report:?}"
    );
    let files = read_tree(&test.dir().join("exports"));
    let turtle = String::from_utf8_lossy(&files[Path::new("dcat/catalog.ttl")]).into_owned();
    let stable = "<http://publications.europa.eu/resource/authority/planned-availability/STABLE>";
    assert_eq!(
        turtle
            .matches(&format!("dcatap:availability {stable}"))
            .count(),
        25
    );
    assert!(turtle.contains(&format!(
        "{stable}\n    a skos:Concept ;\n    skos:prefLabel \"stable\"@en ."
    )));
    assert!(turtle.contains("dct:type <http://purl.org/adms/publishertype/NonProfitOrganisation>"));
    assert!(turtle.contains(concat!(
        "    dct:temporal [\n",
        "        a dct:PeriodOfTime ;\n",
        "        dcat:startDate \"2026-05-12\"^^xsd:date\n",
        "    ] ;"
    )));
}

/// A scratch project whose catalog is the shipped one edited by `edit`,
/// with the catalog's text as written.
fn scratch_catalog(edit: impl FnOnce(&mut Value)) -> (Test, String) {
    let test = Test::scratch_repo();
    let path = test.dir().join("data/catalog.json");
    let mut catalog: Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap_or_default()).unwrap_or_default();
    edit(&mut catalog);
    let written = serde_json::to_string_pretty(&catalog).unwrap_or_default();
    std::fs::write(&path, &written).unwrap();
    (test, written)
}

/// The 1-based line and column of the value after the first `"key": `
/// in `text` at or after the line holding `after`.
fn value_position(text: &str, after: &str, key: &str) -> (usize, usize) {
    let start = text
        .lines()
        .position(|line| line.contains(after))
        .unwrap_or(0);
    let needle = format!("\"{key}\": ");
    text.lines()
        .enumerate()
        .skip(start)
        .find_map(|(i, line)| line.find(&needle).map(|at| (i + 1, at + needle.len() + 1)))
        .unwrap_or((0, 0))
}

const CC_BY: &str = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0";
const CHINA: &str = "<http://publications.europa.eu/resource/authority/country/CHN>";

/// A licence without its type is one `catalog-recommended` warning at the
/// licence; none about the type while there is no licence.
#[test]
fn a_licence_without_its_type_is_a_warning_at_the_licence() {
    let (test, written) = scratch_catalog(|catalog| catalog["license"] = CC_BY.into());
    let test = test.args(&["validate", "--message-format", "json"]);
    let report = test.run().code(0).report();
    let (line, column) = value_position(&written, "{", "license");
    let at_licence: Vec<(&str, Option<usize>, Option<usize>)> = report
        .diagnostics
        .iter()
        .filter(|d| d.pointer == "/license")
        .map(|d| (d.code.as_str(), d.line, d.column))
        .collect();
    assert_eq!(
        at_licence,
        [("catalog-recommended", Some(line), Some(column))]
    );
    let shipped = Test::in_repo().args(&["validate", "--message-format", "json"]);
    let report = shipped.run().code(0).report();
    assert!(report.diagnostics.iter().all(|d| d.pointer != "/license"));
}

/// The licence's type and the country's bounding box and centroid reach
/// the record: a typed `dct:LicenseDocument` with its labelled concept,
/// and GeoSPARQL WKT literals on the country's `dct:Location`, as given;
/// the matching warnings go.
#[test]
fn licence_type_and_geometry_reach_the_record() {
    let (test, _) = scratch_catalog(|catalog| {
        catalog["license"] = CC_BY.into();
        catalog["license_type"] = "Attribution".into();
        catalog["spatial"] = serde_json::json!({"CN": {
            "bbox": "POLYGON((10 40, 20 40, 20 50, 10 50, 10 40))",
            "centroid": "POINT(15 45)"
        }});
    });
    let test = test.args(&["build", "--message-format", "json"]);
    let report = test.run().code(0).report();
    let recommended: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "catalog-recommended")
        .map(|d| d.pointer.as_str())
        .collect();
    assert_eq!(recommended, ["", "/publisher", "/datasets/0"], "{report:?}");
    let files = read_tree(&test.dir().join("exports"));
    let turtle = String::from_utf8_lossy(&files[Path::new("dcat/catalog.ttl")]).into_owned();
    let attribution = "<http://purl.org/adms/licencetype/Attribution>";
    assert!(
        turtle.contains(&format!(
            "<{CC_BY}>\n    a dct:LicenseDocument ;\n    dct:type {attribution} ."
        )),
        "{turtle}"
    );
    assert!(turtle.contains(&format!(
        "{attribution}\n    a skos:Concept ;\n    skos:prefLabel \"Attribution\"@en ."
    )));
    assert!(turtle.contains(&format!(
        concat!(
            "{}\n    a dct:Location ;\n",
            "    dcat:bbox \"POLYGON((10 40, 20 40, 20 50, 10 50, 10 40))\"^^gsp:wktLiteral ;\n",
            "    dcat:centroid \"POINT(15 45)\"^^gsp:wktLiteral ."
        ),
        CHINA
    )));
    let record = json(&files, "dcat/catalog.jsonld");
    let location = record["@graph"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|node| node["@type"][0] == "dct:Location")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        location["dcat:centroid"][0],
        serde_json::json!({"@value": "POINT(15 45)", "@type": "gsp:wktLiteral"})
    );
}

/// A geometry that is not a closed WKT polygon, or a point out of range,
/// stops the build with a `catalog-geometry` error at the field.
#[test]
fn a_malformed_geometry_is_refused_where_it_is_written() {
    let (test, written) = scratch_catalog(|catalog| {
        catalog["spatial"] = serde_json::json!({"CN": {
            "bbox": "POLYGON((10 40, 20 40, 20 50, 10 50))",
            "centroid": "POINT(15 95)"
        }});
    });
    let test = test.args(&["build", "--message-format", "json"]);
    let report = test.run().code(1).report();
    let found: Vec<(&str, &str, Option<usize>, Option<usize>)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "catalog-geometry")
        .map(|d| (d.severity.as_str(), d.pointer.as_str(), d.line, d.column))
        .collect();
    let (bbox_line, bbox_column) = value_position(&written, "\"spatial\"", "bbox");
    let (centroid_line, centroid_column) = value_position(&written, "\"spatial\"", "centroid");
    assert_eq!(
        found,
        [
            (
                "error",
                "/spatial/CN/bbox",
                Some(bbox_line),
                Some(bbox_column)
            ),
            (
                "error",
                "/spatial/CN/centroid",
                Some(centroid_line),
                Some(centroid_column)
            ),
        ],
        "{report:?}"
    );
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("not closed"))
    );
    let turtle =
        std::fs::read_to_string(test.dir().join("exports/dcat/catalog.ttl")).unwrap_or_default();
    assert!(!turtle.contains("dcat:bbox"));
}
