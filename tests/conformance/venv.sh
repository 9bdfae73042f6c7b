#!/usr/bin/env bash
# Creates (or reuses) the pinned Python environment of the independent
# validators in target/conformance-venv, from tests/conformance/requirements.txt,
# and prints its bin folder. Nothing is cached outside the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/conformance-venv
requirements=tests/conformance/requirements.txt
if ! cmp -s "$requirements" "$venv/requirements.txt" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
  cp "$requirements" "$venv/requirements.txt"
fi
echo "$PWD/$venv/bin"
