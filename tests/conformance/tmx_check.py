"""Checks a TMX export with two independent readers: lxml (libxml2)
validates it against the official TMX 1.4 DTD, and the Translate Toolkit's
TMX reader (what Pootle and Weblate use) reads it back, where every text
unit of the source document must be, in every official language, under its
unit id, followed by the name of every reference the text cites under
`name.<reference-id>`, in each language the document gives it. Exits 1
listing what is wrong."""

import json
import sys

from lxml import etree
from translate.storage import tmx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def text_units(document):
    """(unit id, language map) of every text unit, in reading order."""
    yield "title", document["title"]
    for paragraph in document.get("preamble", []):
        yield paragraph["id"], paragraph["text"]
    for section in document["sections"]:
        yield f"sec_{section['number']}__heading", section["heading"]
        for paragraph in section["paragraphs"]:
            yield paragraph["id"], paragraph["text"]


def names(document):
    """(`name.<reference-id>`, language map) of every reference cited."""
    for reference in document.get("references", []):
        if reference["cited_by"]:
            yield f"name.{reference['id']}", reference["name"]


def dtd_errors(path, dtd_path):
    dtd = etree.DTD(dtd_path)
    if dtd.validate(etree.parse(path)):
        return []
    return [f"{path}:{e.line}:{e.column}: {e.message}" for e in dtd.error_log]


def content_errors(path, document):
    store = tmx.tmxfile.parsefile(path)
    units = {}
    for unit in store.units:
        texts = {n.get(XML_LANG): unit.getNodeText(n) for n in unit.getlanguageNodes()}
        if unit.getid() in units:
            yield f"{path}: tuid {unit.getid()} twice"
        units[unit.getid()] = texts
    expected = list(text_units(document)) + list(names(document))
    if list(units) != [uid for uid, _ in expected]:
        yield f"{path}: the units are {list(units)}, not the document's text units and names"
    for uid, text in expected:
        for language in document["languages"]:
            if units.get(uid, {}).get(language) != text.get(language):
                yield f"{path}: unit {uid} in {language} is not the document's text"


def main():
    path, document_path, dtd_path = sys.argv[1:]
    with open(document_path, encoding="utf-8") as file:
        document = json.load(file)
    errors = dtd_errors(path, dtd_path) + list(content_errors(path, document))
    for error in errors:
        print(error)
    if not errors:
        print(f"{path}: valid against the TMX 1.4 DTD; every text unit read back by the Translate Toolkit")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
