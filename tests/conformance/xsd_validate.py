"""Validates XML files against an XSD with lxml (libxml2), the second XSD
implementation beside xmlschema. Exits 1 listing each error with its line."""

import sys

from lxml import etree


def main() -> int:
    schema_path, *documents = sys.argv[1:]
    schema = etree.XMLSchema(etree.parse(schema_path))
    failed = 0
    for path in documents:
        if schema.validate(etree.parse(path)):
            print(f"{path}: valid")
        else:
            failed += 1
            for error in schema.error_log:
                print(f"{path}:{error.line}:{error.column}: {error.message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
