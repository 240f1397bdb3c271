#!/usr/bin/env python3
"""Writes Fuzz/procmod.dict from the published schemas (docs/*.xsd): every element and attribute name
and every enumerated value, plus a few tokens that stress numbers and XML itself. Run from the repo root."""
import glob
import re

names, attrs, values = set(), set(), set()
for path in glob.glob('docs/*.xsd'):
    text = open(path, encoding='utf-8').read()
    names.update(re.findall(r'<xs:element\s+name="([^"]+)"', text))
    attrs.update(re.findall(r'<xs:attribute\s+name="([^"]+)"', text))
    values.update(re.findall(r'<xs:enumeration\s+value="([^"]+)"', text))
out = ['# procmod DSL dictionary for libFuzzer: element and attribute names and enumerated values from docs/*.xsd.',
       '# Regenerate with Fuzz/make-dictionary.py.']
for n in sorted(names):
    out += ['"<%s"' % n, '"</%s>"' % n]
out += ['" %s=\\""' % a for a in sorted(attrs)]
out += ['"\\"%s\\""' % v for v in sorted(values)]
out += ['"urn:procmod:procedure:1"', '"urn:procmod:scenario:1"', '"urn:procmod:suite:1"', '"<!--"', '"-->"',
        '"<![CDATA["', '"<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>"', '"<!DOCTYPE"', '"&amp;"', '"\\x0d"',
        '"9223372036854775807"', '"1e308"', '"NaN"', '"INF"', '"-0"']
open('Fuzz/procmod.dict', 'w', encoding='utf-8').write('\n'.join(out) + '\n')
