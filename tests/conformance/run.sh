#!/usr/bin/env bash
# Independent conformance checks: validators nobody on this project wrote,
# run against the committed data and exports, each also shown to reject a
# deliberately broken copy so a silently passing check cannot hide a bug.
#
# Installs its pinned tools into a venv inside the repository's target/
# folder (nothing is cached elsewhere), from tests/conformance/requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=target/conformance-venv
requirements=tests/conformance/requirements.txt
if ! cmp -s "$requirements" "$venv/requirements.txt" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$venv/requirements.txt"
fi
bin="$venv/bin"
broken=$(mktemp -d)
trap 'rm -rf "$broken"' EXIT

pass=0
fail=0
expect() { # expect ok|reject DESCRIPTION COMMAND...
  local want=$1 what=$2; shift 2
  if "$@" >"$broken/out" 2>&1; then got=ok; else got=reject; fi
  if [[ $got == "$want" ]]; then
    pass=$((pass + 1)); echo "ok     $what"
  else
    fail=$((fail + 1)); echo "FAILED $what (expected $want, got $got)"; cat "$broken/out"
  fi
}

schema=schema/initiative.schema.json

# Python's reference `jsonschema` (via check-jsonschema), a second
# implementation beside the Rust validator, on the data and the JSON export.
expect ok "check-jsonschema: data/ against $schema" \
  "$bin/check-jsonschema" --schemafile "$schema" data/*/document.json
expect ok "check-jsonschema: exports/json/ against $schema" \
  "$bin/check-jsonschema" --schemafile "$schema" exports/json/*.json
sed 's/"adopted": "2026-05-12"/"adopted": "2026-05-32"/' data/hangzhou-initiative/document.json >"$broken/bad-date.json"
expect reject "check-jsonschema rejects an impossible date" \
  "$bin/check-jsonschema" --schemafile "$schema" "$broken/bad-date.json"
sed 's/"kind": "initiative"/"kind": "manifesto"/' exports/json/hangzhou-initiative.json >"$broken/bad-kind.json"
expect reject "check-jsonschema rejects an unknown kind" \
  "$bin/check-jsonschema" --schemafile "$schema" "$broken/bad-kind.json"
sed 's/"number": 2/"number": "2"/' data/hangzhou-initiative/document.json >"$broken/bad-type.json"
expect reject "check-jsonschema rejects a section number given as text" \
  "$bin/check-jsonschema" --schemafile "$schema" "$broken/bad-type.json"

echo "conformance: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
