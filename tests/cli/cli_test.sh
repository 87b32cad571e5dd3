#!/usr/bin/env bash
# CLI behaviour tests: cli_test.sh CASE DYAD_BINARY TESTS_DATA_DIR. Exit 0 = pass.
source "$(dirname "$0")/cli_support.sh"

case "$case_name" in
help)
  run 0 "$dyad" --help
  has "$tmp/out" "dyad extract --jsonl"
  has "$tmp/out" "dyad validate FILE.json"
  run 0 "$dyad" --version
  has "$tmp/out" "schema dyad/1"
  ;;
usage_errors)
  run 2 "$dyad"
  run 2 "$dyad" frobnicate
  run 2 "$dyad" validate
  run 2 "$dyad" validate --strict x.json
  run 2 "$dyad" extract
  run 2 "$dyad" extract --jsonl --pretty -
  run 2 "$dyad" extract --bogus x.txt
  has "$tmp/err" "unknown option for extract"
  ;;
unreadable_file)
  run 3 "$dyad" validate "$tmp/missing.json"
  has "$tmp/err" "cannot read"
  run 3 "$dyad" extract "$tmp/missing.txt"
  run 3 "$dyad" extract --jsonl "$tmp/missing.jsonl"
  ;;
validate_valid)
  for f in "$data"/json/valid/*.json; do
    run 0 "$dyad" validate "$f"
    has "$tmp/out" "$f: valid dyad/1"
  done
  ;;
validate_dev_set)
  for f in "$data"/dev/*.json; do
    run 0 "$dyad" validate "$f"
    if [ -s "$tmp/err" ]; then cat "$tmp/err" >&2; fail "diagnostics for $f"; fi
  done
  ;;
validate_broken)
  # Every expected diagnostic appears as "FILE[:line:col]: error: message [at POINTER] (CODE)".
  tail -n +2 "$data/json/broken/expected.tsv" | while IFS= read -r row; do
    file=$(printf '%s' "$row" | cut -f1)
    code=$(printf '%s' "$row" | cut -f2)
    path=$(printf '%s' "$row" | cut -f3)
    f="$data/json/broken/$file"
    run 1 "$dyad" validate "$f"
    if [ -n "$path" ]; then suffix="[at $path] ($code)"; else suffix="($code)"; fi
    grep -aF -- "$suffix" "$tmp/err" | grep -qaE "^$f(:[0-9]+:[0-9]+)?: error: " || { cat "$tmp/err" >&2; fail "$file: no line ending in $suffix"; }
    has "$tmp/err" "$f: invalid ("
    if [ -s "$tmp/out" ]; then fail "$file: stdout should be empty"; fi
  done || exit 1
  ;;
validate_every_problem)
  f="$data/json/broken/multiple-errors.json"
  run 1 "$dyad" validate "$f"
  n=$(grep -c ": error: " "$tmp/err")
  [ "$n" -eq 5 ] || { cat "$tmp/err" >&2; fail "expected 5 error lines, got $n"; }
  has "$tmp/err" "$f: invalid (5 problems)"
  ;;
validate_several_files)
  run 1 "$dyad" validate "$data/json/valid/full.json" "$data/json/broken/cameo-wrong-root.json" "$data/json/valid/minimal.json"
  has "$tmp/out" "full.json: valid dyad/1"
  has "$tmp/out" "minimal.json: valid dyad/1"
  has "$tmp/err" "[at /relations/0/cameo] (cameo.type)"
  run 3 "$dyad" validate "$data/json/broken/cameo-wrong-root.json" "$tmp/missing.json"
  ;;
validate_stdin)
  run 0 "$dyad" validate - <"$data/json/valid/full.json"
  has "$tmp/out" "<stdin>: valid dyad/1"
  run 1 "$dyad" validate - <"$data/json/broken/dangling-member.json"
  has "$tmp/err" "<stdin>: error: "
  has "$tmp/err" "[at /mentions/3/members/1] (ref.dangling)"
  ;;
extract_then_validate)
  printf 'Çavuşoğlu met “Bayramov” in Baku 😀.\r\nوزير الخارجية\u00a0said.' >"$tmp/a.txt"
  run 0 "$dyad" extract "$tmp/a.txt"
  cp "$tmp/out" "$tmp/a.json"
  has "$tmp/a.json" '"schema":"dyad/1"'
  run 0 "$dyad" validate "$tmp/a.json"
  run 0 "$dyad" extract --pretty - <"$tmp/a.txt"
  cp "$tmp/out" "$tmp/b.json"
  run 0 "$dyad" validate "$tmp/b.json"
  ;;
jsonl_records)
  printf '%s\n' '"Iran and Azerbaijan agreed to reopen the border."' \
    '{"id":"art-1","text":"Bayramov met Araghchi in Baku 😀.","title":"T","source":"wire"}' \
    '' \
    '{"id":42,"text":"Tehran accused Baku.","meta":{"annotator":"me","batch":7}}' >"$tmp/in.jsonl"
  run 0 "$dyad" extract --jsonl "$tmp/in.jsonl"
  n=$(wc -l <"$tmp/out")
  [ "$n" -eq 3 ] || fail "expected 3 records, got $n"
  sed -n 1p "$tmp/out" | grep -qF '"schema":"dyad/1"' || fail "record 1"
  sed -n 2p "$tmp/out" | grep -qF '"diagnostics":[],"id":"art-1","source":"wire"}' || fail "record 2 keeps id and extra fields"
  sed -n 2p "$tmp/out" | grep -qF '"meta":{"title":"T",' || fail "record 2 title in meta"
  sed -n 3p "$tmp/out" | grep -qF '"annotator":"me","notes":"","batch":7}' || fail "record 3 meta"
  sed -n 3p "$tmp/out" | grep -qF ',"id":42}' || fail "record 3 keeps a numeric id"
  ;;
jsonl_bad_line)
  printf '%s\n' '{"id":"ok-1","text":"Iran met Azerbaijan."}' \
    '{"id":"bad-2","text":' \
    '{"id":"bad-3","title":"no text"}' \
    '{"id":"bad-4","text":17}' \
    '[1,2]' \
    '{"id":"ok-6","text":"Baku accused Tehran."}' >"$tmp/in.jsonl"
  printf '\xff\xfe"x"\n' >>"$tmp/in.jsonl"
  run 1 "$dyad" extract --jsonl "$tmp/in.jsonl"
  n=$(wc -l <"$tmp/out")
  [ "$n" -eq 7 ] || fail "expected 7 records, got $n"
  sed -n 1p "$tmp/out" | grep -qF '"id":"ok-1"}' || fail "line 1"
  sed -n 2p "$tmp/out" | grep -qF '{"schema":"dyad/1-error","line":2,"id":null,"error":' || fail "line 2: $(sed -n 2p "$tmp/out")"
  sed -n 3p "$tmp/out" | grep -qF '{"schema":"dyad/1-error","line":3,"id":"bad-3","error":' || fail "line 3"
  sed -n 3p "$tmp/out" | grep -qF '"code":"jsonl.missing"}' || fail "line 3 code"
  sed -n 4p "$tmp/out" | grep -qF '"line":4,"id":"bad-4"' || fail "line 4"
  sed -n 5p "$tmp/out" | grep -qF '"line":5,"id":null' || fail "line 5"
  sed -n 6p "$tmp/out" | grep -qF '"id":"ok-6"}' || fail "line 6 goes on after bad lines"
  sed -n 7p "$tmp/out" | grep -qF '"code":"jsonl.utf8"' || fail "line 7"
  has "$tmp/err" "$tmp/in.jsonl:2: error: "
  ;;
jsonl_stdin)
  printf '"one"\n"two"\n' | "$dyad" extract --jsonl - >"$tmp/out" 2>"$tmp/err" || fail "exit $?"
  [ "$(wc -l <"$tmp/out")" -eq 2 ] || fail "two records"
  printf 'oops\n' | "$dyad" extract --jsonl - >"$tmp/out" 2>"$tmp/err"
  [ $? -eq 1 ] || fail "bad line from stdin exits 1"
  has "$tmp/out" '"line":1'
  ;;
jsonl_records_validate)
  printf '%s\n' '{"id":"a","text":"Çavuşoğlu met Bayramov 😀 in Baku."}' '"Tehran accused Baku of delays."' >"$tmp/in.jsonl"
  run 0 "$dyad" extract --jsonl --no-tokens "$tmp/in.jsonl"
  cp "$tmp/out" "$tmp/records.jsonl"
  i=0
  while IFS= read -r record; do
    i=$((i + 1))
    printf '%s\n' "$record" >"$tmp/r$i.json"
    run 0 "$dyad" validate "$tmp/r$i.json"
  done <"$tmp/records.jsonl"
  [ "$i" -eq 2 ] || fail "two records"
  ;;
*)
  fail "unknown case"
  ;;
esac
echo "ok [$case_name]"
