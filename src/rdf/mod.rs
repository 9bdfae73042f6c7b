//! A small RDF graph and its two serializations, Turtle and JSON-LD, so an
//! export that publishes linked data in both formats builds its graph once
//! and the two files cannot say different things.
//!
//! The graph is a list of subjects, each with its types and properties in
//! the order they were added; a property's object can be a nested blank
//! node. Both serializations keep that order, so output is deterministic.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

/// The object of a triple.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Object {
    /// An IRI.
    Iri(String),
    /// A plain string.
    Text(String),
    /// A string with a language tag.
    Lang(String, String),
    /// A literal with a datatype, written as a prefixed name (`xsd:date`).
    Typed(String, &'static str),
    /// A blank node described in place.
    Node(Box<Node>),
}

/// A subject: an IRI (or, nested, a blank node) with types and properties.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Node {
    /// The subject IRI; `None` for a blank node.
    pub id: Option<String>,
    /// The `rdf:type`s, as prefixed names.
    pub types: Vec<&'static str>,
    /// Properties as (prefixed predicate, object).
    pub properties: Vec<(&'static str, Object)>,
}

impl Node {
    /// A node named by `iri` with one type.
    pub(crate) fn new(iri: impl Into<String>, class: &'static str) -> Self {
        Self {
            id: Some(iri.into()),
            types: vec![class],
            properties: Vec::new(),
        }
    }

    /// A blank node with one type.
    pub(crate) fn blank(class: &'static str) -> Self {
        Self {
            id: None,
            types: vec![class],
            properties: Vec::new(),
        }
    }

    /// Adds a property.
    pub(crate) fn add(&mut self, predicate: &'static str, object: Object) -> &mut Self {
        self.properties.push((predicate, object));
        self
    }

    /// Adds an IRI-valued property.
    pub(crate) fn iri(&mut self, predicate: &'static str, iri: impl Into<String>) -> &mut Self {
        self.add(predicate, Object::Iri(iri.into()))
    }
}

/// The prefixes both serializations declare, in order.
pub(crate) type Prefixes = [(&'static str, &'static str)];

/// The graph as Turtle: prefixes, then one block per subject with blank
/// nodes nested in `[ … ]`.
#[cfg(test)]
pub(crate) fn turtle(prefixes: &Prefixes, nodes: &[Node]) -> String {
    let mut out = turtle_prefixes(prefixes);
    for node in nodes {
        out.push_str(&turtle_subject(node));
    }
    out
}

/// The `@prefix` lines that start a Turtle file.
pub(crate) fn turtle_prefixes(prefixes: &Prefixes) -> String {
    let mut out = String::new();
    for (prefix, iri) in prefixes {
        let _ = writeln!(out, "@prefix {prefix}: <{iri}> .");
    }
    out
}

/// One subject in Turtle, after a blank line: what a Turtle file adds per
/// subject, so a file can be written a subject at a time.
pub(crate) fn turtle_subject(node: &Node) -> String {
    let mut out = String::from("\n");
    let subject = node.id.as_deref().map_or_else(|| "[]".to_owned(), iri_ref);
    out.push_str(&subject);
    write_body(&mut out, node, 1);
    out.push_str(" .\n");
    out
}

fn write_body(out: &mut String, node: &Node, depth: usize) {
    let indent = "    ".repeat(depth);
    let mut first = true;
    let mut separator = |out: &mut String| {
        out.push_str(if first { "\n" } else { " ;\n" });
        first = false;
    };
    if !node.types.is_empty() {
        separator(out);
        let _ = write!(out, "{indent}a {}", node.types.join(", "));
    }
    for (predicate, object) in &node.properties {
        separator(out);
        let _ = write!(out, "{indent}{predicate} ");
        write_object(out, object, depth);
    }
}

fn write_object(out: &mut String, object: &Object, depth: usize) {
    match object {
        Object::Iri(iri) => out.push_str(&iri_ref(iri)),
        Object::Text(text) => out.push_str(&quoted(text)),
        Object::Lang(text, language) => {
            let _ = write!(out, "{}@{language}", quoted(text));
        }
        Object::Typed(text, datatype) => {
            let _ = write!(out, "{}^^{datatype}", quoted(text));
        }
        Object::Node(node) => {
            out.push('[');
            write_body(out, node, depth + 1);
            let _ = write!(out, "\n{}]", "    ".repeat(depth));
        }
    }
}

