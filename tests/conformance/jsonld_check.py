"""Reads a JSON-LD export the way a linked-data consumer does, offline:
pyld expands it and converts it to RDF (any remote context would fail),
rdflib parses the result, and the triples that matter are asserted against
the source data. Exits 1 listing every assertion that failed.

usage: jsonld_check.py EXPORT.jsonld DATA.json BASE_IRI
"""

import json
import sys

from pyld import jsonld
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

SCHEMA = Namespace("https://schema.org/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")


def offline(url, options=None):
    raise jsonld.JsonLdError(f"refusing to fetch {url}", "loading document failed")


def main() -> int:
    export_path, data_path, base = sys.argv[1:]
    with open(export_path, encoding="utf-8") as f:
        export = json.load(f)
    with open(data_path, encoding="utf-8") as f:
        data = json.load(f)

    options = {"documentLoader": offline}
    expanded = jsonld.expand(export, options)
    nquads = jsonld.to_rdf(expanded, {**options, "format": "application/n-quads"})
    graph = Graph()
    graph.parse(data=nquads, format="nquads")

    failures = []

    # rdflib's own JSON-LD parser, a second implementation, must read the
    # same graph.
    # (rdflib keeps the tags' case, pyld lower-cases them: compare lower.)
    direct = Graph()
    for s, p, o in Graph().parse(export_path, format="json-ld"):
        if isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        direct.add((s, p, o))
    if not isomorphic(graph, direct):
        failures.append(f"the same graph from rdflib's parser ({len(direct)} triples against {len(graph)})")

    def expect(condition, what):
        if not condition:
            failures.append(what)

    doc = URIRef(base + data["id"])
    lang = lambda tag: tag.lower()  # pyld lower-cases language tags

    expect((doc, RDF.type, SCHEMA.Legislation) in graph, "document is a schema:Legislation")
    expect((doc, RDF.type, ELI.LegalResource) in graph, "document is an eli:LegalResource")
    for tag, title in data["title"].items():
        expect((doc, SCHEMA.name, Literal(title, lang=lang(tag))) in graph, f"title@{tag}")
        expression = URIRef(f"{doc}/{tag}")
        expect((doc, ELI.is_realized_by, expression) in graph, f"expression {tag}")
        expect((expression, RDF.type, ELI.LegalExpression) in graph, f"{tag} is an eli:LegalExpression")
        expect((expression, ELI.title, Literal(title, lang=lang(tag))) in graph, f"eli:title@{tag}")
    adopted = Literal(data["adopted"], datatype=XSD.date)
    expect((doc, SCHEMA.legislationDate, adopted) in graph, "schema:legislationDate is an xsd:date")
    expect((doc, ELI.date_document, adopted) in graph, "eli:date_document is an xsd:date")
    expect((doc, SCHEMA.legislationType, Literal(data["kind"])) in graph, "schema:legislationType")

    sections = [
        part for part in graph.objects(doc, SCHEMA.hasPart)
        if (part, SCHEMA.position, None) in graph
    ]
    expect(len(sections) == len(data["sections"]), f"{len(data['sections'])} sections via schema:hasPart, found {len(sections)}")
    for section in data["sections"]:
        iri = URIRef(f"{doc}#{section['id']}")
        expect((doc, SCHEMA.hasPart, iri) in graph, f"section {section['id']} is a part")
        expect((doc, ELI.has_part, iri) in graph, f"section {section['id']} is an eli:has_part")
        expect((iri, SCHEMA.position, Literal(section["number"])) in graph, f"section {section['id']} position")
        for tag, heading in section["heading"].items():
            expect((iri, SCHEMA.name, Literal(heading, lang=lang(tag))) in graph, f"{section['id']} heading@{tag}")

    paragraphs = list(data["preamble"])
    for section in data["sections"]:
        paragraphs.extend(section["paragraphs"])
    for paragraph in paragraphs:
        iri = URIRef(f"{doc}#{paragraph['id']}")
        for tag, text in paragraph["text"].items():
            expect((iri, SCHEMA.text, Literal(text, lang=lang(tag))) in graph, f"{paragraph['id']} text@{tag}")

    issuer = URIRef(f"{doc}#ref-{data['issuer']}")
    expect((doc, SCHEMA.recordedAt, issuer) in graph, "schema:recordedAt the issuer (an event)")
    body = URIRef(f"{doc}#passed-by")
    expect((doc, SCHEMA.legislationPassedBy, body) in graph, "schema:legislationPassedBy the adopting body")
    expect((body, RDF.type, SCHEMA.Organization) in graph, "the adopting body is a schema:Organization")
    expect((body, SCHEMA.event, issuer) in graph, "the adopting body's schema:event is the issuer")
    expect((doc, ELI.passed_by, body) in graph, "eli:passed_by the adopting body")
    for reference in data["references"]:
        iri = URIRef(f"{doc}#ref-{reference['id']}")
        expect((doc, SCHEMA.mentions, iri) in graph, f"document mentions {reference['id']}")
        for tag, name in reference["name"].items():
            expect((iri, SCHEMA.name, Literal(name, lang=lang(tag))) in graph, f"{reference['id']} name@{tag}")
        for unit in reference["cited_by"]:
            expect((URIRef(f"{doc}#{unit}"), SCHEMA.mentions, iri) in graph, f"{unit} mentions {reference['id']}")
        if reference["kind"] == "document":
            expect((doc, SCHEMA.citation, iri) in graph, f"document cites {reference['id']}")

    for failure in failures:
        print(f"{export_path}: missing: {failure}")
    print(f"{export_path}: {len(graph)} triples, {len(failures)} assertions failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
