"""Validates JSON documents against a JSON Schema (draft 2020-12) with the jsonschema package, an
independent validator.

Usage: python3 jsonschema_validate.py SCHEMA.json DOCUMENT.json...
Prints one line per document that does not validate (path: first error) and exits 1 if any; checks the
schema itself first.
"""
import json
import sys

from jsonschema import Draft202012Validator

schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
failed = 0
for path in sys.argv[2:]:
    errors = sorted(validator.iter_errors(json.load(open(path, encoding="utf-8"))), key=lambda e: list(e.path))
    if errors:
        failed += 1
        print(f"{path}: {errors[0].message} at {'/'.join(map(str, errors[0].path))}")
sys.exit(1 if failed else 0)
