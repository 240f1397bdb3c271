#!/bin/sh
# Merges the shards of every line of $SWEEP (see run-shard.sh) into $OUT/<line>.<format>.
set -eu
: "${SWEEP:?set SWEEP}" "${OUT:?set OUT}"
FORMAT=${FORMAT:-json}
LINES=$(grep -c . "$SWEEP")
for LINE in $(seq 1 "$LINES"); do
    N=$(printf '%04d' "$LINE")
    procmod merge --format "$FORMAT" --lang "${LANG_REPORT:-vi}" -o "$OUT/$N.$FORMAT" "$OUT/$N"-*.json
done
