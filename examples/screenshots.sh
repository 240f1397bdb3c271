#!/usr/bin/env bash
# Renders the Vietnamese and English HTML reports of two shipped procedures and takes a full-page
# screenshot of each with headless Chromium, to look at them as a reader would (docs/reports.md, "HTML").
# Usage: bash examples/screenshots.sh [FOLDER]   (default: /tmp/procmod-screenshots)
# Skipped, with a message, where Chromium is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/procmod-screenshots}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "skipped: no chromium, chromium-browser or google-chrome on PATH" >&2
  exit 0
fi
swift build -c release --product procmod >/dev/null
bin=.build/release/procmod
mkdir -p "$out"
for pair in "birth-registration birth-registration-2024" "land-use-certificate land-use-certificate-axis"; do
  set -- $pair
  for lang in vi en; do
    html="$out/$2.$lang.html"
    "$bin" report "procedures/$1.xml" --scenario "examples/scenarios/$2.xml" --format html --lang "$lang" -o "$html" 2>/dev/null
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,6000 \
      --screenshot="$out/$2.$lang.png" "file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")" 2>/dev/null
    echo "$out/$2.$lang.png"
  done
done
