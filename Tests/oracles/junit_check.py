"""Reads a JUnit XML file with junitparser and with xunitparser, two independent readers, and prints
what a test checks: per reader the number of tests, failures and skipped, and the test cases' class
names and files. Usage: python3 junit_check.py FILE.xml"""
import json
import sys
import unittest

import junitparser
import xunitparser

path = sys.argv[1]
out = {}
xml = junitparser.JUnitXml.fromfile(path)
cases = [case for suite in xml for case in suite]
out["junitparser"] = {
    "tests": sum(suite.tests for suite in xml),
    "failures": sum(suite.failures for suite in xml),
    "skipped": sum(suite.skipped for suite in xml),
    "classnames": sorted({case.classname for case in cases}),
    "files": sorted({suite._elem.get("file") for suite in xml}),
}
suite, result = xunitparser.parse(open(path, encoding="utf-8"))
out["xunitparser"] = {"tests": result.testsRun, "failures": len(result.failures), "skipped": len(result.skipped)}
print(json.dumps(out))
