"""Harvests the DCAT-AP record as CKAN would: ckanext-dcat's RDFParser with
the `euro_dcat_ap_3` profile (no CKAN database or server), then checks the
dataset dicts it makes against the sources, not against the record: the
title and languages from the document, publisher and contact from
data/catalog.json, the country's bounding box and centroid (GeoJSON in
CKAN) against the WKT of the catalog's `spatial`, and each resource's
URL, format, size and hash from the exported files. Prints the first dataset dict, abridged. Exits 1
listing every difference.

usage: ckan_harvest.py PROJECT_DIR EXPORTS_DIR turtle|json-ld [LICENSE_ID]
"""

import hashlib
import json
import pathlib
import re
import sys

from ckanext.dcat.processors import RDFParser

FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"
LANGUAGES = "http://publications.europa.eu/resource/authority/language/"


def harvest(record: pathlib.Path, syntax: str) -> list:
    parser = RDFParser(profiles=["euro_dcat_ap_3"])
    parser.parse(record.read_text(encoding="utf-8"), _format=syntax)
    return list(parser.datasets())


def check_dataset(dataset: dict, project: pathlib.Path, catalog: dict, failures: list) -> None:
    extras = {e["key"]: e["value"] for e in dataset.get("extras", [])}
    document_id = extras.get("uri", "").rsplit("/", 1)[-1]
    path = project / "data" / document_id / "document.json"
    if not path.is_file():
        failures.append(f"dataset {extras.get('uri')!r} names no document of the project")
        return
    document = json.loads(path.read_text(encoding="utf-8"))
    want = {
        "title": document["title"].get("en", next(iter(document["title"].values()), None)),
        "url": f"{catalog['base_iri']}html/{document_id}.html",
    }
    for key, value in want.items():
        if dataset.get(key) != value:
            failures.append(f"{document_id}: {key} is {dataset.get(key)!r}, expected {value!r}")
    languages = json.loads(extras.get("language", "[]"))
    if len(languages) != len(document["languages"]) or not all(l.startswith(LANGUAGES) for l in languages):
        failures.append(f"{document_id}: languages {languages}, expected {document['languages']}")
    check_geometry(extras, document, catalog, failures)
    publisher, contact = catalog["publisher"], catalog["contact_point"]
    for key, value in [
        ("publisher_uri", publisher["iri"]),
        ("publisher_name", publisher["name"]["en"]),
        ("contact_name", contact["name"]["en"]),
        ("contact_email", contact["email"]),
    ]:
        if extras.get(key) != value:
            failures.append(f"{document_id}: {key} is {extras.get(key)!r}, expected {value!r}")


def numbers(value) -> list:
    """Every number in a WKT text or a GeoJSON coordinate array, in order."""
    if isinstance(value, str):
        return [float(n) for n in re.findall(r"[-+0-9.eE]+", value) if re.search(r"[0-9]", n)]
    if isinstance(value, list):
        return [n for item in value for n in numbers(item)]
    return [float(value)]


def check_geometry(extras: dict, document: dict, catalog: dict, failures: list) -> None:
    geometry = catalog.get("spatial", {}).get(document["place"]["country"])
    for field, key in [("bbox", "spatial_bbox"), ("centroid", "spatial_centroid")]:
        if geometry is None:
            if key in extras:
                failures.append(f"{key} is {extras[key]!r}, but the catalog gives no geometry")
            continue
        got = numbers(json.loads(extras.get(key, "{}")).get("coordinates", []))
        if got != numbers(geometry[field]):
            failures.append(f"{key} is {extras.get(key)!r}, expected {geometry[field]!r}")


def check_resources(dataset: dict, exports: pathlib.Path, base: str, failures: list) -> None:
    resources = dataset.get("resources", [])
    if not resources:
        failures.append("the dataset has no resources")
    for resource in resources:
        url = resource.get("url", "")
        if not url.startswith(base) or not (exports / url[len(base):]).is_file():
            failures.append(f"resource {resource.get('name')!r}: url {url!r} names no exported file")
            continue
        data = (exports / url[len(base):]).read_bytes()
        if resource.get("size") != len(data):
            failures.append(f"{url}: size {resource.get('size')}, the file has {len(data)} bytes")
        if resource.get("hash") != hashlib.sha256(data).hexdigest():
            failures.append(f"{url}: hash {resource.get('hash')!r} is not the file's SHA-256")
        if not resource.get("format", "").startswith(FILE_TYPES):
            failures.append(f"{url}: format {resource.get('format')!r} is not an EU file type")


def main() -> int:
    project, exports, syntax = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
    license_id = sys.argv[4] if len(sys.argv) > 4 else ""
    catalog = json.loads((project / "data/catalog.json").read_text(encoding="utf-8"))
    record = exports / "dcat" / ("catalog.ttl" if syntax == "turtle" else "catalog.jsonld")
    datasets = harvest(record, syntax)
    failures = [] if datasets else ["CKAN found no dataset in the record"]
    for dataset in datasets:
        check_dataset(dataset, project, catalog, failures)
        check_resources(dataset, exports, catalog["base_iri"], failures)
        if dataset.get("license_id", "") != license_id:
            failures.append(f"license_id is {dataset.get('license_id')!r}, expected {license_id!r}")
    if datasets:
        shown = {k: v for k, v in datasets[0].items() if k != "resources"}
        shown["resources"] = [
            {k: r.get(k) for k in ("name", "url", "format", "size", "hash")} for r in datasets[0]["resources"][:2]
        ] + [f"… {len(datasets[0]['resources'])} resources in all"]
        print(json.dumps(shown, ensure_ascii=False, indent=1))
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"CKAN ({syntax}): {len(datasets)} dataset(s), {len(failures)} difference(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
