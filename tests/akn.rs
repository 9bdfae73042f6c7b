//! The Akoma Ntoso export follows the naming convention: eIds built from
//! element abbreviations, the model's unit ids in `wId`, one Work with the
//! same names, number and author in every language file.

use std::path::Path;

use serde_json::Value;

use crate::harness::{Test, read_tree, repo};

fn committed(language: &str) -> String {
    let path = repo().join(format!("exports/akn/hangzhou-initiative/{language}.xml"));
    String::from_utf8(std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn eids_follow_the_naming_convention_and_wids_keep_the_unit_ids() {
    for language in ["en", "zh-Hans"] {
        let akn = committed(language);
        assert!(
            akn.contains(r#"<p eId="preamble__p_1" wId="preamble__para_1">"#),
            "{language}"
        );
        assert!(akn.contains(r#"<p eId="preamble__p_2" wId="preamble__para_2">"#));
        assert!(akn.contains(r#"<section eId="sec_1" wId="sec_1">"#));
        assert!(akn.contains(r#"<paragraph eId="sec_5__para_1" wId="sec_5__para_1">"#));
        // A `<p>` is never named after `<paragraph>`.
        assert!(!akn.contains(r#"eId="preamble__para_"#), "{language}");
    }
}

#[test]
fn every_file_names_the_one_work_alike() {
    let names = [
        r#"<FRBRname value="人工智能教育杭州倡议" xml:lang="zh-Hans"/>"#,
        r#"<FRBRname value="Hangzhou Initiative on AI and Education" xml:lang="en"/>"#,
    ];
    let work = |akn: &str| {
        let start = akn.find("<FRBRWork>").unwrap();
        let end = akn.find("</FRBRWork>").unwrap();
        akn[start..end].to_owned()
    };
    let (en, zh) = (committed("en"), committed("zh-Hans"));
    for akn in [&en, &zh] {
        for name in names {
            assert!(akn.contains(name), "{name}");
        }
        assert!(akn.contains(r#"<FRBRnumber value="hangzhou-initiative"/>"#));
    }
    assert_eq!(work(&en), work(&zh));
}

#[test]
fn the_author_is_the_body_convened_as_the_issuing_event() {
    let akn = committed("en");
    assert_eq!(akn.matches(r##"<FRBRauthor href="#_issuer"/>"##).count(), 2);
    assert!(akn.contains(
        r#"<TLCOrganization eId="_issuer" href="/akn/ontology/organization/world-digital-education-conference" showAs="World Digital Education Conference"/>"#
    ));
    // The event stays an event, and is no author.
    assert!(akn.contains(r#"<TLCEvent eId="world-digital-education-conference""#));
    assert!(!akn.contains(r##"<FRBRauthor href="#world-digital-education-conference"/>"##));
    assert!(akn.contains(r##"<docProponent refersTo="#_issuer">"##));
}

#[test]
fn an_issuing_organization_is_its_own_author() {
    let test = Test::scratch_repo();
    let path = test.dir().join("data/hangzhou-initiative/document.json");
    let mut document: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    for reference in document["references"].as_array_mut().unwrap() {
        if reference["id"] == "world-digital-education-conference" {
            reference["kind"] = Value::String("organization".into());
        }
    }
    std::fs::write(&path, serde_json::to_vec_pretty(&document).unwrap()).unwrap();
    let test = test.args(&["export", "--format", "akn", "-q"]);
    test.run().code(0);
    let files = read_tree(&test.dir().join("exports"));
    let akn = String::from_utf8_lossy(&files[Path::new("akn/hangzhou-initiative/en.xml")]);
    assert!(akn.contains(r##"<FRBRauthor href="#world-digital-education-conference"/>"##));
    assert!(!akn.contains(r#"eId="_issuer""#), "{akn}");
}
