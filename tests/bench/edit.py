"""One user's edit between two builds, for the incremental rows of the
benchmark: a word added to the first English paragraph of the first
document, or to the first unit of its first translation. Words, not
digits, so the data stays valid (a number in one language only is an
error).

usage: edit.py document|translation CORPUS
"""

import glob
import json
import os
import sys

kind, corpus = sys.argv[1], sys.argv[2]
folder = os.path.join(corpus, "data", "doc-00000")
if kind == "document":
    path = os.path.join(folder, "document.json")
else:
    path = sorted(glob.glob(os.path.join(folder, "translations", "*.json")))[0]
data = json.load(open(path, encoding="utf-8"))
if kind == "document":
    data["sections"][0]["paragraphs"][0]["text"]["en"] += " Again."
else:
    unit = next(iter(data["units"].values()))
    unit["translation"] += " encore"
json.dump(data, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
