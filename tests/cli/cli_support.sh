# Shared by the CLI test scripts (sourced): the case name, the binary and the data dir from the
# arguments, a temporary dir removed on exit, and the helpers fail / run / has.
set -u
case_name=$1
dyad=$2
data=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL [$case_name]: $*" >&2; exit 1; }

# run EXPECTED_EXIT cmd... : runs with stdout/stderr captured in $tmp/out, $tmp/err.
run() {
  local expected=$1; shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  [ "$rc" -eq "$expected" ] || { cat "$tmp/err" >&2; fail "expected exit $expected, got $rc: $*"; }
}
has() { grep -aqF -- "$2" "$1" || { echo "--- $1:" >&2; head -c 3000 "$1" >&2; fail "missing in $(basename "$1"): $2"; }; }
