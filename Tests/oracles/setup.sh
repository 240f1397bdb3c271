#!/usr/bin/env bash
# Makes the venv of the test oracles (BPMN checks, JSON Schema, openpyxl; Prosimos with --prosimos) and
# prints the environment the tests read to find them. Usage:
#   eval "$(bash Tests/oracles/setup.sh [--prosimos] [DIR])"
# DIR defaults to ${TMPDIR:-/tmp}/procmod-oracles. Nothing here is needed to build or run procmod.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prosimos=false
if [ "${1:-}" = "--prosimos" ]; then prosimos=true; shift; fi
target="${1:-${TMPDIR:-/tmp}/procmod-oracles}"
py="$(command -v python3)"
if [ ! -x "$target/bin/python" ]; then "$py" -m venv "$target" >&2; fi
"$target/bin/pip" install -q --disable-pip-version-check -r "$here/requirements.txt" >&2
echo "export PROCMOD_BPMN_PYTHON='$target/bin/python'"
echo "export PROCMOD_JSONSCHEMA_PYTHON='$target/bin/python' PROCMOD_OPENPYXL_PYTHON='$target/bin/python' PROCMOD_JUNIT_PYTHON='$target/bin/python'"
if $prosimos; then
  if [ ! -x "$target-prosimos/bin/prosimos" ]; then
    "$py" -m venv "$target-prosimos" >&2
    "$target-prosimos/bin/pip" install -q --disable-pip-version-check prosimos==2.1.0 >&2
  fi
  echo "export PROCMOD_PROSIMOS='$target-prosimos/bin/prosimos'"
fi
