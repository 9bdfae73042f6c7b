"""Checks the SQLite export with Python's own sqlite3 module (the SQLite
Datasette runs on, not the one the tool bundles): PRAGMA integrity_check
says ok and PRAGMA foreign_key_check finds nothing. Exits 1 listing what
is wrong.

usage: sqlite_check.py DATABASE
"""

import sqlite3
import sys


def main() -> int:
    path = sys.argv[1]
    failures = []
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            failures += [f"integrity_check: {line}" for line in integrity]
        for table, rowid, parent, key in db.execute("PRAGMA foreign_key_check"):
            failures.append(
                f"foreign key {key} of {table} row {rowid} names no row of {parent}"
            )
    except sqlite3.DatabaseError as error:
        failures.append(f"integrity_check: {error}")
    for failure in failures:
        print(f"{path}: {failure}")
    if not failures:
        print(f"{path}: integrity ok, every foreign key holds (SQLite {sqlite3.sqlite_version})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
