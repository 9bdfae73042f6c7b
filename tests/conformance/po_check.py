"""Reads a PO export with two independent PO libraries: polib (what many
scripts and Poedit-side tools use) and the Translate Toolkit's PO store
(what Pootle and Weblate's checks are built on), and runs the Toolkit's
pofilter over it. Each must find the
header's language and one entry per unit, named by its msgctxt, with the
same msgid and msgstr. Exits 1 listing what differs.

With --edit CONTEXT TEXT OUT it also writes a copy with that entry's
msgstr replaced, saved by polib (which rewraps long lines as gettext
does), for the import round trip."""

import os
import subprocess
import sys
import tempfile

import polib
from translate.storage import po as ttk_po


def polib_entries(path):
    catalog = polib.pofile(path)
    return catalog.metadata.get("Language"), {
        e.msgctxt: (e.msgid, e.msgstr, "fuzzy" in e.flags) for e in catalog if not e.obsolete
    }


def toolkit_entries(path):
    with open(path, "rb") as file:
        store = ttk_po.pofile(file)
    language = store.gettargetlanguage()
    units = {}
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            continue
        units[unit.getcontext()] = (unit.source, unit.target, unit.isfuzzy())
    return language, units


def pofilter_errors(path):
    """Runs the Translate Toolkit's pofilter (its quality checks) over the
    file: it must read it. pofilter exits 0 even on a file it cannot
    parse, so its report is read instead."""
    pofilter = os.path.join(os.path.dirname(sys.executable), "pofilter")
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            [pofilter, "--progress=none", "-i", path, "-o", os.path.join(scratch, "out.po")],
            capture_output=True, text=True, check=False,
        )
    report = result.stdout + result.stderr
    if result.returncode != 0 or "Error processing" in report:
        return [f"pofilter: {report.strip()}"]
    return []


def main():
    path, expected_language, expected_units = sys.argv[1], sys.argv[2], int(sys.argv[3])
    errors = pofilter_errors(path)
    try:
        polib_language, by_polib = polib_entries(path)
        toolkit_language, by_toolkit = toolkit_entries(path)
    except Exception as error:  # each reader's own parse error
        print(f"{path}: {type(error).__name__}: {error}")
        print("\n".join(errors))
        return 1
    for reader, language, units in (("polib", polib_language, by_polib), ("translate-toolkit", toolkit_language, by_toolkit)):
        if language != expected_language:
            errors.append(f"{reader}: Language is {language!r}, not {expected_language!r}")
        if len(units) != expected_units or None in units:
            errors.append(f"{reader}: {len(units)} entries with a msgctxt, not {expected_units}")
    if by_polib != by_toolkit:
        differing = sorted(k for k in set(by_polib) | set(by_toolkit) if by_polib.get(k) != by_toolkit.get(k))
        errors.append(f"polib and translate-toolkit read different entries: {differing}")
    if len(sys.argv) == 8 and sys.argv[4] == "--edit":
        context, text, out = sys.argv[5:]
        catalog = polib.pofile(path)
        entry = next(e for e in catalog if e.msgctxt == context)
        entry.msgstr = text
        catalog.save(out)
    for error in errors:
        print(error)
    if not errors:
        print(f"{path}: {expected_units} entries, Language {expected_language}, read alike by polib and translate-toolkit; pofilter reads it")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
