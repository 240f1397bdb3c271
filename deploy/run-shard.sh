#!/bin/sh
# One task of a sharded sweep (docs/scale.md). Task number T (1-based) of a sweep over the lines of
# $SWEEP (each line: "catalogue.xml [scenario.xml]") with $SHARDS shards each runs line
# ((T-1) / SHARDS) + 1, shard ((T-1) % SHARDS) + 1, and writes $OUT/<line>-<shard>.json.
#   Kubernetes Indexed Job: T = JOB_COMPLETION_INDEX + 1     Slurm array: T = SLURM_ARRAY_TASK_ID
set -eu
T=${1:-${SLURM_ARRAY_TASK_ID:-$(( ${JOB_COMPLETION_INDEX:-0} + 1 ))}}
: "${SWEEP:?set SWEEP to the sweep file}" "${SHARDS:?set SHARDS}" "${OUT:?set OUT to the output folder}"
LINE=$(( (T - 1) / SHARDS + 1 ))
SHARD=$(( (T - 1) % SHARDS + 1 ))
set -- $(sed -n "${LINE}p" "$SWEEP")
[ $# -ge 1 ] || { echo "run-shard: line $LINE of $SWEEP is empty (task $T)" >&2; exit 64; }
CATALOGUE=$1
SCENARIO=${2:-}
mkdir -p "$OUT"
exec procmod report "$CATALOGUE" ${SCENARIO:+--scenario "$SCENARIO"} --replications "${REPLICATIONS:-30}" \
    --seed "${SEED:-1}" --shard "$SHARD/$SHARDS" -o "$OUT/$(printf '%04d' "$LINE")-$(printf '%03d' "$SHARD").json"
