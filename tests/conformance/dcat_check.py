"""Checks the DCAT-AP record against the files it describes, offline:
catalog.ttl and catalog.jsonld hold the same graph, no IRI in it holds a
character IRIs forbid (rdflib reads `\\u007B` in a Turtle IRI as `{`,
which strict parsers refuse), and every distribution's dcat:byteSize and
SHA-256 spdx:checksum match the exported file its downloadURL names. Also prints the DCAT-AP recommended-property
warnings (they do not fail the check). Exits 1 listing every mismatch.

usage: dcat_check.py EXPORTS_DIR BASE_IRI RECOMMENDED_SHAPES.ttl
"""

import collections
import hashlib
import pathlib
import sys

from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

DCAT = Namespace("http://www.w3.org/ns/dcat#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
SH = Namespace("http://www.w3.org/ns/shacl#")

# What RFC 3987 never allows in an IRI as it is (Turtle's IRIREF refuses
# the same characters, escaped or not).
FORBIDDEN = set('<>"{}|^`\\') | {chr(c) for c in range(0x21)}


def bad_iris(graph: Graph) -> list[str]:
    """Every IRI of `graph` that holds a character IRIs forbid."""
    iris = {term for triple in graph for term in triple if isinstance(term, URIRef)}
    return sorted(f"<{iri}>: holds a character IRIs forbid" for iri in iris if FORBIDDEN & set(iri))


def main() -> int:
    exports, base, recommended = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    turtle = Graph().parse(exports / "dcat/catalog.ttl", format="turtle")
    jsonld = Graph().parse(exports / "dcat/catalog.jsonld", format="json-ld")
    # rdflib cannot compare graphs holding such IRIs: they come first.
    failures = bad_iris(turtle) + bad_iris(jsonld)
    if not failures and not isomorphic(turtle, jsonld):
        failures.append("catalog.ttl and catalog.jsonld hold different graphs")

    distributions = list(turtle.subjects(DCAT.downloadURL, None))
    for distribution in distributions:
        url = str(turtle.value(distribution, DCAT.downloadURL))
        if not url.startswith(base):
            failures.append(f"{url}: not under {base}")
            continue
        path = exports / url[len(base):]
        if not path.is_file():
            failures.append(f"{url}: no such exported file")
            continue
        data = path.read_bytes()
        size = turtle.value(distribution, DCAT.byteSize)
        if size is None or int(size) != len(data):
            failures.append(f"{url}: byteSize {size}, the file has {len(data)} bytes")
        checksum = turtle.value(distribution, SPDX.checksum)
        value = turtle.value(checksum, SPDX.checksumValue) if checksum is not None else None
        if value is None or str(value) != hashlib.sha256(data).hexdigest():
            failures.append(f"{url}: checksum {value} does not match the file")

    conforms, report, _ = validate(turtle, shacl_graph=recommended, shacl_graph_format="turtle")
    warnings = collections.Counter(str(path) for path in report.objects(None, SH.resultPath))
    for path, count in sorted(warnings.items()):
        print(f"recommended (warning): {path} missing on {count} node(s)")

    for failure in failures:
        print(f"FAIL {failure}")
    print(f"{len(distributions)} distributions checked, {len(failures)} mismatches")
    return 1 if failures or not distributions else 0


if __name__ == "__main__":
    sys.exit(main())
