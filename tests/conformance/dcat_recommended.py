"""Runs pyshacl with DCAT-AP's recommended shapes (all warnings) on a DCAT
record and compares what is missing with what is expected: each result as
"CLASS PATH" (the focus node's class and the missing property, compacted),
counted. Prints every remaining result path with its count, and exits 1
when the set of (class, path) pairs differs from EXPECTED.

usage: dcat_recommended.py SHAPES.ttl RECORD.ttl [EXPECTED "CLASS PATH"...]
"""

import collections
import sys

from pyshacl import validate
from rdflib import RDF, Graph, Namespace

SH = Namespace("http://www.w3.org/ns/shacl#")
PREFIXES = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcatap": "http://data.europa.eu/r5r/",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


def compact(graph: Graph, iri) -> str:
    for prefix, namespace in PREFIXES.items():
        if str(iri).startswith(namespace):
            return prefix + ":" + str(iri)[len(namespace):]
    return str(iri)


def main() -> int:
    shapes, record, expected = sys.argv[1], sys.argv[2], set(sys.argv[3:])
    data = Graph().parse(record, format="turtle")
    _, report, _ = validate(data, shacl_graph=shapes, shacl_graph_format="turtle")
    found = collections.Counter()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        classes = sorted(compact(data, c) for c in data.objects(focus, RDF.type))
        found[f"{classes[0] if classes else '?'} {compact(data, path)}"] += 1
    total = sum(found.values())
    print(f"{total} recommended-shape warning(s)")
    for key, count in sorted(found.items()):
        print(f"recommended (warning): {key} missing on {count} node(s)")
    if set(found) != expected:
        print(f"unexpected: {sorted(set(found) - expected)}; absent: {sorted(expected - set(found))}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
