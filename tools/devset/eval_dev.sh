#!/bin/sh
# Scores the built-in extractor on the dev set: `dyad eval --extract tests/data/dev`.
# Usage: tools/devset/eval_dev.sh [--json] [--pred-out DIR] [other `dyad eval` options]
# The binary is $DYAD if set, else the first of build/{release,dev,eval}/bin/dyad that exists.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
dyad=${DYAD:-}
if [ -z "$dyad" ]; then
  for preset in release dev eval; do
    if [ -x "$root/build/$preset/bin/dyad" ]; then dyad="$root/build/$preset/bin/dyad"; break; fi
  done
fi
if [ -z "$dyad" ]; then
  echo "eval_dev.sh: no dyad binary; build one (cmake --workflow --preset dev) or set DYAD" >&2
  exit 3
fi
exec "$dyad" eval --extract "$root/tests/data/dev" "$@"
