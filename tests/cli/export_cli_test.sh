#!/usr/bin/env bash
# `dyad export` behaviour: export_cli_test.sh CASE DYAD_BINARY TESTS_DATA_DIR. Exit 0 = pass.
source "$(dirname "$0")/cli_support.sh"
same() { cmp -s "$1" "$2" || { diff "$2" "$1" >&2; fail "$(basename "$1") differs from the expected output"; }; }

# A small annotated article (code points: Baku is 28-32, after the emoji; UTF-16 would be 29-33).
cat >"$tmp/doc.json" <<'JSON'
{"schema":"dyad/1","text":"Çavuşoğlu met Bayramov 😀 in Baku.\nThey agreed.",
 "meta":{"title":"Talks","date":"2026-03-12"},
 "actors":[
  {"id":"a1","name":"Mevlüt Çavuşoğlu","type":"PERSON","country":"TUR","sector":"GOV","code":"TURGOV","provenance":{"by":"user"},"status":"accepted","confidence":1.0},
  {"id":"a2","name":"Jeyhun Bayramov","type":"PERSON","country":"AZE","sector":"GOV","code":"AZEGOV","provenance":{"by":"user"},"status":"accepted","confidence":1.0},
  {"id":"a3","name":"Baku","type":"LOCATION","country":"AZE","provenance":{"by":"user"},"status":"accepted","confidence":1.0}],
 "mentions":[
  {"id":"m1","actor":"a1","start":0,"end":9,"kind":"NAME","provenance":{"by":"user"},"status":"accepted","confidence":1.0},
  {"id":"m2","actor":"a2","start":14,"end":22,"kind":"NAME","provenance":{"by":"user"},"status":"accepted","confidence":1.0},
  {"id":"m3","actor":"a3","start":28,"end":32,"kind":"NAME","provenance":{"by":"user"},"status":"accepted","confidence":1.0}],
 "relations":[
  {"id":"r1","source":"a1","target":"a2","source_mention":"m1","target_mention":"m2","type":"CONSULT","cameo":"040",
   "quad":"VERBAL_COOPERATION","trigger":{"start":10,"end":13},"sentence":-1,"negated":false,"modality":"asserted",
   "time":null,"provenance":{"by":"user"},"status":"accepted","confidence":1.0}]}
JSON

case "$case_name" in
export_usage)
  run 0 "$dyad" --help
  has "$tmp/out" "dyad export --format"
  run 2 "$dyad" export "$tmp/doc.json"
  has "$tmp/err" "export needs --format"
  run 2 "$dyad" export --format xml "$tmp/doc.json"
  has "$tmp/err" "unknown export format: xml"
  run 2 "$dyad" export --format events
  run 2 "$dyad" export --format
  run 2 "$dyad" export --format events --bogus "$tmp/doc.json"
  run 2 "$dyad" export --format events "$tmp/doc.json" "$tmp/doc.json"
  ;;
export_unreadable)
  run 3 "$dyad" export --format events "$tmp/missing.json"
  has "$tmp/err" "cannot read"
  run 3 "$dyad" export --format brat "$tmp"
  ;;
export_invalid)
  run 1 "$dyad" export --format events "$data/json/broken/cameo-wrong-root.json"
  has "$tmp/err" "(cameo.type)"
  [ -s "$tmp/out" ] && fail "stdout should be empty for an invalid file"
  printf '{"schema":' >"$tmp/bad.json"
  run 1 "$dyad" export --format conll - <"$tmp/bad.json"
  has "$tmp/err" "<stdin>"
  ;;
