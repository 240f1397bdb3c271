#!/usr/bin/env bash
# Regenerates examples/after/*.xml (digitize) and examples/reports/* (report) from examples/scenarios/.
# Run from anywhere: bash examples/regenerate.sh. The outputs are deterministic; a test checks that the
# committed after-models are what digitize writes today.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product procmod >/dev/null
bin=.build/release/procmod
mkdir -p examples/after examples/reports
for scenario in examples/scenarios/*.xml; do
  code=$(grep -o 'procedure="[^"]*"' "$scenario" | head -1 | cut -d'"' -f2)
  procedure=$(grep -l "code=\"$code\"" procedures/*.xml | head -1)
  name=$(basename "$scenario" .xml)
  "$bin" digitize "$procedure" --scenario "$scenario" -o "examples/after/$name.xml" 2>/dev/null
  "$bin" report "$procedure" --scenario "$scenario" --format markdown -o "examples/reports/$name.md"
done
"$bin" report procedures/birth-registration.xml --scenario examples/scenarios/birth-registration-2024.xml \
  --format html --lang vi -o examples/reports/birth-registration-2024.vi.html
"$bin" report procedures/birth-registration.xml --scenario examples/scenarios/birth-registration-2024.xml \
  --format html --lang en -o examples/reports/birth-registration-2024.en.html
mkdir -p examples/catalogue/reports
for catalogue in commune district province; do
  "$bin" report "examples/catalogue/$catalogue.xml" --format markdown -o "examples/catalogue/reports/$catalogue.md"
  "$bin" report "examples/catalogue/$catalogue.xml" --format html --lang vi -o "examples/catalogue/reports/$catalogue.vi.html"
done
echo "regenerated $(ls examples/after | wc -l) after-models, $(ls examples/reports | wc -l) reports and $(ls examples/catalogue/reports | wc -l) portfolio reports"
