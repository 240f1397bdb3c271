#!/usr/bin/env bash
# Builds the libFuzzer harness and fuzzes the whole procmod pipeline (see docs/fuzzing.md).
#
#   Fuzz/run.sh [--seconds N] [--runs N] [--workers N] [--seed N]
#
#   --seconds N   stop after N seconds (default 60)
#   --runs N      stop after N executions instead (with --seed, the same inputs every time: what CI uses)
#   --workers N   parallel fuzzing processes (default 1)
#   --seed N      libFuzzer's random seed (default: chosen by libFuzzer)
#
# Seeds: Fuzz/corpus (inputs that found new coverage, kept small), every XML file of the repository, and
# Fuzz/regressions (inputs that once failed). New inputs go to a scratch corpus under .build-fuzz/, never
# into the repository; a finding (crash, trap, timeout, out of memory) is written to .build-fuzz/findings/
# and makes the script exit 1. Run from anywhere; it works from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60 runs=-1 workers=1 seed=0
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --runs) runs=$2; seconds=0; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "usage: Fuzz/run.sh [--seconds N] [--runs N] [--workers N] [--seed N]" >&2; exit 64 ;;
  esac
done
scratch=.build-fuzz
# PROCMOD_CHECKED_BUFFERS: the event loop's buffers check their indices in this release build too.
# A failed build stops here (a binary left by an earlier build would otherwise be fuzzed instead).
mkdir -p "$scratch"
if ! swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library \
     -Xswiftc -DPROCMOD_CHECKED_BUFFERS --scratch-path "$scratch" > "$scratch/build.log" 2>&1; then
  grep -E "error" "$scratch/build.log" >&2 || tail -20 "$scratch/build.log" >&2
  echo "Fuzz/run.sh: the harness did not build (the log: $scratch/build.log)" >&2
  exit 1
fi
grep -E "warning: unre|Build complete" "$scratch/build.log" || true
binary="$scratch/release/procmod-fuzz"
[ -x "$binary" ] || { echo "Fuzz/run.sh: the harness did not build" >&2; exit 1; }

seeds="$scratch/seeds"
rm -rf "$seeds" && mkdir -p "$seeds" "$scratch/corpus" "$scratch/findings"
git ls-files -z '*.xml' | while IFS= read -r -d '' f; do cp "$f" "$seeds/$(echo "$f" | tr / _)"; done
rm -f "$scratch"/findings/*

export PROCMOD_SCENARIOS="$PWD/examples/scenarios"
options=(-dict=Fuzz/procmod.dict -max_total_time="$seconds" -runs="$runs" -seed="$seed" -timeout=10 -rss_limit_mb=4096
         -max_len=65536 -artifact_prefix="$scratch/findings/" -print_final_stats=1)
status=0
if [ "$workers" -gt 1 ]; then
  "$binary" "$scratch/corpus" Fuzz/corpus "$seeds" Fuzz/regressions "${options[@]}" -jobs="$workers" -workers="$workers" \
    || status=$?
  cat fuzz-*.log 2>/dev/null | grep -E "stat::number_of_executed_units|ERROR|SUMMARY" || true
  rm -f fuzz-*.log
else
  "$binary" "$scratch/corpus" Fuzz/corpus "$seeds" Fuzz/regressions "${options[@]}" \
    2>&1 | grep -E "^#[0-9]+.*(pulse|DONE)|stat::|ERROR|SUMMARY|Test unit written" || true
  status=${PIPESTATUS[0]}
fi
if [ -n "$(ls -A "$scratch/findings" 2>/dev/null)" ]; then
  echo "Fuzz/run.sh: findings in $scratch/findings (add each to Fuzz/regressions once fixed):" >&2
  ls "$scratch/findings" >&2
  exit 1
fi
exit "$status"
