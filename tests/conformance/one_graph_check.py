"""Loads three exports into one rdflib graph, as a linked-data consumer
merging them would, and asserts they describe one graph: the JSON-LD
export, the DCAT-AP record (Turtle) and the CSV rows as CSVW gives them
(the `csvw` package's CSV2JSON, converted as in csvw_rdf_check.py).

Asserted: every unit IRI of the JSON-LD (sections, paragraphs)
is a row of units.csv, and each language-tagged schema:text of a paragraph
is the text of a text_units.csv row that realizes that unit in that
language; the DCAT dataset's foaf:primaryTopic is the document, and the
document's schema:subjectOf is the dataset; every download the document
lists (schema:encoding, eli:is_embodied_by) is the dcat:downloadURL of a
distribution of that dataset. Exits 1 listing every assertion that failed.

usage: one_graph_check.py EXPORT.jsonld CATALOG.ttl CSV-METADATA.json
"""

import sys

from csvw import CSVW
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, RDF

from csvw_rdf_check import rows, values

SCHEMA = Namespace("https://schema.org/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")


def csvw_graph(metadata_path):
    """The CSVW rows as triples: each row's @id with its links and texts
    (a literal with the row's schema:inLanguage as its language tag)."""
    graph = Graph()
    for table in rows(CSVW(metadata_path).to_json()).values():
        for row in table:
            subject = row.get("@id")
            if not subject:
                continue
            language = (values(row, str(SCHEMA.inLanguage)) or [None])[0]
            for prop in (str(ELI.realizes), str(SCHEMA.isPartOf)):
                for value in values(row, prop):
                    graph.add((URIRef(subject), URIRef(prop), URIRef(value)))
            for text in values(row, str(SCHEMA.text)):
                graph.add((URIRef(subject), SCHEMA.text, Literal(text, lang=language)))
            graph.add((URIRef(subject), RDF.type, URIRef("urn:csvw:row")))
    return graph


def main() -> int:
    jsonld_path, turtle_path, metadata_path = sys.argv[1:]
    graph = Graph()
    graph.parse(jsonld_path, format="json-ld")
    graph.parse(turtle_path, format="turtle")
    graph += csvw_graph(metadata_path)
    failures = []

    def expect(ok, what):
        if not ok:
            failures.append(what)

    document = next(graph.subjects(RDF.type, SCHEMA.Legislation))
    rows_ = set(graph.subjects(RDF.type, URIRef("urn:csvw:row")))
    # The preamble's node groups its paragraphs; the tables have no row
    # for it (units.csv has the title, the sections and the paragraphs).
    units = set(graph.subjects(RDF.type, ELI.LegalResourceSubdivision)) - {URIRef(f"{document}#preamble")}
    expect(units, "the JSON-LD has no units")
    for unit in sorted(units):
        expect(unit in rows_, f"unit {unit} of the JSON-LD is no CSVW row")
        for text in graph.objects(unit, SCHEMA.text):
            if text.language is None:
                continue
            realized = {
                t
                for row in graph.subjects(ELI.realizes, unit)
                for t in graph.objects(row, SCHEMA.text)
                if row in rows_ and t.language and t.language.lower() == text.language.lower()
            }
            expect({str(t) for t in realized} == {str(text)}, f"{unit} text@{text.language}: the CSVW rows give {sorted(map(str, realized))}")

    datasets = set(graph.subjects(FOAF.primaryTopic, document)) & set(graph.subjects(RDF.type, DCAT.Dataset))
    expect(len(datasets) == 1, f"DCAT datasets whose foaf:primaryTopic is {document}: {sorted(datasets)}")
    for dataset in datasets:
        expect((document, SCHEMA.subjectOf, dataset) in graph, f"{document} is not schema:subjectOf {dataset}")
        published = {
            url
            for distribution in graph.objects(dataset, DCAT.distribution)
            for url in graph.objects(distribution, DCAT.downloadURL)
        }
        downloads = set(graph.objects(document, SCHEMA.encoding))
        for expression in graph.objects(document, ELI.is_realized_by):
            downloads |= set(graph.objects(expression, ELI.is_embodied_by))
        expect(downloads, f"{document} lists no downloads")
        for url in sorted(downloads - published):
            failures.append(f"download {url} is no distribution's dcat:downloadURL")
        for url in sorted(downloads):
            expect((url, SCHEMA.contentUrl, url) in graph, f"download {url} has no schema:contentUrl")

    for failure in failures:
        print(failure)
    if not failures:
        print(f"{len(units)} units, their texts and {len(downloads)} downloads agree across JSON-LD, DCAT and CSVW")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