/// `<iri>`. The IRIs of a graph are checked where they come in
/// ([`crate::model::Iri`]) or built from checked parts, so they are written
/// as they are, as JSON-LD writes them. A character no IRI may hold is
/// percent-encoded, never `\u`-escaped: an escape would decode to the same
/// forbidden character and strict parsers refuse it.
fn iri_ref(iri: &str) -> String {
    let mut out = String::with_capacity(iri.len() + 2);
    out.push('<');
    for c in iri.chars() {
        if matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\') || c <= ' ' {
            let _ = write!(out, "%{:02X}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out.push('>');
    out
}

/// A Turtle string literal with `"`, `\` and line breaks escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The graph as JSON-LD: an inline `@context` of the prefixes and a
/// `@graph` with one object per subject. Values are explicit (`@id`,
/// `@value` with `@language` or `@type`), so the context needs no term
/// definitions and reading it never needs the network.
#[cfg(test)]
pub(crate) fn json_ld(prefixes: &Prefixes, nodes: &[Node]) -> Value {
    json!({
        "@context": json_ld_context(prefixes),
        "@graph": nodes.iter().map(node_json).collect::<Vec<_>>(),
    })
}

fn json_ld_context(prefixes: &Prefixes) -> Value {
    let context: Map<String, Value> = prefixes
        .iter()
        .map(|(prefix, iri)| ((*prefix).to_owned(), json!(iri)))
        .collect();
    Value::Object(context)
}

/// The start of a pretty-printed JSON-LD file up to the opening of its
/// `@graph`. With [`json_ld_subject`] and [`JSON_LD_END`] a file is written
/// a subject at a time, byte for byte as if printed whole.
pub(crate) fn json_ld_start(prefixes: &Prefixes) -> String {
    // A `Value` prints pretty through its `{:#}` Display, which cannot fail.
    let context = format!("{:#}", json_ld_context(prefixes));
    format!(
        "{{\n  \"@context\": {},\n  \"@graph\": [\n",
        context.replace('\n', "\n  ")
    )
}

/// Where a subject stands in its JSON-LD `@graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InGraph {
    /// Another subject follows it, after a comma.
    Followed,
    /// It is the graph's last subject.
    Last,
}

/// One subject of the `@graph`, indented as inside it; the last leaves out
/// the comma that separates it from the next.
pub(crate) fn json_ld_subject(node: &Node, place: InGraph) -> String {
    let json = format!("{:#}", node_json(node));
    let mut out = String::with_capacity(json.len() + json.len() / 8);
    for line in json.lines() {
        out.push_str("    ");
        out.push_str(line);
        out.push('\n');
    }
    out.pop();
    out.push_str(match place {
        InGraph::Last => "\n",
        InGraph::Followed => ",\n",
    });
    out
}

/// What ends a JSON-LD file after its last subject.
pub(crate) const JSON_LD_END: &str = "  ]\n}\n";

fn node_json(node: &Node) -> Value {
    let mut map = Map::new();
    if let Some(id) = &node.id {
        map.insert("@id".into(), json!(id));
    }
    if !node.types.is_empty() {
        map.insert("@type".into(), json!(node.types));
    }
    for (predicate, object) in &node.properties {
        let value = match object {
            Object::Iri(iri) => json!({ "@id": iri }),
            Object::Text(text) => json!(text),
            Object::Lang(text, language) => json!({ "@value": text, "@language": language }),
            Object::Typed(text, datatype) => json!({ "@value": text, "@type": datatype }),
            Object::Node(node) => node_json(node),
        };
        match map.get_mut(*predicate) {
            Some(Value::Array(values)) => values.push(value),
            _ => {
                map.insert((*predicate).to_owned(), json!([value]));
            }
        }
    }
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turtle_escapes_and_nests() {
        let mut node = Node::new("https://example.org/a", "dcat:Dataset");
        node.add("dct:title", Object::Lang("a \"b\"\n".into(), "en".into()));
        let mut checksum = Node::blank("spdx:Checksum");
        checksum.add(
            "spdx:checksumValue",
            Object::Typed("ab".into(), "xsd:hexBinary"),
        );
        node.add("spdx:checksum", Object::Node(Box::new(checksum)));
        assert_eq!(
            turtle(&[("dct", "http://purl.org/dc/terms/")], &[node]),
            "@prefix dct: <http://purl.org/dc/terms/> .\n\n<https://example.org/a>\n    a dcat:Dataset ;\n    dct:title \"a \\\"b\\\"\\n\"@en ;\n    spdx:checksum [\n        a spdx:Checksum ;\n        spdx:checksumValue \"ab\"^^xsd:hexBinary\n    ] .\n"
        );
    }

    #[test]
    fn iris_are_written_as_they_are_and_literals_escaped() {
        let mut node = Node::new("https://例え.jp/a%7Bb", "dcat:Dataset");
        node.add("dct:title", Object::Text("\"\\\n> 倡议".into()));
        assert_eq!(
            turtle_subject(&node),
            "\n<https://例え.jp/a%7Bb>\n    a dcat:Dataset ;\n    dct:title \"\\\"\\\\\\n> 倡议\" .\n"
        );
        // Never an escape that decodes to a character IRIs forbid.
        assert_eq!(iri_ref("https://x.test/{a}"), "<https://x.test/%7Ba%7D>");
    }

    #[test]
    fn json_ld_written_a_subject_at_a_time_is_the_whole_printed_at_once() {
        let prefixes: &Prefixes = &[
            ("dct", "http://purl.org/dc/terms/"),
            ("dcat", "http://www.w3.org/ns/dcat#"),
        ];
        let mut a = Node::new("https://example.org/a", "dcat:Dataset");
        a.add("dct:title", Object::Lang("a\nb".into(), "en".into()));
        let mut b = Node::blank("dcat:Distribution");
        b.add("dct:title", Object::Text("b".into()));
        let nodes = [a, b];
        let mut whole = format!("{:#}", json_ld(prefixes, &nodes));
        whole.push('\n');
        let streamed = json_ld_start(prefixes)
            + &json_ld_subject(&nodes[0], InGraph::Followed)
            + &json_ld_subject(&nodes[1], InGraph::Last)
            + JSON_LD_END;
        assert_eq!(streamed, whole);
    }
}