export_events)
  run 0 "$dyad" export --format events "$tmp/doc.json"
  printf 'event_id\tdoc_title\tdoc_date\tsentence\tsource_name\tsource_code\tsource_country\tplover_type\tcameo\tquad\ttarget_name\ttarget_code\ttarget_country\tnegated\tmodality\tstatus\tconfidence\ttrigger\tsentence_text\n' >"$tmp/want"
  printf 'r1\tTalks\t2026-03-12\t\tMevlüt Çavuşoğlu\tTURGOV\tTUR\tCONSULT\t040\tVERBAL_COOPERATION\tJeyhun Bayramov\tAZEGOV\tAZE\tfalse\tasserted\taccepted\t1.0\tmet\tÇavuşoğlu met Bayramov 😀 in Baku.\n' >>"$tmp/want"
  same "$tmp/out" "$tmp/want"
  [ -s "$tmp/err" ] && fail "no diagnostics expected"
  # stdin and --format=F give the same
  run 0 "$dyad" export --format=events - <"$tmp/doc.json"
  same "$tmp/out" "$tmp/want"
  ;;
export_brat)
  run 0 "$dyad" export --format brat "$tmp/doc.json"
  {
    printf 'T1\tPERSON 0 9\tÇavuşoğlu\n#1\tAnnotatorNotes T1\tmention=m1 actor=a1 code=TURGOV name=Mevlüt Çavuşoğlu\n'
    printf 'T2\tPERSON 14 22\tBayramov\n#2\tAnnotatorNotes T2\tmention=m2 actor=a2 code=AZEGOV name=Jeyhun Bayramov\n'
    printf 'T3\tLOCATION 28 32\tBaku\n#3\tAnnotatorNotes T3\tmention=m3 actor=a3 name=Baku\n'
    printf 'R1\tCONSULT Arg1:T1 Arg2:T2\n#4\tAnnotatorNotes R1\trelation=r1 cameo=040 negated=false modality=asserted trigger=10-13:met\n'
  } >"$tmp/want"
  same "$tmp/out" "$tmp/want"
  # Every T line's offsets select its text in code points (as brat, in Python 3, reads them).
  if command -v python3 >/dev/null; then
    python3 - "$tmp/doc.json" "$tmp/out" <<'PY' || fail "brat offsets do not select the text"
import json, sys
text = json.load(open(sys.argv[1], encoding="utf-8"))["text"]
for line in open(sys.argv[2], encoding="utf-8"):
    if line.startswith("T"):
        tid, mid, covered = line.rstrip("\n").split("\t")
        frags = [tuple(map(int, f.split())) for f in mid.split(" ", 1)[1].split(";")]
        assert " ".join(text[s:e] for s, e in frags) == covered, line
PY
  fi
  ;;
export_conll)
  # The file has no tokens (as written by --no-tokens): the core tokenizer is used.
  run 0 "$dyad" export --format conll "$tmp/doc.json"
  printf 'Çavuşoğlu\tB-PER\nmet\tO\nBayramov\tB-PER\n😀\tO\nin\tO\nBaku\tB-LOC\n.\tO\n\nThey\tO\nagreed\tO\n.\tO\n\n' >"$tmp/want"
  same "$tmp/out" "$tmp/want"
  ;;
export_extracted)
  # Extract -> export in every format; the dev set exports without span problems.
  for f in "$data"/dev/*.json; do
    for fmt in events brat conll jsonl-events; do
      run 0 "$dyad" export --format "$fmt" "$f"
      if grep -aq "export.span" "$tmp/err"; then cat "$tmp/err" >&2; fail "$f $fmt: span problem"; fi
    done
  done
  n_rel=$(python3 -c 'import json,sys; print(sum(r["status"]!="rejected" for r in json.load(open(sys.argv[1]))["relations"]))' "$f" 2>/dev/null || echo skip)
  if [ "$n_rel" != skip ]; then
    run 0 "$dyad" export --format events "$f"
    rows=$(($(wc -l <"$tmp/out") - 1))
    [ "$rows" -eq "$n_rel" ] || fail "$f: $rows event rows for $n_rel relations"
    run 0 "$dyad" export --format jsonl-events "$f"
    [ "$(wc -l <"$tmp/out")" -eq "$n_rel" ] || fail "$f: jsonl-events line count"
  fi
  ;;
*)
  fail "unknown case"
  ;;
esac
exit 0
