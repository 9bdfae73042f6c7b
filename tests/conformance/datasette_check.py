"""Serves the SQLite export with Datasette (pinned in requirements.txt)
through its own command line, `datasette DATABASE --metadata METADATA
--get PATH`, and checks what a user sees: each full-text search through
the JSON API returns exactly the expected text units, the canned `search`
query agrees, and the metadata shows: the catalog's title on the index
page, and on each table's page the table's and every column's description
as the Data Package (made from the same table descriptions, read here as
an independent statement of them) gives it. Exits 1 listing what is wrong.

usage: datasette_check.py DATABASE METADATA DATAPACKAGE CATALOG
                          'QUERY=UNIT LANGUAGE[,UNIT LANGUAGE…]'…
"""

import html
import json
import pathlib
import re
import subprocess
import sys
import urllib.parse

DATASETTE = pathlib.Path(sys.executable).parent / "datasette"


def get(database, metadata, path):
    """The body Datasette serves at `path`, or None (and why) on an error."""
    run = subprocess.run(
        [DATASETTE, database, "--metadata", metadata, "--get", path],
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        return None, run.stdout.strip().splitlines()[-1:] or run.stderr[-200:]
    return run.stdout, None


def search_errors(database, metadata, name, query, expected):
    quoted = urllib.parse.quote(query)
    for path in (
        f"/{name}/text_units.json?_search={quoted}&_shape=array",
        f"/{name}/search.json?query={quoted}&_shape=array",
    ):
        body, error = get(database, metadata, path)
        if body is None:
            yield f"{path}: {error}"
            continue
        got = sorted(f"{row['unit_id']} {row['language']}" for row in json.loads(body))
        if got != sorted(expected):
            yield f"{path}: {query} found {got}, expected {expected}"


def shown(page):
    """The table description and column descriptions a Datasette 0.65 table
    page shows from the metadata (not the schema, whose SQL comments carry
    the same words)."""
    description = re.search(r'<div class="metadata-description">(.*?)</div>', page, re.S)
    columns = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", page, re.S)
    return (
        html.unescape(description.group(1).strip()) if description else None,
        {html.unescape(name): html.unescape(text) for name, text in columns},
    )


def metadata_errors(database, metadata, name, package, catalog):
    body, error = get(database, metadata, "/")
    index = html.unescape(body or "")
    for text in [*catalog["title"].values(), *catalog["publisher"]["name"].values()]:
        if text not in index:
            yield f"the index page does not show the catalog's {text!r} {error or ''}"
    for resource in package["resources"]:
        table = resource["name"]
        body, error = get(database, metadata, f"/{name}/{table}")
        description, columns = shown(body or "")
        if description != resource["description"]:
            yield f"/{name}/{table} does not show its description: {description!r} {error or ''}"
        for field in resource["schema"]["fields"]:
            if columns.get(field["name"]) != field["description"]:
                yield f"/{name}/{table} does not show the description of {field['name']}"


def main() -> int:
    database, metadata = sys.argv[1], sys.argv[2]
    package, catalog = (
        json.loads(pathlib.Path(path).read_text(encoding="utf-8")) for path in sys.argv[3:5]
    )
    name = pathlib.Path(database).stem
    failures = list(metadata_errors(database, metadata, name, package, catalog))
    for case in sys.argv[5:]:
        query, _, expected = case.partition("=")
        expected = [hit for hit in expected.split(",") if hit]
        failures += search_errors(database, metadata, name, query, expected)
    for failure in failures:
        print(failure)
    if not failures:
        print(f"datasette serves {database}: {len(sys.argv) - 5} searches, metadata shown")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
