"""Reads a procmod workbook with openpyxl, an independent .xlsx reader, and prints what a test checks.

Usage: python3 openpyxl_workbook.py FILE.xlsx
Prints one JSON object: the sheet names, and per sheet its rows (values as openpyxl reads them: numbers
stay numbers), so the Swift test can check the totals and the types.
"""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1], data_only=True)
out = {"sheets": book.sheetnames, "rows": {}}
for sheet in book:
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append([{"type": type(v).__name__, "value": v} for v in row])
    out["rows"][sheet.title] = rows
print(json.dumps(out, ensure_ascii=False))
