"""Converts the CSV tables with their CSV on the Web metadata to JSON the
way a CSVW processor does (the pinned `csvw` package's CSV2JSON, standard
mode, whose `@id`s and property IRIs are the ones CSV2RDF gives), and
asserts that the rows name the same things as the JSON-LD export: the
document, sections, paragraphs and references have the JSON-LD's IRIs, and
citations, the issuer (the event the document is recorded at) and each text's unit are links with the JSON-LD's
properties. Exits 1 listing every assertion that failed.

usage: csvw_rdf_check.py CSV-METADATA.json EXPORT.jsonld
"""

import sys
from collections import defaultdict

from csvw import CSVW
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

SCHEMA = "https://schema.org/"
ELI = "http://data.europa.eu/eli/ontology#"


def rows(converted):
    """Each table's row descriptions, by table file name."""
    tables = defaultdict(list)
    for table in converted["tables"]:
        name = table["url"].rsplit("/", 1)[-1]
        for row in table["row"]:
            tables[name].extend(row["describes"])
    return tables


def ids(described):
    return {row.get("@id") for row in described}


def values(row, prop):
    value = row.get(prop, [])
    return value if isinstance(value, list) else [value]


def main() -> int:
    metadata_path, jsonld_path = sys.argv[1:]
    tables = rows(CSVW(metadata_path).to_json())
    graph = Graph()
    graph.parse(jsonld_path, format="json-ld")
    s = lambda term: URIRef(SCHEMA + term)  # noqa: E731
    failures = []

    def expect(ok, what):
        if not ok:
            failures.append(what)

    document = next(graph.subjects(RDF.type, s("Legislation")))
    expect(
        ids(tables["documents.csv"]) == {str(document)},
        f"documents rows are {sorted(map(str, ids(tables['documents.csv'])))}, not [{document}]",
    )
    parts = {str(o) for o in graph.objects(document, s("hasPart"))}
    sections = ids(tables["sections.csv"])
    expect(sections and sections <= parts, f"sections rows {sorted(sections)} are not the JSON-LD's parts")
    paragraphs = {str(p) for p in graph.subjects(s("text"), None)}
    units = {row.get("@id") for row in tables["units.csv"] if row.get("kind") == "paragraph"}
    expect(
        units == paragraphs,
        f"units rows of paragraphs {sorted(map(str, units))} are not the JSON-LD's units {sorted(paragraphs)}",
    )
    mentioned = {str(o) for o in graph.objects(document, s("mentions"))}
    references = ids(tables["references.csv"])
    expect(references == mentioned, f"references rows {sorted(map(str, references))} are not {sorted(mentioned)}")
    issuer = {str(o) for o in graph.objects(document, s("recordedAt"))}
    recorded_at = {v for row in tables["documents.csv"] for v in values(row, SCHEMA + "recordedAt")}
    expect(recorded_at == issuer, f"documents' schema:recordedAt is {sorted(recorded_at)}, not {sorted(issuer)}")
    subdivisions = set(graph.subjects(RDF.type, URIRef(ELI + "LegalResourceSubdivision")))
    cites = {(str(u), str(r)) for u, r in graph.subject_objects(s("mentions")) if u in subdivisions}
    citations = {
        (row.get("@id"), v) for row in tables["citations.csv"] for v in values(row, SCHEMA + "mentions")
    }
    expect(citations == cites, f"citations give {len(citations)} schema:mentions links, the JSON-LD {len(cites)}")
    all_units = ids(tables["units.csv"])
    for row in tables["text_units.csv"]:
        realized = values(row, ELI + "realizes")
        if len(realized) != 1 or realized[0] not in all_units:
            failures.append(f"text_units row {row.get('@id')} realizes {realized}, not a unit's IRI")
            break
        unit = URIRef(realized[0])
        language = values(row, SCHEMA + "inLanguage")
        texts = {str(t) for t in graph.objects(unit, s("text")) if language and t.language == language[0]}
        if unit in paragraphs and texts != set(values(row, SCHEMA + "text")):
            failures.append(f"text_units row {row.get('@id')}: schema:text differs from the JSON-LD's")
            break
    for failure in failures:
        print(failure)
    if not failures:
        print(
            f"{len(units)} paragraphs, {len(sections)} sections, {len(references)} references and "
            f"{len(citations)} citations name the JSON-LD's IRIs"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
