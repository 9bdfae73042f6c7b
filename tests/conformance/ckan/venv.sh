#!/usr/bin/env bash
# Creates (or reuses) the pinned CKAN + ckanext-dcat environment in
# target/ckan-venv, from tests/conformance/ckan/requirements.txt, prints how
# long the install took on stderr and the bin folder on stdout. Nothing is
# cached outside the repository.
set -euo pipefail
cd "$(dirname "$0")/../../.."
venv=target/ckan-venv
requirements=tests/conformance/ckan/requirements.txt
if ! cmp -s "$requirements" "$venv/requirements.txt" 2>/dev/null; then
  start=$SECONDS
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  PIP_CACHE_DIR="$PWD/target/pip-cache" "$venv/bin/pip" install --quiet --disable-pip-version-check \
    -r "$requirements" >&2
  cp "$requirements" "$venv/requirements.txt"
  echo "ckan venv: CKAN 2.12.0 and ckanext-dcat 2.4.4 installed in $((SECONDS - start))s" >&2
else
  echo "ckan venv: reused $venv (requirements unchanged)" >&2
fi
echo "$PWD/$venv/bin"
