//! The XML export loses nothing: parsed back with quick-xml, it rebuilds
//! the source model exactly. See: #3

use initiative::model::Document;
use quick_xml::Reader;
use quick_xml::events::Event;
use serde_json::{Map, Value, json};

use crate::harness::repo;

/// An element: its local name, attributes, text and children.
#[derive(Debug, Default)]
pub(crate) struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    pub(crate) fn attribute(&self, name: &str) -> &str {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map_or_else(|| panic!("<{}> has no {name}", self.name), |(_, v)| v)
    }

    pub(crate) fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter(move |c| c.name == name)
    }

    pub(crate) fn one<'a>(&'a self, name: &'a str) -> &'a Element {
        self.all(name)
            .next()
            .unwrap_or_else(|| panic!("<{}> has no <{name}>", self.name))
    }

    /// The `xml:lang`-tagged children called `name`, as a language map.
    fn localized(&self, name: &str) -> Value {
        Value::Object(
            self.all(name)
                .map(|e| (e.attribute("xml:lang").to_owned(), json!(e.text)))
                .collect::<Map<_, _>>(),
        )
    }
}

pub(crate) fn parse(text: &str) -> Element {
    let mut reader = Reader::from_str(text);
    let mut stack = vec![Element::default()];
    let open = |start: &quick_xml::events::BytesStart<'_>| Element {
        name: start.local_name().as_ref().to_owned(),
        attributes: start
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                let value = a
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .expect("attribute value");
                (a.key.as_ref().to_owned(), value.into_owned())
            })
            .collect(),
        ..Element::default()
    };
    loop {
        match reader.read_event().expect("xml") {
            Event::Start(start) => stack.push(open(&start)),
            Event::Empty(start) => {
                let element = open(&start);
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(element);
                }
            }
            Event::Text(text) => {
                if let Some(current) = stack.last_mut() {
                    current.text.push_str(&text.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                let name = reference.into_inner();
                let resolved = quick_xml::escape::resolve_predefined_entity(&name)
                    .unwrap_or_else(|| panic!("unknown entity {name}"));
                if let Some(current) = stack.last_mut() {
                    current.text.push_str(resolved);
                }
            }
            Event::End(_) => {
                let element = stack.pop().unwrap_or_default();
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(element);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    stack
        .pop()
        .unwrap_or_default()
        .children
        .pop()
        .unwrap_or_default()
}

fn paragraph(e: &Element) -> Value {
    json!({ "id": e.attribute("id"), "text": e.localized("text") })
}

pub(crate) fn rebuild(root: &Element) -> Document {
    let place = root.one("place");
    let publication = root.one("publication");
    let value = json!({
        "id": root.attribute("id"),
        "kind": root.attribute("kind"),
        "languages": root.one("languages").all("language").map(|l| l.text.as_str()).collect::<Vec<_>>(),
        "title": root.localized("title"),
        "adopted": root.one("adopted").text,
        "place": { "name": place.localized("name"), "country": place.attribute("country") },
        "issuer": root.one("issuer").text,
        "publication": {
            "published_at": publication.one("published-at").text,
            "channel": publication.localized("channel"),
            "headline": publication.localized("headline"),
        },
        "preamble": root.one("preamble").all("paragraph").map(paragraph).collect::<Vec<_>>(),
        "sections": root.one("sections").all("section").map(|s| json!({
            "id": s.attribute("id"),
            "number": s.attribute("number").parse::<u32>().unwrap_or_default(),
            "heading": s.localized("heading"),
            "paragraphs": s.all("paragraph").map(paragraph).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "references": root.one("references").all("reference").map(|r| json!({
            "id": r.attribute("id"),
            "kind": r.attribute("kind"),
            "name": r.localized("name"),
            "cited_by": r.all("cited-by").map(|c| c.text.as_str()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "related": root.one("related").all("item").map(|i| json!({
            "id": i.attribute("id"),
            "title": i.localized("title"),
        })).collect::<Vec<_>>(),
        "community_languages": root.all("community-languages").flat_map(|c| c.all("community-language")).map(|c| json!({
            "language": c.attribute("language"),
            "pivot": c.attribute("pivot"),
            "status": c.attribute("status"),
            "translators": c.all("translator").map(|t| {
                match t.attributes.iter().find(|(n, _)| n == "role") {
                    Some((_, role)) => json!({ "name": t.text, "role": role }),
                    None => json!({ "name": t.text }),
                }
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "editorial_notes": root.one("editorial-notes").all("note").map(|n| json!({
            "unit": n.attribute("unit"),
            "language": n.attribute("language"),
            "correction": n.attribute("correction"),
            "captured": n.one("captured").text,
            "corrected": n.one("corrected").text,
        })).collect::<Vec<_>>(),
    });
    serde_json::from_value(value).expect("rebuild")
}

fn source() -> Document {
    let text = std::fs::read_to_string(repo().join("data/hangzhou-initiative/document.json"))
        .unwrap_or_default();
    let mut document: Document = serde_json::from_str(&text).unwrap();
    document.schema = None;
    document
}

#[test]
fn the_xml_export_rebuilds_the_source_model() {
    let path = repo().join("exports/xml/hangzhou-initiative.xml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let root = parse(&text);
    assert_eq!(root.name, "document");
    assert_eq!(root.attribute("xmlns"), "urn:initiative:xml:1");
    assert_eq!(rebuild(&root), source());
}

#[test]
fn markup_characters_in_text_survive_the_round_trip() {
    let mut document = source();
    let tricky = "A < B & C > \"D\" 'E' ]]> &amp;";
    document
        .title
        .insert(initiative::model::Language::new("en"), tricky.to_owned());
    let test = crate::harness::Test::scratch_repo();
    let path = test.dir().join("data/hangzhou-initiative/document.json");
    std::fs::write(
        &path,
        serde_json::to_vec_pretty(&document).unwrap_or_default(),
    )
    .unwrap();
    let test = test.args(&["export", "--format", "xml", "--out", "out"]);
    test.run().code(0);
    let exported = std::fs::read_to_string(test.dir().join("out/xml/hangzhou-initiative.xml"))
        .unwrap_or_default();
    assert_eq!(rebuild(&parse(&exported)), document);
}
