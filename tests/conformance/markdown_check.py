"""Checks the Markdown rendition with an independent CommonMark parser,
markdown-it-py: every unit of the document has its anchor (`<a id>`) in
the file of each official language, once, and what the parser renders after
the anchor is exactly the unit's text (a heading's after its number
label), with no markup the text does not have. Also renders the whole file.
Exits 1 listing what is wrong.

Usage: markdown_check.py FILE.md DOCUMENT.json LANGUAGE"""

import json
import re
import sys

from markdown_it import MarkdownIt

ANCHOR = re.compile(r'<a id="([^"]+)">')
TEXT = ("text", "text_special")


def units(document, language):
    """(anchor id, text, whether a number label comes first) of every unit."""
    yield "title", document["title"][language], False
    for paragraph in document.get("preamble", []):
        yield paragraph["id"], paragraph["text"][language], False
    for section in document["sections"]:
        heading = section["heading"][language]
        yield section["id"], heading, True
        yield f"{section['id']}__heading", heading, True
        for paragraph in section["paragraphs"]:
            yield paragraph["id"], paragraph["text"][language], False


def rendered(tokens):
    """{anchor id: [what follows the anchors in its block]} and problems."""
    found, problems = {}, []
    for token in tokens:
        if token.type != "inline":
            continue
        children = list(token.children or [])
        ids = []
        # An anchor is two inline HTML tokens: `<a id="…">` and `</a>`.
        while len(children) > 1 and children[0].type == children[1].type == "html_inline":
            match = ANCHOR.fullmatch(children[0].content)
            if not match or children[1].content != "</a>":
                break
            ids.append(match.group(1))
            del children[:2]
        markup = [c.type for c in children if c.type not in TEXT]
        if ids and markup:
            problems.append(f"{', '.join(ids)} renders markup: {', '.join(markup)}")
        text = "".join(c.content for c in children if c.type in TEXT)
        for id in ids:
            found.setdefault(id, []).append(text)
    return found, problems


def main(path, document_path, language):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    with open(document_path, encoding="utf-8") as f:
        document = json.load(f)
    md = MarkdownIt("commonmark")
    md.render(source)
    found, problems = rendered(md.parse(source))
    for id, text, labelled in units(document, language):
        texts = found.get(id, [])
        if len(texts) != 1:
            problems.append(f"unit {id}: {len(texts)} anchors, expected 1")
        elif labelled and not texts[0].endswith(text):
            problems.append(f"unit {id}: the heading renders as {texts[0]!r}, not {text!r}")
        elif not labelled and texts[0] != text:
            problems.append(f"unit {id}: renders as {texts[0]!r}, not {text!r}")
    if "adopted" not in found:
        problems.append("no anchor for the date of adoption")
    for problem in problems:
        print(f"{path}: {problem}")
    if not problems:
        print(f"{path}: {len(list(units(document, language)))} units, each anchored and rendered as written")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
